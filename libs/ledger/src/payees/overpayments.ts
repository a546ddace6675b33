import { Money, max, min, sum } from '@ij/money';
import type { RulesVersion } from '@ij/rules';
import { yearsBefore } from '../dates';
import type { PolicyholderState, RegularizationRecord, StoppageState } from '../state/policyholder-state';

/**
 * CSS L332-1: recovering an undue allowance is time-barred two years after it was paid. The figure in
 * force is the rules version's dated parameter (RECOVERY_LIMITATION); this is its value since 2024.
 */
export const RECOVERY_LIMITATION_YEARS = 2;

/** One overpayment a regularization assessed, and what of it is still to recover. */
export interface OverpaymentAssessment {
  stoppageId: string;
  regularizationId: string;
  assessedOn: string;
  /** When the overpaid amount was paid: the time bar runs from here (L332-1), not from the assessment. */
  paidOn: string;
  assessedCents: number;
  outstandingCents: number;
}

/**
 * The overpayments of a stoppage, oldest first. An offset names the assessment it recovered; what later
 * regularizations cancelled and what was recovered by hand are taken from the oldest assessment first.
 */
export function overpaymentAssessments(stoppage: StoppageState): OverpaymentAssessment[] {
  const assessments = stoppage.regularizations
    .filter((regularization) => regularization.overpaymentAssessedCents > 0)
    .map((regularization) => {
      const offsets = (stoppage.offsets ?? []).filter((offset) => offset.overpaymentRegularizationId === regularization.regularizationId);
      const assessed = Money.fromCents(regularization.overpaymentAssessedCents);
      return {
        stoppageId: stoppage.stoppageId,
        regularizationId: regularization.regularizationId,
        assessedOn: regularization.regularizedOn,
        paidOn: overpaidOn(stoppage, regularization),
        assessedCents: assessed.toCents(),
        remaining: max(Money.zero(), assessed.minus(sum(offsets.map((offset) => Money.fromCents(offset.amountCents))))),
      };
    });
  let settled = sum([
    ...stoppage.regularizations.map((regularization) => Money.fromCents(regularization.overpaymentCancelledCents)),
    ...stoppage.recoveries.map((recovery) => Money.fromCents(recovery.amountCents)),
  ]);
  return assessments.map(({ remaining, ...assessment }) => {
    const taken = min(remaining, settled);
    settled = settled.minus(taken);
    return { ...assessment, outstandingCents: remaining.minus(taken).toCents() };
  });
}

/**
 * The day the stoppage's payments first went beyond the entitlement the regularization found: the money
 * paid from then on is the overpaid amount. Payments are advances (issue date) and regularization payments
 * (regularization date), in date order; when none goes beyond it (an overpayment made by a recovery's
 * reversal, say) the assessment's date is used.
 */
function overpaidOn(stoppage: StoppageState, assessment: RegularizationRecord): string {
  const payments = [
    ...stoppage.advances.map((advance) => ({ on: advance.issuedOn, cents: advance.amountCents })),
    ...stoppage.regularizations.filter((regularization) => regularization.paymentCents > 0).map((regularization) => ({ on: regularization.regularizedOn, cents: regularization.paymentCents })),
  ]
    .filter((payment) => payment.on <= assessment.regularizedOn)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const entitlement = Money.fromCents(assessment.entitlementCents);
  let paid = Money.zero();
  for (const payment of payments) {
    paid = paid.plus(Money.fromCents(payment.cents));
    if (paid.compare(entitlement) > 0) return payment.on;
  }
  return assessment.regularizedOn;
}

/** Overpaid on or before this date, an overpayment can no longer be recovered (L332-1, the version's time bar). */
export function timeBarredOnOrBefore(today: string, rules: Pick<RulesVersion, 'recoveryLimitationYearsOn'>): string {
  return yearsBefore(today, rules.recoveryLimitationYearsOn(today));
}

export interface OutstandingOverpayments {
  /** Still recoverable, oldest first: deducted from the policyholder's next payments. */
  recoverable: OverpaymentAssessment[];
  /** Paid two years ago or more: reported, never deducted. */
  timeBarred: OverpaymentAssessment[];
}

/** Every outstanding overpayment of the policyholder on `today`, except those of `exceptStoppageId`. */
export function outstandingOverpayments(state: PolicyholderState, today: string, rules: Pick<RulesVersion, 'recoveryLimitationYearsOn'>, exceptStoppageId?: string): OutstandingOverpayments {
  const limit = timeBarredOnOrBefore(today, rules);
  const outstanding = [...state.stoppages.values()]
    .filter((stoppage) => stoppage.stoppageId !== exceptStoppageId)
    .flatMap(overpaymentAssessments)
    .filter((assessment) => assessment.outstandingCents > 0)
    .sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));
  return {
    recoverable: outstanding.filter((assessment) => assessment.paidOn > limit),
    timeBarred: outstanding.filter((assessment) => assessment.paidOn <= limit),
  };
}
