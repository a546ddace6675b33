import { Money } from '@ij/money';
import type { MonthlySalary, RulesVersion } from '@ij/rules';
import { addDays, daysBetween, earlierOf, endOfMonth, laterOf } from './calendar';
import type { ChainSpec, PlannedAction, StoppageSpec } from './plan.types';
import type { SeededRandom } from './seeded-random';

/** Advances are deliberately modest so that they never exceed what is due (that would leave an overpayment). */
const ADVANCE_PER_DAY = Money.fromCents(1_000);
/** Counted off every advance, whatever the kind: an advance never pays a carence day. */
const CARENCE_DAYS = 3;

export interface ChainContext {
  random: SeededRandom;
  rules: RulesVersion;
  salaryOf: (month: string) => number;
  caseId: string;
  /** One id per stoppage of the chain, root first. */
  stoppageIds: string[];
  today: string;
}

interface StoppageTimeline {
  spec: StoppageSpec;
  stoppageId: string;
  openedOn: string;
  /** [business date, new end] of each extension. */
  extensions: [string, string][];
  /** The end after every extension. */
  finalEndDate: string;
}

/**
 * Turns a case file into dated commands, in the order a clerk would issue them: open, extend, advance while
 * the certificate is missing, record the certificate, pay monthly, settle after the end, recover an overpayment.
 */
export function planChainStory(spec: ChainSpec, context: ChainContext): PlannedAction[] {
  const { random, caseId } = context;
  const actions: PlannedAction[] = [];
  const timelines = openAndExtend(spec, context, actions);
  const root = timelines[0];
  const last = timelines[timelines.length - 1];

  const certificateOn = recordCertificate(spec, context, root, actions);
  // Nothing settles the last stoppage before its return to work is known (else it would stay open, settled early).
  let lastSettledAfter = certificateOn;
  if (spec.earlyEnd && !spec.earlyEnd.reportedLate) {
    const on = laterOf(addDays(spec.earlyEnd.lastDay, random.integer(1, 3)), last.openedOn);
    actions.push({ type: 'endEarly', on, stoppageId: last.stoppageId, lastDay: spec.earlyEnd.lastDay, caseId });
    lastSettledAfter = laterOf(on, certificateOn);
  }
  for (const timeline of timelines) {
    if (timeline === last) settleLast(spec, context, timeline, certificateOn, lastSettledAfter, actions);
    else settleInFull(context, timeline, timeline.finalEndDate, certificateOn, certificateOn, actions, spec.monthlyPayments);
  }
  return actions;
}

function openAndExtend(spec: ChainSpec, context: ChainContext, actions: PlannedAction[]): StoppageTimeline[] {
  const { random, caseId } = context;
  const timelines: StoppageTimeline[] = [];
  spec.stoppages.forEach((stoppage, index) => {
    const stoppageId = context.stoppageIds[index];
    const previous = timelines[index - 1];
    // The prescription reaches the fund within two days; a prolongation is keyed in on the day it starts.
    const openedOn = previous ? laterOf(stoppage.startDate, previous.extensions.at(-1)?.[0] ?? previous.openedOn) : addDays(stoppage.startDate, random.integer(0, 2));
    actions.push({
      type: 'open',
      on: openedOn,
      stoppageId,
      kind: spec.kind,
      startDate: stoppage.startDate,
      endDate: stoppage.endDate,
      prolongationOf: previous?.stoppageId,
      aldAffectionId: spec.aldAffectionId,
      accidentDate: index === 0 ? spec.accidentDate : undefined,
      dailyLossOfEarningsCents: spec.dailyLossOfEarningsCents,
      caseId,
    });
    const extensions: [string, string][] = [];
    let currentEnd = stoppage.endDate;
    let lastOn = openedOn;
    for (const newEndDate of stoppage.extendedTo) {
      // The new prescription arrives in the last days of the current one.
      const on = laterOf(addDays(currentEnd, -random.integer(0, 3)), lastOn);
      actions.push({ type: 'extend', on, stoppageId, newEndDate, caseId });
      extensions.push([on, newEndDate]);
      currentEnd = newEndDate;
      lastOn = on;
    }
    timelines.push({ spec: stoppage, stoppageId, openedOn, extensions, finalEndDate: currentEnd });
  });
  return timelines;
}

