import { ChronoUnit, LocalDate } from '@js-joda/core';
import { Money, sum } from '@ij/money';
import type { StoppageAccount, StoppageState } from '@ij/ledger';

export const BACKLOG_REASONS = ['MISSING_SALARY_CERTIFICATE', 'ADVANCE_NOT_REGULARIZED', 'UNDERPAID', 'OVERPAID'] as const;
export type BacklogReason = (typeof BACKLOG_REASONS)[number];

export const AGE_BUCKETS = ['0-14', '15-30', '31-60', '61-90', '>90'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface UnsettledStoppage {
  reason: BacklogReason;
  amountCents: number;
  /** The oldest unsettled fact: the age is counted from it. */
  since: string;
}

/**
 * Why a stoppage is not settled, one reason in this priority (the first that applies), or undefined when
 * it is settled:
 * - MISSING_SALARY_CERTIFICATE: nothing can be computed; the amount is what was paid so far, since the start;
 * - ADVANCE_NOT_REGULARIZED: advances issued after the last regularization, since the first of them;
 * - UNDERPAID: a positive balance through `through`, since the first day not settled by a regularization;
 * - OVERPAID: a negative balance, since the regularization that assessed it (else the early end, else the start).
 */
export function unsettledReason(stoppage: StoppageState, account: StoppageAccount, advancesRegularized: number): UnsettledStoppage | undefined {
  if (account.entitlement.status === 'MISSING_SALARY_CERTIFICATE') {
    return { reason: 'MISSING_SALARY_CERTIFICATE', amountCents: account.paidCents, since: stoppage.startDate };
  }
  const pending = stoppage.advances.slice(advancesRegularized);
  if (pending.length > 0) {
    return {
      reason: 'ADVANCE_NOT_REGULARIZED',
      amountCents: sum(pending.map((advance) => Money.fromCents(advance.amountCents))).toCents(),
      since: pending[0].issuedOn,
    };
  }
  const balance = Money.fromCents(account.balanceCents);
  if (balance.isPositive()) {
    const lastRegularization = stoppage.regularizations.at(-1);
    const since = lastRegularization ? LocalDate.parse(lastRegularization.through).plusDays(1).toString() : stoppage.startDate;
    return { reason: 'UNDERPAID', amountCents: balance.toCents(), since };
  }
  if (balance.isNegative()) {
    const assessment = stoppage.regularizations.find((regularization) => regularization.overpaymentAssessedCents > 0);
    return { reason: 'OVERPAID', amountCents: balance.negate().toCents(), since: assessment?.regularizedOn ?? stoppage.lastDay ?? stoppage.startDate };
  }
  return undefined;
}

/** Whole days from `since` to `through`; 0 when the fact is not older than `through`. */
export function ageInDays(since: string, through: string): number {
  return Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(since), LocalDate.parse(through)));
}

export function ageBucket(ageDays: number): AgeBucket {
  if (ageDays <= 14) return '0-14';
  if (ageDays <= 30) return '15-30';
  if (ageDays <= 60) return '31-60';
  if (ageDays <= 90) return '61-90';
  return '>90';
}
