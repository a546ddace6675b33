import { Money, sum } from '@ij/money';
import type { RulesVersion } from '@ij/rules';
import { employerShares, maskIban, outstandingOverpayments, type PolicyholderState, type StoppageAccount, type StoppageState } from '@ij/ledger';

export interface PayeeBalance {
  payee: 'POLICYHOLDER' | 'EMPLOYER';
  employerId?: string;
  /** The allowances of the days paid to this payee. */
  entitlementCents: number;
  /** What was paid to this payee (for the policyholder: advances and payments, less recoveries). */
  paidCents: number;
  balanceCents: number;
}

/**
 * The stoppage's account split by payee: each subrogated employer for its days, the policyholder for
 * the rest (R323-11, R433-12). The day lines are read only for a subrogated stoppage.
 */
export function payeeBalances(stoppage: StoppageState, account: StoppageAccount): PayeeBalance[] {
  const days = (stoppage.subrogations ?? []).length > 0 && account.entitlement.status !== 'NO_PARAMETERS_FOR_DATE' ? account.entitlement.days : [];
  const employers = employerShares(stoppage, days).map((share) => balanceOf('EMPLOYER', Money.fromCents(share.entitlementCents), Money.fromCents(share.paidCents), share.employerId));
  const employerEntitlement = sum(employers.map((employer) => Money.fromCents(employer.entitlementCents)));
  const employerPaid = sum((stoppage.paymentOrders ?? []).filter((order) => order.payee === 'EMPLOYER').map((order) => Money.fromCents(order.grossCents)));
  const policyholder = balanceOf(
    'POLICYHOLDER',
    Money.fromCents(account.entitlementCents).minus(employerEntitlement),
    Money.fromCents(account.paidCents).minus(employerPaid),
  );
  return [policyholder, ...employers];
}

function balanceOf(payee: PayeeBalance['payee'], entitlement: Money, paid: Money, employerId?: string): PayeeBalance {
  return { payee, ...(employerId === undefined ? {} : { employerId }), entitlementCents: entitlement.toCents(), paidCents: paid.toCents(), balanceCents: entitlement.minus(paid).toCents() };
}

export interface OverpaymentRecovery {
  /** Outstanding and assessed less than two years ago: deducted from the next payments (L133-4-1). */
  recoverableCents: number;
  /** Outstanding but paid two years ago or more: reported, never deducted (L332-1). */
  timeBarredCents: number;
  timeBarred: Array<{ stoppageId: string; regularizationId: string; assessedOn: string; paidOn: string; outstandingCents: number }>;
}

export function overpaymentRecovery(state: PolicyholderState, onDate: string, rules: Pick<RulesVersion, 'recoveryLimitationYearsOn'>): OverpaymentRecovery {
  const { recoverable, timeBarred } = outstandingOverpayments(state, onDate, rules);
  const total = (list: typeof recoverable) => sum(list.map((assessment) => Money.fromCents(assessment.outstandingCents))).toCents();
  return {
    recoverableCents: total(recoverable),
    timeBarredCents: total(timeBarred),
    timeBarred: timeBarred.map(({ stoppageId, regularizationId, assessedOn, paidOn, outstandingCents }) => ({ stoppageId, regularizationId, assessedOn, paidOn, outstandingCents })),
  };
}

/** The IBAN shown masked but for its last 4 characters; null when none was given. */
export function maskedBankAccount(state: PolicyholderState): { iban: string; bic?: string; holderName: string } | null {
  const account = state.bankAccount;
  return account ? { ...account, iban: maskIban(account.iban) } : null;
}

