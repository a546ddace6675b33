import { LocalDate } from '@js-joda/core';

/**
 * How the ledger knows when the next payment run is planned (decision, README "Where is my money"): the
 * fund configures the days of the month its supervisors run payments, `LEDGER_PAYMENT_RUN_DAYS=5,20`
 * (1 to 28, so that every month has them). A run through a date is started on that date (a run cannot
 * settle the future), so the next run is the first planned day on or after today, or after today once a
 * run through today is recorded. With no schedule configured no run is planned, and nothing says when a
 * payable amount will be paid: the status says the fund must act.
 */
export interface PaymentSchedule {
  /** Days of the month, ascending, no repeats; empty = no run planned. */
  daysOfMonth: readonly number[];
}

export const NO_PAYMENT_SCHEDULE: PaymentSchedule = { daysOfMonth: [] };

export class InvalidPaymentSchedule extends Error {}

/** "5,20" → { daysOfMonth: [5, 20] }; empty or absent → no schedule. */
export function parsePaymentSchedule(text: string | undefined): PaymentSchedule {
  if (text === undefined || text.trim() === '') return NO_PAYMENT_SCHEDULE;
  const days = text.split(',').map((part) => part.trim());
  if (!days.every((day) => /^\d{1,2}$/u.test(day) && Number(day) >= 1 && Number(day) <= 28)) {
    throw new InvalidPaymentSchedule(`LEDGER_PAYMENT_RUN_DAYS must list days of the month from 1 to 28 separated by commas (e.g. "5,20"), not "${text}"`);
  }
  return { daysOfMonth: [...new Set(days.map(Number))].sort((a, b) => a - b) };
}

/** The next planned run date, or undefined when no run is planned. */
export function nextPaymentRunOn(schedule: PaymentSchedule, today: string, ranThroughToday: boolean): string | undefined {
  if (schedule.daysOfMonth.length === 0) return undefined;
  const start = LocalDate.parse(today);
  const earliest = ranThroughToday ? start.plusDays(1) : start;
  for (let month = 0; month < 2; month++) {
    const first = earliest.withDayOfMonth(1).plusMonths(month);
    for (const day of schedule.daysOfMonth) {
      const candidate = first.withDayOfMonth(day);
      if (!candidate.isBefore(earliest)) return candidate.toString();
    }
  }
  return undefined;
}
