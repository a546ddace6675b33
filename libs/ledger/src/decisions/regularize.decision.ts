import { Money } from '@ij/money';
import type { ComputedEntitlementCents, RulesVersion } from '@ij/rules';
import { entitlementFor } from '../accounts/stoppage-account';
import { paymentTotals } from '../accounts/payment-totals';
import type { Regularize } from '../commands/commands';
import { MissingSalaryCertificateError, NoParametersForDateError, RegularizationBeforeSettledDate, RegularizationInFuture } from '../errors/payment-errors';
import type { StoppageRegularized } from '../events/policyholder-events';
import { stateEntitlementCents } from '../facts/state-entitlements';
import type { PolicyholderState, StoppageState } from '../state/policyholder-state';
import { calculationKind, chainStartDate, referenceSalaries, requireStoppage, settlementMovedBackBy } from '../state/stoppage-queries';
import type { DecisionContext } from './decision-context';
import { requireMaximumDailyAllowance } from './guards';
import { settle } from './settlement';

/**
 * Settles a stoppage through a date under the active rules version (ij-rules §5). Allowed on a closed
 * stoppage so that a rules fix can re-settle it. Recorded even when nothing is due, with everything an
 * auditor needs to reproduce it.
 */
export function regularize(command: Regularize, state: PolicyholderState, context: DecisionContext): StoppageRegularized[] {
  const stoppage = requireStoppage(state, command.stoppageId);
  if (command.through > context.today) throw new RegularizationInFuture(stoppage.stoppageId, command.through, context.today);
  requireSettlementForward(stoppage, command.through);
  // Nothing is due for an annulled stoppage: it is settled without parameters or certificate.
  if (!stoppage.annulled) {
    requireMaximumDailyAllowance(context.rules, stoppage.stoppageId, calculationKind(state, stoppage, context.rules), chainStartDate(state, stoppage, context.rules));
    requireSalaryCertificate(state, stoppage, context.rules);
  }
  const entitlement = computedEntitlement(state, stoppage, context.rules, command.through);
  const totals = paymentTotals(stoppage);
  const settlement = settle(Money.fromCents(entitlement.entitlementCents), totals.paid, totals.overpaymentOutstanding);
  return [
    {
      type: 'StoppageRegularized',
      schemaVersion: 2,
      data: {
        stoppageId: stoppage.stoppageId,
        kind: stoppage.kind,
        regularizationId: command.regularizationId,
        through: command.through,
        rulesVersion: context.rules.version,
        entitlementCents: entitlement.entitlementCents,
        paidBeforeCents: totals.paid.toCents(),
        overpaymentOutstandingBeforeCents: totals.overpaymentOutstanding.toCents(),
        ...settlement,
        regularizedOn: context.today,
      },
    },
  ];
}

/** A settlement never goes backwards (issue 21): see settlementMovedBackBy for the late early end. */
function requireSettlementForward(stoppage: StoppageState, through: string): void {
  const settled = settlementMovedBackBy(stoppage, through);
  if (settled !== undefined) throw new RegularizationBeforeSettledDate(stoppage.stoppageId, through, settled);
}

/** Nothing beyond advances can be paid without the reference salaries (ij-rules §3). */
function requireSalaryCertificate(state: PolicyholderState, stoppage: StoppageState, rules: RulesVersion): void {
  const requiredMonths = rules.requiredSalaryMonths(calculationKind(state, stoppage, rules), chainStartDate(state, stoppage, rules));
  const recordedMonths = new Set((referenceSalaries(state, stoppage, rules) ?? []).map((salary) => salary.month));
  const missingMonths = requiredMonths.filter((month) => !recordedMonths.has(month));
  if (missingMonths.length > 0) throw new MissingSalaryCertificateError(stoppage.stoppageId, missingMonths);
}

/** The rules engine has the last word: it may still refuse what the ledger's own checks let through. */
function computedEntitlement(state: PolicyholderState, stoppage: StoppageState, rules: RulesVersion, through: string): ComputedEntitlementCents {
  // Only the amount is recorded: the cents-only path gives exactly the full path's cents.
  const entitlement = entitlementFor(stateEntitlementCents(rules, state, through), stoppage.stoppageId);
  switch (entitlement.status) {
    case 'COMPUTED':
      return entitlement;
    case 'MISSING_SALARY_CERTIFICATE':
      throw new MissingSalaryCertificateError(stoppage.stoppageId, entitlement.missingMonths);
    case 'NO_PARAMETERS_FOR_DATE':
      throw new NoParametersForDateError(stoppage.stoppageId, stoppage.kind, entitlement.date, rules.version, entitlement.parameter);
  }
}