/** The chain root's certificate (continuations reuse it, ij-rules §4); returns the day it was recorded. */
function recordCertificate(spec: ChainSpec, context: ChainContext, root: StoppageTimeline, actions: PlannedAction[]): string {
  const { random, caseId, today } = context;
  const months = context.rules.requiredSalaryMonths(spec.kind, root.spec.startDate);
  const salaries: MonthlySalary[] = months.map((month) => ({ month, grossCents: context.salaryOf(month) }));
  if (spec.certificate === 'prompt') {
    const on = earlierOf(laterOf(addDays(root.spec.startDate, random.integer(2, 6)), root.openedOn), today);
    actions.push({ type: 'certificate', on, stoppageId: root.stoppageId, salaries, caseId });
    return on;
  }
  const advanceOn = laterOf(addDays(root.spec.startDate, random.integer(7, 10)), root.openedOn);
  const certificateOn = earlierOf(addDays(advanceOn, random.integer(5, 25)), today);
  // Never beyond a return to work still to come: the advance must stay below what will be due.
  const rootIsLast = spec.stoppages.length === 1;
  const lastDay = rootIsLast && spec.earlyEnd ? earlierOf(spec.earlyEnd.lastDay, endInForce(root, advanceOn)) : endInForce(root, advanceOn);
  const amountCents = advanceFor(root.spec.startDate, lastDay, advanceOn, CARENCE_DAYS);
  if (amountCents > 0 && advanceOn < certificateOn) {
    actions.push({ type: 'advance', on: advanceOn, stoppageId: root.stoppageId, amountCents, reason: 'salary certificate not received', caseId });
  }
  actions.push({ type: 'certificate', on: certificateOn, stoppageId: root.stoppageId, salaries, caseId });
  return certificateOn;
}

/** The last stoppage: settled in full, settled after a late-reported return to work, or left with an advance pending. */
function settleLast(
  spec: ChainSpec,
  context: ChainContext,
  timeline: StoppageTimeline,
  certificateOn: string,
  settledAfter: string,
  actions: PlannedAction[],
): void {
  const { random, caseId } = context;
  const lastDay = spec.earlyEnd?.lastDay ?? timeline.finalEndDate;
  if (spec.pendingAdvance) {
    leaveAdvancePending(spec, context, timeline, certificateOn, actions);
    return;
  }
  if (spec.earlyEnd?.reportedLate) {
    // Paid through a date past the return to work, which the employer reports only afterwards: an overpayment.
    const paidThrough = addDays(lastDay, random.integer(2, 5));
    const paidOn = laterOf(addDays(paidThrough, random.integer(1, 3)), addDays(certificateOn, 1));
    actions.push({ type: 'regularize', on: paidOn, stoppageId: timeline.stoppageId, through: paidThrough, caseId });
    const reportedOn = addDays(paidOn, random.integer(2, 8));
    actions.push({ type: 'endEarly', on: reportedOn, stoppageId: timeline.stoppageId, lastDay, caseId });
    const settledOn = addDays(reportedOn, random.integer(2, 6));
    actions.push({ type: 'regularize', on: settledOn, stoppageId: timeline.stoppageId, through: lastDay, caseId });
    const firstRecoveryOn = addDays(settledOn, random.integer(15, 40));
    if (random.chance(50)) {
      actions.push({ type: 'recovery', on: firstRecoveryOn, stoppageId: timeline.stoppageId, share: 'half', caseId });
      actions.push({ type: 'recovery', on: addDays(firstRecoveryOn, random.integer(25, 35)), stoppageId: timeline.stoppageId, share: 'rest', caseId });
    } else {
      actions.push({ type: 'recovery', on: firstRecoveryOn, stoppageId: timeline.stoppageId, share: 'rest', caseId });
    }
    return;
  }
  settleInFull(context, timeline, lastDay, certificateOn, settledAfter, actions, spec.monthlyPayments);
}

