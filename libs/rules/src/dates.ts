import { LocalDate } from '@js-joda/core';

/**
 * Dates cross the boundary as 'YYYY-MM-DD' strings and are turned into integer epoch days once, so that
 * the day loops only add integers. Both directions are cached: a policyholder's history spans a few
 * thousand distinct days, and parsing with js-joda costs microseconds we cannot spend per day line.
 */
const epochDayByDate = new Map<string, number>();
const dateByEpochDay = new Map<number, string>();
/** A guard against unbounded growth in a long-lived process; the caches are only an optimisation. */
const CACHE_LIMIT = 200_000;

export function toEpochDay(date: string): number {
  let epochDay = epochDayByDate.get(date);
  if (epochDay === undefined) {
    epochDay = LocalDate.parse(date).toEpochDay();
    if (epochDayByDate.size >= CACHE_LIMIT) epochDayByDate.clear();
    epochDayByDate.set(date, epochDay);
  }
  return epochDay;
}

/** Day lines for 1970–2079 come from a dense array (the hot path); other days from the Map. */
const DENSE_DAYS = 40_000;
const denseDates: (string | undefined)[] = new Array(DENSE_DAYS);

export function toIsoDate(epochDay: number): string {
  if (epochDay >= 0 && epochDay < DENSE_DAYS) {
    return denseDates[epochDay] ?? (denseDates[epochDay] = LocalDate.ofEpochDay(epochDay).toString());
  }
  let date = dateByEpochDay.get(epochDay);
  if (date === undefined) {
    date = LocalDate.ofEpochDay(epochDay).toString();
    if (dateByEpochDay.size >= CACHE_LIMIT) dateByEpochDay.clear();
    dateByEpochDay.set(epochDay, date);
  }
  return date;
}

/** The same calendar day `years` earlier (29 February → 28 February), as js-joda's minusYears. */
export function minusYears(epochDay: number, years: number): number {
  return LocalDate.ofEpochDay(epochDay).minusYears(years).toEpochDay();
}

/** The same calendar day `years` later (29 February → 28 February), as js-joda's plusYears. */
export function plusYears(epochDay: number, years: number): number {
  return LocalDate.ofEpochDay(epochDay).plusYears(years).toEpochDay();
}

/** The last day of the calendar month before the one containing `epochDay` (R323-4, R331-5). */
export function lastDayOfPreviousMonth(epochDay: number): number {
  const date = LocalDate.ofEpochDay(epochDay);
  return date.minusDays(date.dayOfMonth()).toEpochDay();
}

/** The `count` calendar months ('YYYY-MM') before the month of `date`, oldest first. */
export function monthsBefore(date: string, count: number): string[] {
  // Month arithmetic on the string for the usual 4-digit years (the date is still validated by js-joda once).
  const months: string[] = [];
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (/^\d{4}-\d{2}-\d{2}$/u.test(date) && year >= 1100) {
    toEpochDay(date);
    const index = year * 12 + month - 1;
    for (let back = count; back >= 1; back -= 1) {
      const before = index - back;
      const monthOfYear = (before % 12) + 1;
      months.push(`${Math.floor(before / 12)}-${monthOfYear < 10 ? '0' : ''}${monthOfYear}`);
    }
    return months;
  }
  const firstOfMonth = LocalDate.parse(date).withDayOfMonth(1);
  for (let back = count; back >= 1; back -= 1) months.push(firstOfMonth.minusMonths(back).toString().slice(0, 7));
  return months;
}
