import { LocalDate } from '@js-joda/core';
import { effectiveEndDate } from '@ij/ledger';
import { STOPPAGE_KINDS, type StoppageKind } from '@ij/rules';
import type { PolicyholderDocument } from '../model/policyholder-document';
import type { ReadModelStore } from '../read-model-store.port';
import type { BlockingReason, WaitingFor } from './blocking-reason';
import { BLOCKING_REASONS } from './blocking-reason';
import { DELAY_BUCKETS, delayBucket, delayFigures, type DelayBucket, type DelayFigures } from './delay-figures';
import { hasLeft, outgoingOf } from './money-out';
import { daysBetween, isAnnulled, payableDayDelays, type PayableDay } from './payable-day-delays';
import type { StatusContext } from './policyholder-status';
import { policyholderStatus } from './policyholder-status';

/** Nothing paid this many days after the stoppage started: listed by reason. */
export const UNPAID_AFTER_DAYS = 30;

/** Why nothing was paid: what blocks it now, or the next run that will pay it. */
export type UnpaidReason = BlockingReason | 'AWAITING_PAYMENT_RUN';

export interface UnpaidStoppage {
  policyholderId: string;
  stoppageId: string;
  kind: StoppageKind;
  startDate: string;
  daysSinceStart: number;
  reason: UnpaidReason;
  waitingFor: WaitingFor;
  since?: string;
}

export interface TimelinessReport {
  from: string;
  to: string;
  asOf: string;
  rulesVersion: string;
  /** Payable days in the window. */
  payableDays: number;
  /** Delays, in days, from each payable day whose money left to that export. */
  delays: DelayFigures;
  byKind: Array<DelayFigures & { kind: StoppageKind }>;
  /** Payable days whose money has not left yet, and the longest wait so far (days from the day to asOf). */
  waiting: { days: number; longestDays: number | null };
  /** How many paid days fell in each delay bucket. */
  distribution: Array<{ bucket: DelayBucket; days: number }>;
  /** By the week (Monday) of the payable day: the trend. */
  byWeek: Array<DelayFigures & { weekOf: string; waitingDays: number }>;
  /** Stoppages of the window started 30 days or more before asOf with no money left for them yet. */
  unpaidAfter30Days: {
    stoppages: number;
    policyholders: number;
    byReason: Array<{ reason: UnpaidReason; waitingFor: WaitingFor; stoppages: number; policyholders: number }>;
    rows: UnpaidStoppage[];
  };
}

const PAGE_SIZE = 500;

/** GET /v1/reports/timeliness: every policyholder, page by page; only the day delays are held. */
export async function timelinessReport(models: ReadModelStore, context: StatusContext, from: string, to: string): Promise<TimelinessReport> {
  const days: PayableDay[] = [];
  const unpaid: UnpaidStoppage[] = [];
  for (let after: string | null = null; ; ) {
    const page = await models.policyholders(after, PAGE_SIZE);
    for (const document of page) {
      days.push(...payableDayDelays(document, context.rules, from, to, context.today));
      unpaid.push(...unpaidStoppages(document, context, from, to));
    }
    if (page.length < PAGE_SIZE) break;
    after = page[page.length - 1].policyholderId;
  }
  return summarize(days, unpaid, { from, to, asOf: context.today, rulesVersion: context.rules.version });
}