/** Monthly payments (optional), then the final regularization through the last day, which closes the stoppage. */
function settleInFull(
  context: ChainContext,
  timeline: StoppageTimeline,
  lastDay: string,
  certificateOn: string,
  settledAfter: string,
  actions: PlannedAction[],
  monthlyPayments: boolean,
): void {
  const { random, caseId } = context;
  let lastOn = settledAfter;
  if (monthlyPayments) {
    for (const [through, on] of monthlyPaymentDates(context, timeline, lastDay, certificateOn)) {
      actions.push({ type: 'regularize', on, stoppageId: timeline.stoppageId, through, caseId });
      lastOn = laterOf(lastOn, on);
    }
  }
  const on = laterOf(addDays(lastDay, random.integer(2, 10)), addDays(lastOn, random.integer(1, 4)));
  actions.push({ type: 'regularize', on, stoppageId: timeline.stoppageId, through: lastDay, caseId });
}

/** Month ends strictly inside the stoppage, paid a few days later once the certificate is in. */
function monthlyPaymentDates(context: ChainContext, timeline: StoppageTimeline, lastDay: string, certificateOn: string): [string, string][] {
  const dates: [string, string][] = [];
  for (let monthEnd = endOfMonth(timeline.spec.startDate); monthEnd < lastDay; monthEnd = endOfMonth(addDays(monthEnd, 1))) {
    const on = addDays(monthEnd, context.random.integer(3, 8));
    // Paying through the current end would close the stoppage before its extension is recorded.
    if (on > certificateOn && daysBetween(timeline.spec.startDate, monthEnd) >= 5 && monthEnd < endInForce(timeline, on)) dates.push([monthEnd, on]);
  }
  return dates;
}

/**
 * The end of the scenario finds this stoppage with an advance not regularized: paid while the certificate
 * was missing, or paid on the last days after a monthly payment, awaiting the final settlement.
 */
function leaveAdvancePending(spec: ChainSpec, context: ChainContext, timeline: StoppageTimeline, certificateOn: string, actions: PlannedAction[]): void {
  const { random, caseId, today } = context;
  const lastDay = spec.earlyEnd?.lastDay ?? timeline.finalEndDate;
  // Advanced while its certificate was missing and never settled since: that advance is the pending one.
  const alreadyAdvanced = actions.some((action) => action.type === 'advance' && action.stoppageId === timeline.stoppageId);
  if (alreadyAdvanced) return;
  const payments = monthlyPaymentDates(context, timeline, lastDay, certificateOn);
  let from = timeline.spec.startDate;
  let carenceDays = CARENCE_DAYS;
  const lastPayment = payments.at(-1);
  if (lastPayment) {
    const [through, on] = lastPayment;
    actions.push({ type: 'regularize', on, stoppageId: timeline.stoppageId, through, caseId });
    from = addDays(through, 1);
    carenceDays = 0;
  }
  const advanceOn = earlierOf(laterOf(addDays(lastDay, random.integer(1, 4)), addDays(lastPayment?.[1] ?? certificateOn, 1)), today);
  const amountCents = advanceFor(from, lastDay, advanceOn, carenceDays);
  if (amountCents > 0) {
    actions.push({ type: 'advance', on: advanceOn, stoppageId: timeline.stoppageId, amountCents, reason: 'final days awaiting settlement', caseId });
  }
}

function endInForce(timeline: StoppageTimeline, on: string): string {
  let end = timeline.spec.endDate;
  for (const [extendedOn, newEnd] of timeline.extensions) if (extendedOn <= on) end = newEnd;
  return end;
}

/** A flat amount per elapsed day (carence days excluded), well under any daily IJ of the population. */
function advanceFor(from: string, endDate: string, on: string, carenceDays: number): number {
  const days = daysBetween(from, earlierOf(on, endDate)) + 1 - carenceDays;
  return days > 0 ? ADVANCE_PER_DAY.times(days, 'truncate').toCents() : 0;
}
