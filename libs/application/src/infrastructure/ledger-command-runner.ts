import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  deterministicEventId,
  WrongExpectedRevision,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '@ij/event-store';
import { IdempotencyKeyReused, TooMuchContention } from './application-errors';
import { noteRecordedPosition, type CommandContext } from './command-context';
import { CLOCK, type Clock } from './clock';
import { StreamHistories } from './stream-histories';
import { EVENT_STORE, PROJECTION_SYNC, type ProjectionSync } from './tokens';

/** How many times a command is re-read and re-decided after losing a race on its stream. */
export const MAX_CONFLICT_RETRIES = 10;

/**
 * How many events the runner keeps between commands, those of the most recently used streams: some 1 to
 * 2 kB each once parsed, so at most about 100 MB.
 */
export const KEPT_EVENTS = 65_536;

/** An event a decision wants recorded. */
export interface EventDraft {
  type: string;
  schemaVersion: number;
  data: unknown;
}

export interface CommandOutcome {
  /** The command's events: just appended, or found in the stream when this is a repeat. */
  events: EventDraft[];
  /** Global position of the last event (undefined when the command recorded nothing). */
  position?: bigint;
}

/**
 * Runs a decision against one stream: read, decide, append at the read revision; on a lost race, read and
 * decide again (bounded, with jitter). Event ids derive from actor + idempotency key + stream + index, so a
 * repeat of an executed command — even from another process after a crash — finds its events instead of
 * recording them twice.
 */
@Injectable()
export class LedgerCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_SYNC) private readonly projections: ProjectionSync,
  ) {}

  /** The tail of the queue of commands on each stream in this process. */
  private readonly streamQueues = new Map<string, Promise<unknown>>();

  /**
   * The events of recently used streams, as read from the store (never as this process meant to write
   * them): a command reads only the events after them. Recorded events never change, so what is kept stays
   * true; one another process appended meanwhile is in the tail read, and one appended between that read and
   * this append makes the append fail on its expected revision, which reads the tail again.
   */
  private readonly histories = new StreamHistories(KEPT_EVENTS);

  /**
   * Commands on one stream run one after the other inside a process, so they do not race each other;
   * optimistic concurrency (the expected revision) still guards against other processes.
   */
  run(streamId: string, context: CommandContext, decide: (history: RecordedEvent[]) => EventDraft[]): Promise<CommandOutcome> {
    const previous = this.streamQueues.get(streamId) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(() => this.runAlone(streamId, context, decide));
    this.streamQueues.set(streamId, turn);
    void turn.catch(() => undefined).finally(() => {
      if (this.streamQueues.get(streamId) === turn) this.streamQueues.delete(streamId);
    });
    return turn;
  }

  private async runAlone(streamId: string, context: CommandContext, decide: (history: RecordedEvent[]) => EventDraft[]): Promise<CommandOutcome> {
    for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      const history = await this.readHistory(streamId);
      const earlier = this.eventsOfThisCommand(history, streamId, context);
      if (earlier.length > 0) return this.repeat(earlier, context);

      const drafts = decide(history);
      if (drafts.length === 0) return { events: [] };
      const last = history.at(-1);
      try {
        const result = await this.store.append(streamId, this.envelopes(streamId, drafts, context), {
          expectedRevision: last ? last.revision : 'no_stream',
        });
        if (result.duplicate) continue; // another process recorded this command meanwhile: answer from its events
        noteRecordedPosition(context, result.position);
        await this.projections.waitFor(result.position);
        return { events: drafts, position: result.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        await sleep(Math.random() * 5 * (attempt + 1));
      }
    }
    throw new TooMuchContention(MAX_CONFLICT_RETRIES + 1);
  }

  private async readHistory(streamId: string): Promise<RecordedEvent[]> {
    const known = this.histories.get(streamId);
    const last = known?.at(-1);
    const tail = await this.store.readStream(streamId, last ? { fromRevision: last.revision + 1 } : {});
    const history = this.histories.extend(streamId, known, tail);
    // Decisions get a copy of the list and frozen events: nothing they do can change what is kept.
    return [...history];
  }

  private eventId(streamId: string, context: CommandContext, index: number): string {
    return deterministicEventId(context.actor.actorId, `${context.idempotencyKey}\u0000${streamId}`, index);
  }

  private eventsOfThisCommand(history: RecordedEvent[], streamId: string, context: CommandContext): RecordedEvent[] {
    const firstId = this.eventId(streamId, context, 0);
    const first = history.findIndex((event) => event.id === firstId);
    if (first < 0) return [];
    const events = [history[first]];
    for (let index = 1; history[first + index]?.id === this.eventId(streamId, context, index); index++) events.push(history[first + index]);
    return events;
  }

  private async repeat(events: RecordedEvent[], context: CommandContext): Promise<CommandOutcome> {
    if (events[0].metadata.requestHash !== context.requestHash) {
      throw new IdempotencyKeyReused();
    }
    const position = events[events.length - 1].position;
    noteRecordedPosition(context, position);
    await this.projections.waitFor(position);
    return { events: events.map(({ type, data, metadata }) => ({ type, data, schemaVersion: metadata.schemaVersion })), position };
  }

  private envelopes(streamId: string, drafts: EventDraft[], context: CommandContext): EventToAppend[] {
    const recordedAt = this.clock.now();
    return drafts.map((draft, index) => {
      const rulesVersion = (draft.data as { rulesVersion?: unknown }).rulesVersion;
      return {
        id: this.eventId(streamId, context, index),
        type: draft.type,
        data: draft.data,
        metadata: {
          actor: context.actor.actorId,
          correlationId: context.correlationId,
          causationId: context.causationId,
          recordedAt,
          schemaVersion: draft.schemaVersion,
          ...(typeof rulesVersion === 'string' ? { rulesVersion } : {}),
          idempotencyKey: context.idempotencyKey,
          requestHash: context.requestHash,
        },
      };
    });
  }
}
