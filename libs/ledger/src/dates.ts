/** Calendar dates 'YYYY-MM-DD' compare as strings; day counts go through UTC day numbers (no clock, no time zone). */
const MILLISECONDS_PER_DAY = 86_400_000;

function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / MILLISECONDS_PER_DAY;
}

/** Number of calendar days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

/** The same calendar day `years` years earlier; 29 February becomes 28 February in a common year. */
export function yearsBefore(date: string, years: number): string {
  const [year, month, day] = date.split('-');
  const earlier = String(Number(year) - years).padStart(4, '0');
  const leap = (value: number) => (value % 4 === 0 && value % 100 !== 0) || value % 400 === 0;
  const safeDay = month === '02' && day === '29' && !leap(Number(earlier)) ? '28' : day;
  return `${earlier}-${month}-${safeDay}`;
}

/** The same calendar day `years` years later; 29 February becomes 28 February in a common year. */
export function yearsAfter(date: string, years: number): string {
  return yearsBefore(date, -years);
}

/** The day before a date. */
export function dayBefore(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** The earlier of two dates. */
export function earlierOf(first: string, second: string): string {
  return first < second ? first : second;
}