/** The report's figures from the day delays and the unpaid stoppages (pure: the spec checks it by hand). */
export function summarize(days: readonly PayableDay[], unpaid: readonly UnpaidStoppage[], header: Pick<TimelinessReport, 'from' | 'to' | 'asOf' | 'rulesVersion'>): TimelinessReport {
  const paid = days.filter((day) => day.delayDays !== undefined);
  const waiting = days.filter((day) => day.waitingDays !== undefined);
  const weeks = [...new Set(days.map((day) => mondayOf(day.date)))].sort();
  const reasons = [...new Set(unpaid.map((row) => row.reason))].sort((a, b) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b));
  const rows = [...unpaid].sort((a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason) || b.daysSinceStart - a.daysSinceStart || (a.stoppageId < b.stoppageId ? -1 : 1));
  const people = (list: readonly UnpaidStoppage[]) => new Set(list.map((row) => row.policyholderId)).size;
  return {
    ...header,
    payableDays: days.length,
    delays: delayFigures(paid.map((day) => day.delayDays!)),
    byKind: STOPPAGE_KINDS.map((kind) => ({ kind, ...delayFigures(paid.filter((day) => day.kind === kind).map((day) => day.delayDays!)) })),
    waiting: { days: waiting.length, longestDays: waiting.length === 0 ? null : Math.max(...waiting.map((day) => day.waitingDays!)) },
    distribution: DELAY_BUCKETS.map((bucket) => ({ bucket, days: paid.filter((day) => delayBucket(day.delayDays!) === bucket).length })),
    byWeek: weeks.map((weekOf) => {
      const ofWeek = days.filter((day) => mondayOf(day.date) === weekOf);
      return { weekOf, ...delayFigures(ofWeek.filter((day) => day.delayDays !== undefined).map((day) => day.delayDays!)), waitingDays: ofWeek.filter((day) => day.waitingDays !== undefined).length };
    }),
    unpaidAfter30Days: {
      stoppages: unpaid.length,
      policyholders: people(unpaid),
      byReason: reasons.map((reason) => {
        const ofReason = unpaid.filter((row) => row.reason === reason);
        return { reason, waitingFor: waitingForOf(reason), stoppages: ofReason.length, policyholders: people(ofReason) };
      }),
      rows,
    },
  };
}

const REASON_ORDER: readonly UnpaidReason[] = [...(Object.keys(BLOCKING_REASONS) as BlockingReason[]), 'AWAITING_PAYMENT_RUN'];

function waitingForOf(reason: UnpaidReason): WaitingFor {
  return reason === 'AWAITING_PAYMENT_RUN' ? 'FUND' : BLOCKING_REASONS[reason];
}

function mondayOf(date: string): string {
  const day = LocalDate.parse(date);
  return day.minusDays(day.dayOfWeek().value() - 1).toString();
}

/**
 * The stoppages of the window (started by `to`) that started 30 days or more before asOf and that no money
 * left for yet (no advance, no payment), with something payable; annulled ones owe nothing. The reason is
 * what blocks them now, or the payment run they wait for.
 */
export function unpaidStoppages(document: PolicyholderDocument, context: StatusContext, from: string, to: string): UnpaidStoppage[] {
  const candidates = document.stoppages.filter(
    (stoppage) => stoppage.startDate <= to && effectiveEndDate(stoppage) >= from && !isAnnulled(stoppage) && daysBetween(stoppage.startDate, context.today) >= UNPAID_AFTER_DAYS && !outgoingOf(document, stoppage).some(hasLeft),
  );
  if (candidates.length === 0) return [];
  const status = policyholderStatus(document, context);
  return candidates.flatMap((stoppage) => {
    const own = status.stoppages.find((candidate) => candidate.stoppageId === stoppage.stoppageId)!;
    // Nothing payable yet (all carence, or a regularization settled it without moving money).
    if (own.paidThrough !== null || (own.pendingKnown && own.pendingCents === 0 && !own.blockedBy)) return [];
    const reason: UnpaidReason = own.blockedBy?.reason ?? 'AWAITING_PAYMENT_RUN';
    return [{
      policyholderId: document.policyholderId,
      stoppageId: stoppage.stoppageId,
      kind: stoppage.kind,
      startDate: stoppage.startDate,
      daysSinceStart: daysBetween(stoppage.startDate, context.today),
      reason,
      waitingFor: waitingForOf(reason),
      ...(own.blockedBy ? { since: own.blockedBy.since } : {}),
    }];
  });
}
