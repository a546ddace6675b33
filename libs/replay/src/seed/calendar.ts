/**
 * Calendar arithmetic for the scenario's own calendar. Dates are 'YYYY-MM-DD' strings; day numbers are
 * UTC days since 1970-01-01, so there is no time zone and no clock (Date is only used as a calculator).
 */
const MILLISECONDS_PER_DAY = 86_400_000;
const dayNumbers = new Map<string, number>();
const dates = new Map<number, string>();

export function dayNumber(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MILLISECONDS_PER_DAY;
    dayNumbers.set(date, day);
  }
  return day;
}

export function dateOf(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function laterOf(first: string, second: string): string {
  return first >= second ? first : second;
}

export function earlierOf(first: string, second: string): string {
  return first <= second ? first : second;
}

/** The last day of the month of `date`. */
export function endOfMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return dateOf(Date.UTC(year, month, 1) / MILLISECONDS_PER_DAY - 1);
}
