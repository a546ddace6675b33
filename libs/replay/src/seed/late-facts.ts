import type { MonthlySalary, StoppageKind } from '@ij/rules';
import { addDays, daysBetween, laterOf } from './calendar';
import type { PlannedAction } from './plan.types';
import { SeededRandom } from './seeded-random';

/** The late facts a case file can receive after it was settled in full (api.md "Late facts"). */
export type LateFactAction =
  | { type: 'requalify'; on: string; stoppageId: string; kind: StoppageKind; recognizedOn: string; caseId: string }
  /** Decided by a supervisor. */
  | { type: 'annul'; on: string; stoppageId: string; reason: string; caseId: string };

/** Drawn from their own generator, so that adding them changed no other draw of the plan. */
const LATE_FACTS_STREAM = 0x1a7e;
/**
 * Out of 100 case files settled in full: a corrected certificate (the most common late fact: an employer's
 * correction), a return to work reported after full payment, a sickness recognised as an occupational disease,
 * and a stoppage entered in error. About 8 % of eligible case files in all.
 */
const SHARES = { correctedCertificate: 3, lateEarlyEnd: 2, requalification: 2, annulment: 1, none: 92 } as const;
/** Room before today for the late fact, its settlement and the recovery of an overpayment. */
const MARGIN_DAYS = 110;

/**
 * Late facts for the policyholder's case files settled in full: single-stoppage sickness chains (no ALD),
 * whose last action is the regularization through their last day. Each late fact is followed by the
 * regularization that settles the difference, and an overpayment by its recovery, so that the population
 * still ends settled. Deterministic: the same seed and index give the same late facts.
 */
export function planLateFacts(actions: readonly PlannedAction[], seed: number, index: number, today: string): PlannedAction[] {
  const random = SeededRandom.for(seed, index, LATE_FACTS_STREAM);
  const late: PlannedAction[] = [];
  for (const caseId of new Set(actions.map((action) => action.caseId))) {
    const ofCase = actions.filter((action) => action.caseId === caseId);
    const opened = ofCase.filter((action) => action.type === 'open');
    const certificate = ofCase.find((action) => action.type === 'certificate');
    const final = ofCase.at(-1);
    const share = random.weighted(SHARES);
    if (share === 'none' || opened.length !== 1 || !certificate || certificate.type !== 'certificate' || final?.type !== 'regularize') continue;
    const open = opened[0];
    if (open.type !== 'open' || open.kind !== 'SICKNESS' || open.aldAffectionId !== undefined) continue;
    if (ofCase.some((action) => action.type === 'endEarly' || action.type === 'recovery')) continue;
    const lastDay = ofCase.filter((action) => action.type === 'extend').map((action) => (action.type === 'extend' ? action.newEndDate : '')).at(-1) ?? open.endDate;
    if (final.through !== lastDay || daysBetween(final.on, today) < MARGIN_DAYS) continue;
    const on = addDays(laterOf(final.on, lastDay), random.integer(10, 45));
    const settledOn = addDays(on, random.integer(2, 6));
    const recoveredOn = addDays(settledOn, random.integer(15, 40));
    const stoppageId = open.stoppageId;
    const settle = (through: string): PlannedAction => ({ type: 'regularize', on: settledOn, stoppageId, through, caseId });
    const recover: PlannedAction = { type: 'recovery', on: recoveredOn, stoppageId, share: 'rest', caseId };
    switch (share) {
      case 'correctedCertificate':
        late.push({ type: 'certificate', on, stoppageId, salaries: corrected(certificate.salaries, random), caseId }, settle(lastDay), recover);
        break;
      case 'lateEarlyEnd': {
        const length = daysBetween(open.startDate, lastDay);
        if (length < 3) break;
        late.push({ type: 'endEarly', on, stoppageId, lastDay: addDays(lastDay, -random.integer(1, Math.min(7, length - 1))), caseId });
        const endEarly = late[late.length - 1];
        late.push(settle(endEarly.type === 'endEarly' ? endEarly.lastDay : lastDay), recover);
        break;
      }
      case 'requalification':
        late.push({ type: 'requalify', on, stoppageId, kind: 'OCCUPATIONAL_DISEASE', recognizedOn: on, caseId }, settle(lastDay), recover);
        break;
      case 'annulment':
        late.push({ type: 'annul', on, stoppageId, reason: 'entered in error: a duplicate of another case file', caseId }, settle(lastDay), recover);
        break;
    }
  }
  return late;
}

/** The employer corrects one month, up or down (a forgotten bonus, a wrong amount). */
function corrected(salaries: readonly MonthlySalary[], random: SeededRandom): MonthlySalary[] {
  const month = random.integer(0, salaries.length - 1);
  const change = random.chance(60) ? random.integer(5_000, 40_000) : -random.integer(5_000, 20_000);
  return salaries.map((salary, position) => (position === month ? { month: salary.month, grossCents: Math.max(0, salary.grossCents + change) } : { ...salary }));
}
