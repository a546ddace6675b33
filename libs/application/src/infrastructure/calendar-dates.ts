import { DateTimeParseException, LocalDate, YearMonth } from '@js-joda/core';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/u;
const MONTH_SHAPE = /^\d{4}-\d{2}$/u;

/**
 * Every date the ledger accepts lies in these years: the oldest rules parameters start in 2024 and the
 * longest legal period is 3 years, so anything outside is a typing error (issue 21: 9999-12-31 was accepted).
 * The domain then applies the narrower bounds (parameters for the start date, 3 years per chain).
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2099-12-31';

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused), from EARLIEST_DATE to LATEST_DATE. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_SHAPE.test(value)) return false;
  if (value < EARLIEST_DATE || value > LATEST_DATE) return false;
  try {
    LocalDate.parse(value);
    return true;
  } catch (error) {
    if (error instanceof DateTimeParseException) return false;
    throw error;
  }
}

export function isYearMonth(value: unknown): value is string {
  if (typeof value !== 'string' || !MONTH_SHAPE.test(value)) return false;
  try {
    YearMonth.parse(value);
    return true;
  } catch (error) {
    if (error instanceof DateTimeParseException) return false;
    throw error;
  }
}
