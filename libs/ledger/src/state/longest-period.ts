import { dayBefore, yearsAfter } from '../dates';

/** The longest period the law pays a chain for: 3 years, date to date (L323-1 1°, R323-1 2°). */
export const LONGEST_PERIOD_YEARS = 3;

/** The last day a chain starting on `chainStartDate` can cover: the day before the same date 3 years later. */
export function latestChainEnd(chainStartDate: string): string {
  return dayBefore(yearsAfter(chainStartDate, LONGEST_PERIOD_YEARS));
}

/**
 * The end date the ledger folds for a stoppage starting on `startDate`: the recorded one, but never past the
 * longest period from the stoppage's own start. The decisions refuse any longer stoppage (issue 21); an earlier
 * release accepted 9999-12-31, and folding such an end made every computation walk 2.9 million days (about 30 s
 * a read). The stored event is unchanged; no day past that bound can be paid in any chain it belongs to.
 */
export function boundedEndDate(startDate: string, endDate: string): string {
  const latest = latestChainEnd(startDate);
  return endDate > latest ? latest : endDate;
}
