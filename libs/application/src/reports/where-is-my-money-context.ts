import { LocalDate } from '@js-joda/core';
import type { EventStore } from '@ij/event-store';
import { readActiveRules, type PaymentSchedule, type StatusContext } from '@ij/projections';
import { paymentRunIdOf, paymentRunStream } from '../payments/payment-run-runner';

/** The window the timeliness report covers when `from` is not given: 90 days ending at `to`. */
export const DEFAULT_TIMELINESS_DAYS = 90;

/** Today, the active rules, the planned runs, and whether a run through today is already recorded. */
export async function statusContext(events: EventStore, today: string, schedule: PaymentSchedule): Promise<StatusContext> {
  const run = await events.readStream(paymentRunStream(paymentRunIdOf(today)));
  return { rules: await readActiveRules(events), today, schedule, ranThroughToday: run.length > 0 };
}

export function timelinessWindow(today: string, from?: string, to?: string): { from: string; to: string } {
  const end = to ?? today;
  return { from: from ?? LocalDate.parse(end).minusDays(DEFAULT_TIMELINESS_DAYS - 1).toString(), to: end };
}
