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
  // Folded for every stoppage opened or extended (a rebuild folds a million events): an end in the start's
  // year or the two after is always within the bound, the day before the third anniversary, whose year is
  // at least the start's + 2 (a 1 January start gives 31 December two years on). No date arithmetic then.
  if (isPlainDate(startDate) && isPlainDate(endDate) && Number(endDate.slice(0, 4)) <= Number(startDate.slice(0, 4)) + 2) return endDate;
  const latest = latestChainEnd(startDate);
  return endDate > latest ? latest : endDate;
}

/** 'YYYY-MM-DD' with a 4-digit year: what the fast path of boundedEndDate may compare by year. */
function isPlainDate(date: string): boolean {
  return date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45;
}
