import { computeEventHash, GENESIS_HASH, type EventStore, type RecordedEvent } from '@ij/event-store';
import { evolve, initialState, isPolicyholderEvent, upcast, type PolicyholderState } from '@ij/ledger';
import type { AuditFailure, AuditReport } from './audit-report';
import { reproduceRegularization } from './reproduce-regularization';

const PAGE_SIZE = 5_000;
const POLICYHOLDER_STREAM_PREFIX = 'policyholder-';

interface StreamCheck {
  nextRevision: number;
  previousHash: string;
  /** Policyholder streams: the state folded from the events checked so far. */
  state?: PolicyholderState;
}

export interface VerifyOptions {
  pageSize?: number;
  /** After each page: events checked so far, and the log's head position when the check started. */
  onProgress?: (progress: { eventsChecked: number; head: bigint; position: bigint }) => void;
}

/**
 * `audit verify`: reads the whole log once, in global order, and checks every stream as it goes (the
 * policyholder streams, `rules` and every `stoppage-*` reservation):
 * - its hash chain, as verifyChain does (contiguous revisions, each hash recomputed from the previous one);
 *   the chain continues from the stored hash, so one altered event is reported once, not with all that follow;
 * - every StoppageRegularized, recomputed from the events before it with the rules version it recorded.
 * Memory holds one page and, per stream, its last hash and folded state.
 */
export async function verifyLedger(events: EventStore, options: VerifyOptions = {}): Promise<AuditReport> {
  const head = await events.headPosition();
  const streams = new Map<string, StreamCheck>();
  const failures: AuditFailure[] = [];
  let eventsChecked = 0;
  let regularizationsChecked = 0;
  let position = 0n;
  for (;;) {
    const page = await events.readAll({ fromPosition: position, limit: options.pageSize ?? PAGE_SIZE });
    for (const event of page) {
      if (event.position > head) break;
      const stream = streams.get(event.streamId) ?? newStreamCheck(event.streamId);
      streams.set(event.streamId, stream);
      checkChain(stream, event, failures);
      if (stream.state && checkPolicyholderEvent(stream, event, failures)) regularizationsChecked++;
      eventsChecked++;
      position = event.position;
    }
    options.onProgress?.({ eventsChecked, head, position });
    if (page.length === 0 || position >= head) break;
  }
  return { ok: failures.length === 0, streamsChecked: streams.size, eventsChecked, regularizationsChecked, failures };
}

function newStreamCheck(streamId: string): StreamCheck {
  return { nextRevision: 0, previousHash: GENESIS_HASH, ...(streamId.startsWith(POLICYHOLDER_STREAM_PREFIX) ? { state: initialState() } : {}) };
}

function checkChain(stream: StreamCheck, event: RecordedEvent, failures: AuditFailure[]): void {
  const where = { streamId: event.streamId, revision: event.revision };
  if (event.revision !== stream.nextRevision) {
    failures.push({ ...where, kind: 'HASH_CHAIN', expected: { revision: stream.nextRevision }, actual: { revision: event.revision }, detail: `expected revision ${stream.nextRevision}, found ${event.revision}` });
  }
  const recomputed = computeEventHash(stream.previousHash, event);
  if (event.metadata.hash !== recomputed) {
    failures.push({
      ...where,
      kind: 'HASH_CHAIN',
      expected: recomputed,
      actual: event.metadata.hash,
      detail: `event ${event.id} (${event.type}) does not hash to its stored hash: its type, data or metadata changed after it was appended`,
    });
  }
  stream.nextRevision = event.revision + 1;
  stream.previousHash = event.metadata.hash;
}

/** Folds the event into the stream's state; returns true when it was a regularization (checked before folding). */
function checkPolicyholderEvent(stream: StreamCheck, event: RecordedEvent, failures: AuditFailure[]): boolean {
  const where = { streamId: event.streamId, revision: event.revision };
  let domainEvent;
  try {
    domainEvent = upcast(event.type, event.metadata.schemaVersion, event.data);
  } catch (error) {
    failures.push({ ...where, kind: 'UNREADABLE_EVENT', actual: { type: event.type, schemaVersion: event.metadata.schemaVersion }, detail: error instanceof Error ? error.message : String(error) });
    return false;
  }
  if (!isPolicyholderEvent(domainEvent)) {
    failures.push({ ...where, kind: 'UNREADABLE_EVENT', actual: { type: event.type }, detail: `${event.type} does not belong on a policyholder stream` });
    return false;
  }
  let regularization = false;
  if (domainEvent.type === 'StoppageRegularized') {
    regularization = true;
    const failure = reproduceRegularization(stream.state, domainEvent, where);
    if (failure) failures.push({ ...where, ...failure });
  }
  stream.state = evolve(stream.state!, domainEvent);
  return regularization;
}
