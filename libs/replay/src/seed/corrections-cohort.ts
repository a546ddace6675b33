import { Money } from '@ij/money';
import type { MonthlySalary, RulesVersion, StoppageKind } from '@ij/rules';
import { addDays, daysBetween, endOfMonth } from './calendar';
import type { ChainSpec, PlannedAction } from './plan.types';
import type { SeededRandom } from './seeded-random';
import type { Sex } from './synthetic-nir';

/**
 * The histories the corrections of rules 2026.3 change (ij-rules §2, §3, §4, 2026-11), one case per
 * policyholder of the "corrections" cohort, in turn: a weekend prolongation of a sickness stoppage and of an
 * occupational accident, a therapeutic part-time after a sickness stoppage and after an occupational
 * accident, a long-term illness running beyond 3 years, a maternity or paternity leave started in 2024.
 * Decided under 2026.1 like the rest of the pilot: the prolongations are their own chains there (their own
 * carence, certificate and day count), the part-time's certificate covers months of the full-time stoppage
 * (no salary), and the 2024 leave cannot be settled (no 2024 minimum): its advance stays pending.
 * Dates avoid the 2025-04-01 and 2026-02-01 rows, so that 2026.2 changes none of them.
 */
export const CORRECTION_CASES = ['weekendSickness', 'weekendAccident', 'partTimeAfterSickness', 'partTimeAfterAccident', 'longTermIllness', 'leaveIn2024'] as const;
export type CorrectionCase = (typeof CORRECTION_CASES)[number];

/** The long-term illness case's salary: below every cap, so that its daily IJ is 32.87 € under every version. */
export const LONG_TERM_ILLNESS_SALARY_CENTS = 200_000;

export interface CorrectionsContext {
  random: SeededRandom;
  rules: RulesVersion;
  sex: Sex;
  salaryOf: (month: string) => number;
  caseId: (chainNumber: number) => string;
  stoppageId: (chainNumber: number, stoppageNumber: number) => string;
  aldAffectionId: string;
}

export interface CorrectionsHistory {
  correction: CorrectionCase;
  chains: ChainSpec[];
  actions: PlannedAction[];
}

/** The case of the n-th member of the cohort (by block of 20 policyholders): every case once in 6 blocks. */
export function correctionCaseOf(index: number): CorrectionCase {
  return CORRECTION_CASES[Math.trunc(index / 20) % CORRECTION_CASES.length];
}

export function planCorrectionsHistory(index: number, context: CorrectionsContext): CorrectionsHistory {
  const correction = correctionCaseOf(index);
  const weeks = context.random.integer(0, 10);
  switch (correction) {
    case 'weekendSickness':
      return weekendProlongation(correction, context, 'SICKNESS', addDays('2025-06-02', 7 * weeks), 12, 14);
    case 'weekendAccident':
      return weekendProlongation(correction, context, 'OCCUPATIONAL_ACCIDENT', addDays('2025-06-02', 7 * weeks), 19, 21);
    case 'partTimeAfterSickness':
      return partTimeAfterFullTime(correction, context, 'SICKNESS', addDays('2025-05-05', 7 * weeks), 35, context.random.integer(2_500, 4_000));
    case 'partTimeAfterAccident':
      return partTimeAfterFullTime(correction, context, 'OCCUPATIONAL_ACCIDENT', addDays('2025-05-05', 7 * weeks), 21, context.random.integer(3_500, 6_000));
    case 'longTermIllness':
      return longTermIllness(correction, context);
    case 'leaveIn2024':
      return leaveIn2024(correction, context, addDays('2024-06-03', 7 * context.random.integer(0, 20)));
  }
}

/**
 * A stoppage ending on a Friday, prolonged from the Monday (start − previous end = 3): its own chain under
 * 2026.1 / 2026.2 (gap ≤ 2), so it has its own certificate (the months before its start) and is settled as such.
 */
