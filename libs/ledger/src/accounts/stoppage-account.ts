import { Money, sum } from '@ij/money';
import type { RulesVersion, StoppageEntitlement, StoppageEntitlementCents } from '@ij/rules';
import { toPolicyholderFacts } from '../facts/to-policyholder-facts';
import { annulledEntitlement, withAnnulled } from '../facts/state-entitlements';
import { entitlementsWithLazyDetail } from './lazy-entitlement';
import type { PolicyholderState } from '../state/policyholder-state';
import { requireStoppage } from '../state/stoppage-queries';
import { paymentTotals } from './payment-totals';
import { owedAgain } from '../payees/transfers';

/** The money of a stoppage, or of all a policyholder's stoppages, in cents. */
export interface AccountTotals {
  /** 0 for a stoppage whose entitlement could not be computed. */
  entitlementCents: number;
  /** advances + regularization payments − recoveries − transfers returned and not yet paid again. */
  paidCents: number;
  /** Transfers the bank returned, owed again until ordered again (gross). */
  returnedOwedCents: number;
  /** entitlement − paid: positive is owed to the policyholder, negative is overpaid. */
  balanceCents: number;
  /** assessed − cancelled − recovered, never below 0. */
  overpaymentOutstandingCents: number;
  advancesCents: number;
  paymentsCents: number;
  recoveredCents: number;
  assessedCents: number;
  cancelledCents: number;
}

export interface StoppageAccount extends AccountTotals {
  stoppageId: string;
  entitlement: StoppageEntitlement;
}

export interface PolicyholderAccount extends AccountTotals {
  policyholderId: string | null;
  rulesVersion: string;
  through: string;
  stoppages: StoppageAccount[];
}

/**
 * The single place where the rules' entitlement meets what was paid (ij-rules §5). The amounts come from
 * the rules engine's cents-only path; the entitlement's day lines and steps are computed only if read.
 */
export function stoppageAccount(state: PolicyholderState, stoppageId: string, rules: RulesVersion, through: string): StoppageAccount {
  requireStoppage(state, stoppageId);
  const entitlements = withAnnulled(state, entitlementsWithLazyDetail(rules, toPolicyholderFacts(state), through), (stoppage) => annulledEntitlement(stoppage, rules, through));
  return accountOf(state, stoppageId, entitlementFor(entitlements, stoppageId));
}

export function policyholderAccount(state: PolicyholderState, rules: RulesVersion, through: string): PolicyholderAccount {
  const entitlements = withAnnulled(state, entitlementsWithLazyDetail(rules, toPolicyholderFacts(state), through), (stoppage) => annulledEntitlement(stoppage, rules, through));
  const stoppages = [...state.stoppages.keys()].map((stoppageId) =>
    accountOf(state, stoppageId, entitlementFor(entitlements, stoppageId)),
  );
  const total = (field: keyof AccountTotals) =>
    sum(stoppages.map((account) => Money.fromCents(account[field]))).toCents();
  return {
    policyholderId: state.policyholderId,
    rulesVersion: rules.version,
    through,
    entitlementCents: total('entitlementCents'),
    paidCents: total('paidCents'),
    returnedOwedCents: total('returnedOwedCents'),
    balanceCents: total('balanceCents'),
    overpaymentOutstandingCents: total('overpaymentOutstandingCents'),
    advancesCents: total('advancesCents'),
    paymentsCents: total('paymentsCents'),
    recoveredCents: total('recoveredCents'),
    assessedCents: total('assessedCents'),
    cancelledCents: total('cancelledCents'),
    stoppages,
  };
}

/** The rules engine answers for every stoppage it was given; a missing answer is a bug, not a refusal. */
export function entitlementFor<T extends { stoppageId: string }>(entitlements: readonly T[], stoppageId: string): T {
  const entitlement = entitlements.find((candidate) => candidate.stoppageId === stoppageId);
  if (!entitlement) throw new Error(`The rules engine returned no entitlement for stoppage ${stoppageId}`);
  return entitlement;
}

export function entitlementCentsOf(entitlement: StoppageEntitlement | StoppageEntitlementCents): number {
  return entitlement.status === 'COMPUTED' ? entitlement.entitlementCents : 0;
}

/**
 * A returned transfer never reached its payee: it is not paid, so the balance shows it owed again (api.md
 * "Money that moves"), while regularizations keep counting it as decided (it is ordered again, not re-settled).
 */
function accountOf(state: PolicyholderState, stoppageId: string, entitlement: StoppageEntitlement): StoppageAccount {
  const totals = paymentTotals(requireStoppage(state, stoppageId));
  const returnedOwed = sum(owedAgain(state).filter((transfer) => transfer.stoppageId === stoppageId).map((transfer) => Money.fromCents(transfer.grossCents)));
  const paid = totals.paid.minus(returnedOwed);
  const entitlementAmount = Money.fromCents(entitlementCentsOf(entitlement));
  return {
    stoppageId,
    entitlement,
    entitlementCents: entitlementAmount.toCents(),
    paidCents: paid.toCents(),
    returnedOwedCents: returnedOwed.toCents(),
    balanceCents: entitlementAmount.minus(paid).toCents(),
    overpaymentOutstandingCents: totals.overpaymentOutstanding.toCents(),
    advancesCents: totals.advances.toCents(),
    paymentsCents: totals.payments.toCents(),
    recoveredCents: totals.recovered.toCents(),
    assessedCents: totals.assessed.toCents(),
    cancelledCents: totals.cancelled.toCents(),
  };
}
