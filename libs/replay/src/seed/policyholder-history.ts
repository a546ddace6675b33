import { Money } from '@ij/money';
import type { EventToAppend } from '@ij/event-store';
import {
  decide,
  evolve,
  initialState,
  paymentTotals,
  policyholderStream,
  requireStoppage,
  reserveStoppageId,
  stoppageStream,
  type PolicyholderCommand,
  type PolicyholderState,
} from '@ij/ledger';
import type { RulesVersion, StoppageKind } from '@ij/rules';
import { apiRequestOf, requestHash } from './api-requests';
import { derivedId, envelopes, type CommandEnvelopeContext } from './envelopes';
import type { PlannedAction } from './plan.types';
import type { PolicyholderPlan } from './policyholder-plan';
import { SEED_ID_ROLES, seedId } from './seed-ids';
import { SeededRandom } from './seeded-random';

export interface StreamAppend {
  streamId: string;
  events: EventToAppend[];
}

/** What a policyholder's history adds up to, for the summary. */
export interface HistoryTally {
  stoppages: number;
  byKind: Partial<Record<StoppageKind, number>>;
  advances: number;
  regularizations: number;
  certificates: number;
  extensions: number;
  earlyEnds: number;
  recoveries: number;
  requalifications: number;
  annulments: number;
  /** Stoppages left with an advance issued after their last regularization. */
  advancesNotRegularized: number;
}

export interface PolicyholderHistory {
  policyholderId: string;
  /** The stoppage-id reservations, one stream each, then the policyholder's stream with its whole history. */
  appends: StreamAppend[];
  tally: HistoryTally;
}

export interface HistoryContext {
  policyholderId: string;
  rules: RulesVersion;
  /** Prefix of the idempotency keys: unique per scenario and seed. */
  keyPrefix: string;
  scenarioCode: number;
  seed: number;
}

/**
 * Decides a policyholder's whole history in memory, command by command, on the business date of each: the
 * same decide() the API runs, on the state folded from the events decided before. Appended at once afterwards
 * (expected revision 'no_stream'), which is what the API would have appended one command at a time.
 */
export function decidePolicyholderHistory(plan: PolicyholderPlan, context: HistoryContext): PolicyholderHistory {
  const { policyholderId, rules } = context;
  const streamId = policyholderStream(policyholderId);
  const clock = new OfficeClock(SeededRandom.for(context.seed, plan.index, 0x7157));
  const reservations: StreamAppend[] = [];
  const events: EventToAppend[] = [];
  const tally = emptyTally();
  const advancesAtLastRegularization = new Map<string, number>();
  let state: PolicyholderState = initialState();

  plan.actions.forEach((action, number) => {
    const idempotencyKey = `${context.keyPrefix}-${plan.index}-${number}`;
    const ids = { actorId: action.type === 'annul' ? LATE_FACTS_SUPERVISOR : plan.actorId, idempotencyKey };
    const command = commandOf(action, policyholderId, state, (purpose) => derivedId(ids, purpose));
    if (!command) return;
    const envelopeContext: CommandEnvelopeContext = {
      ...ids,
      correlationId: action.caseId,
      causationId: seedId(SEED_ID_ROLES.request, context.scenarioCode, context.seed, plan.index, number),
      recordedAt: clock.at(action.on),
      request: apiRequestOf(command, plan.nir),
    };
    // One request, one hash: the reservation and the policyholder's events carry the same.
    const hash = requestHash(envelopeContext.request);
    if (command.type === 'OpenStoppage') {
      const reservationStream = stoppageStream(command.stoppageId);
      reservations.push({ streamId: reservationStream, events: envelopes(reservationStream, reserveStoppageId(command.stoppageId, policyholderId), envelopeContext, hash) });
    }
    const decided = decideOrExplain(command, state, rules, action, plan);
    for (const event of decided) state = evolve(state, event);
    for (const envelope of envelopes(streamId, decided, envelopeContext, hash)) events.push(envelope);
    count(tally, command);
    if (command.type === 'Regularize') advancesAtLastRegularization.set(command.stoppageId, requireStoppage(state, command.stoppageId).advances.length);
  });

  for (const stoppage of state.stoppages.values()) {
    if (stoppage.advances.length > (advancesAtLastRegularization.get(stoppage.stoppageId) ?? 0)) tally.advancesNotRegularized += 1;
  }
  return { policyholderId, appends: [...reservations, { streamId, events }], tally };
}

/** Annulments are a supervisor's (api.md "Late facts"). */
const LATE_FACTS_SUPERVISOR = 'arpege-supervisor';