function weekendProlongation(correction: CorrectionCase, context: CorrectionsContext, kind: StoppageKind, monday: string, firstDays: number, nextDays: number): CorrectionsHistory {
  const caseId = context.caseId(0);
  const [rootId, nextId] = [context.stoppageId(0, 0), context.stoppageId(0, 1)];
  const rootEnd = addDays(monday, firstDays - 1);
  const nextStart = addDays(rootEnd, 3);
  const nextEnd = addDays(nextStart, nextDays - 1);
  const accidentDate = kind === 'OCCUPATIONAL_ACCIDENT' ? addDays(monday, -3) : undefined;
  const actions: PlannedAction[] = [
    { type: 'open', on: addDays(monday, 1), stoppageId: rootId, kind, startDate: monday, endDate: rootEnd, accidentDate, caseId },
    certificate(context, kind, monday, rootId, addDays(monday, 3), caseId),
    { type: 'regularize', on: addDays(rootEnd, 3), stoppageId: rootId, through: rootEnd, caseId },
    { type: 'open', on: nextStart, stoppageId: nextId, kind, startDate: nextStart, endDate: nextEnd, prolongationOf: rootId, caseId },
    certificate(context, kind, nextStart, nextId, addDays(nextStart, 2), caseId),
    { type: 'regularize', on: addDays(nextEnd, 4), stoppageId: nextId, through: nextEnd, caseId },
  ];
  return { correction, chains: [chainOf(kind, [[monday, rootEnd], [nextStart, nextEnd]], { accidentDate })], actions };
}

/**
 * A therapeutic part-time opened as the prolongation of a full-time stoppage, the next day. Under 2026.1 it
 * is a chain of its own: the ledger asks for the 3 months before its start, months of the full-time stoppage
 * in which no salary was paid (0 €), and its daily IJ is computed on them.
 */
function partTimeAfterFullTime(correction: CorrectionCase, context: CorrectionsContext, kind: StoppageKind, monday: string, fullTimeDays: number, lossCents: number): CorrectionsHistory {
  const caseId = context.caseId(0);
  const [rootId, partTimeId] = [context.stoppageId(0, 0), context.stoppageId(0, 1)];
  const fullTimeEnd = addDays(monday, fullTimeDays - 1);
  const partTimeStart = addDays(fullTimeEnd, 1);
  const partTimeEnd = addDays(partTimeStart, 41);
  const accidentDate = kind === 'OCCUPATIONAL_ACCIDENT' ? addDays(monday, -3) : undefined;
  const ownMonths = context.rules.requiredSalaryMonths('THERAPEUTIC_PART_TIME', partTimeStart);
  // A month with a day of the full-time stoppage had no salary (decision of the scenario: 0 €).
  const ownSalaries = ownMonths.map((month) => ({ month, grossCents: endOfMonth(`${month}-01`) < monday ? context.salaryOf(month) : 0 }));
  const actions: PlannedAction[] = [
    { type: 'open', on: addDays(monday, 1), stoppageId: rootId, kind, startDate: monday, endDate: fullTimeEnd, accidentDate, caseId },
    certificate(context, kind, monday, rootId, addDays(monday, 3), caseId),
    { type: 'regularize', on: addDays(fullTimeEnd, 2), stoppageId: rootId, through: fullTimeEnd, caseId },
    { type: 'open', on: partTimeStart, stoppageId: partTimeId, kind: 'THERAPEUTIC_PART_TIME', startDate: partTimeStart, endDate: partTimeEnd, prolongationOf: rootId, dailyLossOfEarningsCents: lossCents, caseId },
    { type: 'certificate', on: addDays(partTimeStart, 3), stoppageId: partTimeId, salaries: ownSalaries, caseId },
    { type: 'regularize', on: addDays(partTimeEnd, 3), stoppageId: partTimeId, through: partTimeEnd, caseId },
  ];
  return {
    correction,
    chains: [chainOf(kind, [[monday, fullTimeEnd]], { accidentDate }), chainOf('THERAPEUTIC_PART_TIME', [[partTimeStart, partTimeEnd]], { dailyLossOfEarningsCents: lossCents })],
    actions,
  };
}

/**
 * A long-term illness (ALD) taken over by the pilot in January 2025: 2024-01-08 … 2024-08-31, then from
 * 2024-10-07 prescribed to 2027-06-30 (36 days uncovered: the same 3-year period). Settled through the
 * scenario's today. Through 2026-10-31 no version differs (the period and the 1 095 paid days both end in
 * 2027); through 2027-06-30, 2026.2 pays up to 2027-02-14 and 2026.3 up to 2027-01-10.
 */
