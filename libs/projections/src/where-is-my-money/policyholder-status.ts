import { ChronoUnit, LocalDate } from '@js-joda/core';
import { Money, sum } from '@ij/money';
import { effectiveEndDate, policyholderAccount, type StoppageAccount, type StoppageState } from '@ij/ledger';
import type { RulesVersion, StoppageKind } from '@ij/rules';
import { toPolicyholderState, type PolicyholderDocument } from '../model/policyholder-document';
import { blockingReason, type BlockedBy } from './blocking-reason';
import { isHeld, outgoingOf, type Outgoing } from './money-out';
import { nextPaymentRunOn, type PaymentSchedule } from './payment-schedule';
import { statusMessage, type StatusMessage } from './status-sentence';
import { firstUncoveredDay, lastAdvanceLeftOn, paidThrough } from './stoppage-progress';

export interface StoppageStatus {
  stoppageId: string;
  kind: StoppageKind;
  startDate: string;
  /** The last day of incapacity: the early end, else the prescribed end. */
  endDate: string;
  /** The last day whose money has left the fund (null: none yet). */
  paidThrough: string | null;
  /**
   * Due through today and not yet gone: the balance owed under the active rules plus transfers ordered but
   * not yet in a bank file. 0 while the certificate is missing (`pendingKnown: false`: nothing can be computed).
   */
  pendingCents: number;
  pendingKnown: boolean;
  /** The next planned payment run, when it will pay this stoppage (absent when blocked or nothing is planned). */
  nextPaymentOn?: string;
  blockedBy?: BlockedBy;
  /** Days of this stoppage up to today (or its end) not covered by money that left. */
  daysWithoutIncome: number;
  message: StatusMessage;
}

export interface PolicyholderStatus {
  policyholderId: string;
  asOf: string;
  rulesVersion: string;
  /** Days up to today not covered by money that left, over all the stoppages (a day counts once). */
  daysWithoutIncome: number;
  stoppages: StoppageStatus[];
}

export interface StatusContext {
  rules: RulesVersion;
  today: string;
  schedule: PaymentSchedule;
  /** A payment run through today is already recorded: the next one is a later planned day. */
  ranThroughToday: boolean;
}

/**
 * GET /v1/policyholders/{id}/status: for each stoppage, how far it is paid, what is pending, when the next
 * payment is planned and what blocks it; pure over the read model's document, the clock passed in.
 */
export function policyholderStatus(document: PolicyholderDocument, context: StatusContext): PolicyholderStatus {
  const account = policyholderAccount(toPolicyholderState(document), context.rules, context.today);
  const plannedRun = nextPaymentRunOn(context.schedule, context.today, context.ranThroughToday);
  const evaluated = document.stoppages.map((stoppage) => evaluate(document, stoppage, account.stoppages.find((candidate) => candidate.stoppageId === stoppage.stoppageId)!, plannedRun, context.today));
  return {
    policyholderId: document.policyholderId,
    asOf: context.today,
    rulesVersion: context.rules.version,
    daysWithoutIncome: daysInUnion(evaluated.flatMap(({ uncovered }) => (uncovered ? [uncovered] : []))),
    stoppages: evaluated.map(({ status }) => status),
  };
}

function annulledOn(stoppage: StoppageState): string | undefined {
  return stoppage.annulled?.annulledOn;
}

function evaluate(document: PolicyholderDocument, stoppage: StoppageState, account: StoppageAccount, plannedRun: string | undefined, today: string): { status: StoppageStatus; uncovered?: DayRange } {
  const outgoings = outgoingOf(document, stoppage);
  const paid = paidThrough(stoppage, outgoings);
  const annulled = annulledOn(stoppage);
  const pendingKnown = account.entitlement.status === 'COMPUTED';
  const pendingCents = annulled === undefined ? pendingOf(account, outgoings) : 0;
  const firstUncovered = firstUncoveredDay(stoppage, paid);
  const end = effectiveEndDate(stoppage);
  const open = annulled === undefined && firstUncovered <= end && stoppage.startDate <= today;
  const blockedBy = annulled === undefined && stoppage.startDate <= today && (open || pendingCents > 0)
    ? blockingReason({ document, stoppage, account, outgoings, pendingCents, firstUncoveredDay: firstUncovered, nextPaymentOn: plannedRun })
    : undefined;
  const nextPaymentOn = !blockedBy && annulled === undefined && (pendingCents > 0 || firstUncovered <= end) ? plannedRun : undefined;
  const status: Omit<StoppageStatus, 'message' | 'daysWithoutIncome'> = {
    stoppageId: stoppage.stoppageId,
    kind: stoppage.kind,
    startDate: stoppage.startDate,
    endDate: end,
    paidThrough: paid,
    pendingCents,
    pendingKnown,
    ...(nextPaymentOn === undefined ? {} : { nextPaymentOn }),
    ...(blockedBy === undefined ? {} : { blockedBy }),
  };
  const uncovered = annulled === undefined ? uncoveredDays(stoppage, firstUncovered, outgoings, today) : undefined;
  return {
    status: {
      ...status,
      daysWithoutIncome: uncovered ? daysInUnion([uncovered]) : 0,
      message: statusMessage({ startDate: stoppage.startDate, paidThrough: paid, pendingCents, nextPaymentOn, blockedBy, annulledOn: annulled, today }),
    },
    ...(uncovered ? { uncovered } : {}),
  };
}

/** The positive balance under the rules, plus transfers decided but not yet in a bank file. */
function pendingOf(account: StoppageAccount, outgoings: readonly Outgoing[]): number {
  const ordered = sum(outgoings.filter((outgoing) => outgoing.status === 'ORDERED' && isHeld(outgoing)).map((outgoing) => Money.fromCents(outgoing.grossCents)));
  const owed = Money.fromCents(account.balanceCents);
  return (owed.isPositive() ? owed.plus(ordered) : ordered).toCents();
}

interface DayRange {
  from: string;
  to: string;
}

/**
 * Days without income on a stoppage (decision, README): from its first day not covered by money that left
 * (an advance that left later counts as income up to the day it left) to today, or to its last day once it
 * ended (the policyholder is back at work).
 */
function uncoveredDays(stoppage: StoppageState, firstUncovered: string, outgoings: readonly Outgoing[], today: string): DayRange | undefined {
  const advanceLeft = lastAdvanceLeftOn(outgoings);
  const from = advanceLeft !== undefined && advanceLeft >= firstUncovered ? LocalDate.parse(advanceLeft).plusDays(1).toString() : firstUncovered;
  const end = effectiveEndDate(stoppage);
  const to = end < today ? end : today;
  return from <= to ? { from, to } : undefined;
}

/** Days covered by the ranges, a day counted once (a policyholder's stoppages may touch). */
function daysInUnion(ranges: DayRange[]): number {
  const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let days = 0;
  let coveredTo: string | undefined;
  for (const range of sorted) {
    const from = coveredTo !== undefined && range.from <= coveredTo ? LocalDate.parse(coveredTo).plusDays(1).toString() : range.from;
    if (from > range.to) continue;
    days += ChronoUnit.DAYS.between(LocalDate.parse(from), LocalDate.parse(range.to)) + 1;
    if (coveredTo === undefined || range.to > coveredTo) coveredTo = range.to;
  }
  return days;
}