/** The domain command of a planned action; undefined for a recovery with nothing left to recover. */
function commandOf(action: PlannedAction, policyholderId: string, state: PolicyholderState, derive: (purpose: string) => string): PolicyholderCommand | undefined {
  switch (action.type) {
    case 'open':
      return {
        type: 'OpenStoppage',
        stoppageId: action.stoppageId,
        policyholderId,
        kind: action.kind,
        startDate: action.startDate,
        endDate: action.endDate,
        prescribedOn: action.startDate,
        prolongationOf: action.prolongationOf,
        aldAffectionId: action.aldAffectionId,
        accidentDate: action.accidentDate,
        dailyLossOfEarningsCents: action.dailyLossOfEarningsCents,
      };
    case 'extend':
      return { type: 'ExtendStoppage', stoppageId: action.stoppageId, newEndDate: action.newEndDate, prescribedOn: action.on };
    case 'endEarly':
      return { type: 'EndStoppageEarly', stoppageId: action.stoppageId, lastDay: action.lastDay };
    case 'certificate':
      return { type: 'RecordSalaryCertificate', stoppageId: action.stoppageId, salaries: action.salaries };
    case 'advance':
      return { type: 'IssueAdvance', stoppageId: action.stoppageId, advanceId: derive('advance'), amountCents: action.amountCents, reason: action.reason };
    case 'regularize':
      return { type: 'Regularize', stoppageId: action.stoppageId, regularizationId: derive('regularization'), through: action.through };
    case 'requalify':
      return { type: 'RequalifyStoppage', stoppageId: action.stoppageId, kind: action.kind, recognizedOn: action.recognizedOn };
    case 'annul':
      return { type: 'AnnulStoppage', stoppageId: action.stoppageId, reason: action.reason };
    case 'bankAccount':
      return { type: 'RecordBankAccount', policyholderId, iban: action.iban, holderName: action.holderName, recordedBy: 'seed' };
    case 'recovery': {
      // The clerk records what the policyholder paid back: half of the overpayment, then the rest.
      const outstanding = paymentTotals(requireStoppage(state, action.stoppageId)).overpaymentOutstanding;
      const amount = action.share === 'half' ? outstanding.dividedBy('2', 'truncate') : outstanding;
      return amount.compare(Money.zero()) > 0 ? { type: 'RecordRecovery', stoppageId: action.stoppageId, recoveryId: derive('recovery'), amountCents: amount.toCents() } : undefined;
    }
  }
}

/** A refusal means the scenario planned something the domain forbids: a bug in the seed, reported with its context. */
function decideOrExplain(command: PolicyholderCommand, state: PolicyholderState, rules: RulesVersion, action: PlannedAction, plan: PolicyholderPlan) {
  try {
    return decide(command, state, { rules, today: action.on });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`seed: policyholder #${plan.index} (${plan.cohort}): ${command.type} on ${action.on} was refused: ${reason}`, { cause: error });
  }
}

function count(tally: HistoryTally, command: PolicyholderCommand): void {
  switch (command.type) {
    case 'OpenStoppage':
      tally.stoppages += 1;
      tally.byKind[command.kind] = (tally.byKind[command.kind] ?? 0) + 1;
      return;
    case 'ExtendStoppage':
      tally.extensions += 1;
      return;
    case 'EndStoppageEarly':
      tally.earlyEnds += 1;
      return;
    case 'RecordSalaryCertificate':
      tally.certificates += 1;
      return;
    case 'IssueAdvance':
      tally.advances += 1;
      return;
    case 'Regularize':
      tally.regularizations += 1;
      return;
    case 'RecordRecovery':
      tally.recoveries += 1;
      return;
    case 'RequalifyStoppage':
      tally.requalifications += 1;
      return;
    case 'AnnulStoppage':
      tally.annulments += 1;
      return;
  }
}

export function emptyTally(): HistoryTally {
  return { stoppages: 0, byKind: {}, advances: 0, regularizations: 0, certificates: 0, extensions: 0, earlyEnds: 0, recoveries: 0, requalifications: 0, annulments: 0, advancesNotRegularized: 0 };
}

/** Office hours in UTC, a few minutes apart for the commands of one day: recordedAt follows the business date. */
class OfficeClock {
  private day = '';
  private minutes = 0;

  constructor(private readonly random: SeededRandom) {}

  at(date: string): string {
    if (date !== this.day) {
      this.day = date;
      this.minutes = 7 * 60 + this.random.integer(0, 120);
    } else {
      this.minutes += this.random.integer(2, 25);
    }
    const hours = String(Math.floor(this.minutes / 60) % 24).padStart(2, '0');
    const minutes = String(this.minutes % 60).padStart(2, '0');
    const seconds = String(this.random.integer(0, 59)).padStart(2, '0');
    return `${date}T${hours}:${minutes}:${seconds}.000Z`;
  }
}