function longTermIllness(correction: CorrectionCase, context: CorrectionsContext): CorrectionsHistory {
  const [firstCase, secondCase] = [context.caseId(0), context.caseId(1)];
  const [firstId, secondId] = [context.stoppageId(0, 0), context.stoppageId(1, 0)];
  const takenOver = addDays('2025-01-06', context.random.integer(0, 3));
  const salaries = (start: string) => context.rules.requiredSalaryMonths('SICKNESS', start).map((month) => ({ month, grossCents: LONG_TERM_ILLNESS_SALARY_CENTS }));
  const ald = { aldAffectionId: context.aldAffectionId };
  const actions: PlannedAction[] = [
    { type: 'open', on: takenOver, stoppageId: firstId, kind: 'SICKNESS', startDate: '2024-01-08', endDate: '2024-08-31', ...ald, caseId: firstCase },
    { type: 'certificate', on: addDays(takenOver, 2), stoppageId: firstId, salaries: salaries('2024-01-08'), caseId: firstCase },
    { type: 'regularize', on: addDays(takenOver, 5), stoppageId: firstId, through: '2024-08-31', caseId: firstCase },
    { type: 'open', on: takenOver, stoppageId: secondId, kind: 'SICKNESS', startDate: '2024-10-07', endDate: '2027-06-30', ...ald, caseId: secondCase },
    { type: 'certificate', on: addDays(takenOver, 2), stoppageId: secondId, salaries: salaries('2024-10-07'), caseId: secondCase },
    { type: 'regularize', on: '2026-01-07', stoppageId: secondId, through: '2025-12-31', caseId: secondCase },
    { type: 'regularize', on: '2026-10-31', stoppageId: secondId, through: '2026-10-31', caseId: secondCase },
  ];
  return { correction, chains: [chainOf('SICKNESS', [['2024-01-08', '2024-08-31']], ald), chainOf('SICKNESS', [['2024-10-07', '2027-06-30']], ald)], actions };
}

/**
 * A maternity (or paternity) leave started in 2024, taken over in January 2025: opened and certified, an
 * advance paid, but never settled under 2026.1 or 2026.2 (no 2024 minimum: NO_PARAMETERS_FOR_DATE).
 */
function leaveIn2024(correction: CorrectionCase, context: CorrectionsContext, start: string): CorrectionsHistory {
  const caseId = context.caseId(0);
  const stoppageId = context.stoppageId(0, 0);
  const kind: StoppageKind = context.sex === 'FEMALE' ? 'MATERNITY' : 'PATERNITY';
  const end = addDays(start, kind === 'MATERNITY' ? 111 : 24);
  const takenOver = addDays('2025-01-06', context.random.integer(0, 3));
  const advanceDays = daysBetween(start, end < takenOver ? end : takenOver) + 1;
  const actions: PlannedAction[] = [
    { type: 'open', on: takenOver, stoppageId, kind, startDate: start, endDate: end, caseId },
    certificate(context, kind, start, stoppageId, addDays(takenOver, 2), caseId),
    { type: 'advance', on: addDays(takenOver, 3), stoppageId, amountCents: Money.fromCents(1_000).times(advanceDays, 'truncate').toCents(), reason: '2024 leave: no parameters to settle it', caseId },
  ];
  return { correction, chains: [chainOf(kind, [[start, end]], {})], actions };
}

function certificate(context: CorrectionsContext, kind: StoppageKind, start: string, stoppageId: string, on: string, caseId: string): PlannedAction {
  const salaries: MonthlySalary[] = context.rules.requiredSalaryMonths(kind, start).map((month) => ({ month, grossCents: context.salaryOf(month) }));
  return { type: 'certificate', on, stoppageId, salaries, caseId };
}

function chainOf(kind: StoppageKind, periods: [string, string][], facts: Pick<ChainSpec, 'accidentDate' | 'aldAffectionId' | 'dailyLossOfEarningsCents'>): ChainSpec {
  return {
    kind,
    stoppages: periods.map(([startDate, endDate]) => ({ startDate, endDate, extendedTo: [] })),
    ...facts,
    certificate: 'prompt',
    monthlyPayments: false,
    pendingAdvance: kind === 'MATERNITY' || kind === 'PATERNITY',
  };
}
