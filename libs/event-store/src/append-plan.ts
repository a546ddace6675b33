import type { AppendResult, EventToAppend, ExpectedRevision } from './event-store.port';
import { IdempotencyConflict, InvalidAppend, WrongExpectedRevision } from './errors';
import { computeEventHash, GENESIS_HASH } from './hash-chain';

/**
 * The decision every adapter takes on an append, kept apart from SQL and clients so that the sqlite,
 * postgres and esdb adapters cannot drift: ids first, then the expected revision, then the rows and
 * their hash chain. This plan owns every check; an adapter only gathers what the plan needs (stored ids,
 * the stream's head) and writes the rows atomically. Where the gathering and the writing cannot be in
 * one client transaction (postgres' append_events, EventStoreDB), the store re-checks only that nothing
 * moved (the same ids still unstored, the same head) and reports what it found; the adapter then plans
 * again with it. No store decides a refusal by itself.
 */

/** Where an event id that is already in the log was stored. */
export interface StoredEventLocation {
  id: string;
  streamId: string;
  revision: number;
  position: bigint;
}

/** The stream's head as the transaction sees it; undefined when the stream does not exist. */
export interface StreamHead {
  revision: number;
  lastHash: string;
}

/** One event ready to be inserted: serialized once, hashed into the chain. */
export interface EventRow {
  id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  hash: string;
}

export type AppendPlan = { kind: 'duplicate'; result: AppendResult } | { kind: 'write'; rows: EventRow[]; lastHash: string };

export function checkAppendShape(streamId: string, events: EventToAppend[]): void {
  if (events.length === 0) throw new InvalidAppend(streamId, 'no events');
  const ids = new Set(events.map((event) => event.id));
  if (ids.size !== events.length) throw new InvalidAppend(streamId, 'an event id appears twice');
}

/**
 * Ids are checked before the expected revision: a retried command arrives with the revision it read
 * on its second attempt, after its own first attempt moved the stream on, and must still be a no-op.
 */
export function planAppend(
  streamId: string,
  events: EventToAppend[],
  expectedRevision: ExpectedRevision,
  stored: StoredEventLocation[],
  head: StreamHead | undefined,
): AppendPlan {
  if (stored.length > 0) return { kind: 'duplicate', result: duplicateAppend(streamId, events, stored) };
  checkExpectedRevision(streamId, expectedRevision, head);
  return buildRows(events, head);
}

/**
 * Some of an append's ids are stored already: the first answer again when it is the same append retried
 * (every id stored, in this stream), else IdempotencyConflict. Every adapter reports duplicates with this.
 */
export function duplicateAppend(streamId: string, events: EventToAppend[], stored: StoredEventLocation[]): AppendResult {
  const elsewhere = stored.filter((location) => location.streamId !== streamId);
  if (elsewhere.length > 0) {
    throw new IdempotencyConflict(streamId, elsewhere.map((location) => location.id), `stored in stream ${elsewhere[0].streamId}`);
  }
  if (stored.length !== events.length) {
    throw new IdempotencyConflict(streamId, stored.map((location) => location.id), `only ${stored.length} of ${events.length} events are stored`);
  }
  const last = stored.reduce((latest, location) => (location.revision > latest.revision ? location : latest));
  return { nextRevision: last.revision, position: last.position, duplicate: true };
}

function checkExpectedRevision(streamId: string, expected: ExpectedRevision, head: StreamHead | undefined): void {
  if (expected === 'any') return;
  const actual = head ? head.revision : 'no_stream';
  if (expected !== actual) throw new WrongExpectedRevision(streamId, expected, actual);
}

function buildRows(events: EventToAppend[], head: StreamHead | undefined): AppendPlan {
  let previousHash = head ? head.lastHash : GENESIS_HASH;
  const firstRevision = head ? head.revision + 1 : 0;
  const rows = events.map((event, index) => {
    // The caller's hash, if any, is ignored: only the store links the chain.
    const { hash: _callerHash, ...metadata } = event.metadata;
    void _callerHash;
    const hash = computeEventHash(previousHash, { type: event.type, data: event.data, metadata });
    previousHash = hash;
    return {
      id: event.id,
      revision: firstRevision + index,
      type: event.type,
      data: JSON.stringify(event.data ?? null),
      metadata: JSON.stringify({ ...metadata, hash }),
      hash,
    };
  });
  return { kind: 'write', rows, lastHash: previousHash };
}
