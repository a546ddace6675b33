import { Money, max, min, sum } from '@ij/money';
import { yearsBefore } from '../dates';
import type { PolicyholderState, StoppageState } from '../state/policyholder-state';

/** CSS L332-1: recovering an undue allowance is time-barred two years after it was paid. */
export const RECOVERY_LIMITATION_YEARS = 2;

/** One overpayment a regularization assessed, and what of it is still to recover. */
export interface OverpaymentAssessment {
  stoppageId: string;
  regularizationId: string;
  assessedOn: string;
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

/** Assessed on or before this date, an overpayment can no longer be recovered (L332-1). */
export function timeBarredOnOrBefore(today: string): string {
  return yearsBefore(today, RECOVERY_LIMITATION_YEARS);
}

export interface OutstandingOverpayments {
  /** Still recoverable, oldest first: deducted from the policyholder's next payments. */
  recoverable: OverpaymentAssessment[];
  /** Older than two years: reported, never deducted. */
  timeBarred: OverpaymentAssessment[];
}

/** Every outstanding overpayment of the policyholder on `today`, except those of `exceptStoppageId`. */
export function outstandingOverpayments(state: PolicyholderState, today: string, exceptStoppageId?: string): OutstandingOverpayments {
  const limit = timeBarredOnOrBefore(today);
  const outstanding = [...state.stoppages.values()]
    .filter((stoppage) => stoppage.stoppageId !== exceptStoppageId)
    .flatMap(overpaymentAssessments)
    .filter((assessment) => assessment.outstandingCents > 0)
    .sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0));
  return {
    recoverable: outstanding.filter((assessment) => assessment.assessedOn > limit),
    timeBarred: outstanding.filter((assessment) => assessment.assessedOn <= limit),
  };
}
