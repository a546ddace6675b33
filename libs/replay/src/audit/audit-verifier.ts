import { computeEventHash, GENESIS_HASH, type RecordedEvent } from '@ij/event-store';
import { disbursements, evolve, initialState, isPolicyholderEvent, upcast, type PolicyholderState } from '@ij/ledger';
import { Money } from '@ij/money';
import type { AuditFailure, AuditReport } from './audit-report';
import { reproduceRegularization } from './reproduce-regularization';

const POLICYHOLDER_STREAM_PREFIX = 'policyholder-';

interface StreamCheck {
  nextRevision: number;
  previousHash: string;
  /** Policyholder streams: the state folded from the events checked so far. */
  state?: PolicyholderState;
}

/**
 * The one verifier of `audit verify`, whatever the events come from (the live store, or an export file):
 * fed every event of the log in global order, it checks every stream as it goes (the policyholder streams,
 * `rules` and every `stoppage-*` reservation):
 * - its hash chain, as verifyChain does (contiguous revisions, each hash recomputed from the previous one);
 *   the chain continues from the stored hash, so one altered event is reported once, not with all that follow;
 * - every StoppageRegularized, recomputed from the events before it with the rules version it recorded;
 * - at the end, each policyholder's allowances paid against its transfers (unreconciled must be 0).
 * Memory holds, per stream, its last hash and folded state.
 */
export class AuditVerifier {
  private readonly streams = new Map<string, StreamCheck>();
  private readonly failures: AuditFailure[] = [];
  private eventsChecked = 0;
  private regularizationsChecked = 0;

  /**
   * Checks the next event of the log. `claimedPreviousHash`: the chain link an export file states for it,
   * checked against the hash of the event before it in its stream.
   */
  check(event: RecordedEvent, claimedPreviousHash?: string): void {
    const stream = this.streams.get(event.streamId) ?? newStreamCheck(event.streamId);
    this.streams.set(event.streamId, stream);
    this.checkChain(stream, event, claimedPreviousHash);
    if (stream.state && this.checkPolicyholderEvent(stream, event)) this.regularizationsChecked++;
    this.eventsChecked++;
  }

  /** A failure found outside the events (an export file's lines): reported with the others. */
  fail(failure: AuditFailure): void {
    this.failures.push(failure);
  }

  get checked(): number {
    return this.eventsChecked;
  }

  report(): AuditReport {
    const failures = [...this.failures];
    for (const [streamId, stream] of this.streams) if (stream.state) failures.push(...disbursementFailures(streamId, stream));
    return { ok: failures.length === 0, streamsChecked: this.streams.size, eventsChecked: this.eventsChecked, regularizationsChecked: this.regularizationsChecked, failures };
  }

  private checkChain(stream: StreamCheck, event: RecordedEvent, claimedPreviousHash: string | undefined): void {
    const where = whereOf(event);
    if (event.revision !== stream.nextRevision) {
      this.failures.push({ ...where, kind: 'HASH_CHAIN', expected: { revision: stream.nextRevision }, actual: { revision: event.revision }, detail: `expected revision ${stream.nextRevision}, found ${event.revision}: an event of the stream is missing or out of place` });
    }
    if (claimedPreviousHash !== undefined && claimedPreviousHash !== stream.previousHash) {
      this.failures.push({ ...where, kind: 'HASH_CHAIN', expected: stream.previousHash, actual: claimedPreviousHash, detail: `event ${event.id} (${event.type}) names a previous hash that is not the hash of the event before it in its stream` });
    }
    const recomputed = computeEventHash(stream.previousHash, event);
    if (event.metadata.hash !== recomputed) {
      this.failures.push({
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
  private checkPolicyholderEvent(stream: StreamCheck, event: RecordedEvent): boolean {
    const where = whereOf(event);
    let domainEvent;
    try {
      domainEvent = upcast(event.type, event.metadata.schemaVersion, event.data);
    } catch (error) {
      this.failures.push({ ...where, kind: 'UNREADABLE_EVENT', actual: { type: event.type, schemaVersion: event.metadata.schemaVersion }, detail: error instanceof Error ? error.message : String(error) });
      return false;
    }
    if (!isPolicyholderEvent(domainEvent)) {
      this.failures.push({ ...where, kind: 'UNREADABLE_EVENT', actual: { type: event.type }, detail: `${event.type} does not belong on a policyholder stream` });
      return false;
    }
    let regularization = false;
    if (domainEvent.type === 'StoppageRegularized') {
      regularization = true;
      const failure = reproduceRegularization(stream.state, domainEvent, where);
      if (failure) this.failures.push({ ...where, ...failure });
    }
    stream.state = evolve(stream.state!, domainEvent);
    return regularization;
  }
}

function newStreamCheck(streamId: string): StreamCheck {
  return { nextRevision: 0, previousHash: GENESIS_HASH, ...(streamId.startsWith(POLICYHOLDER_STREAM_PREFIX) ? { state: initialState() } : {}) };
}

function whereOf(event: RecordedEvent): { streamId: string; revision: number; position: string } {
  return { streamId: event.streamId, revision: event.revision, position: event.position.toString() };
}

/**
 * The reconciliation of architecture.md "Money out": the allowances the ledger paid are the transfers that
 * carry them (by status, a re-ordered transfer once), and each transfer's withholdings add up to its gross.
 */
function disbursementFailures(streamId: string, stream: StreamCheck): AuditFailure[] {
  const failures: AuditFailure[] = [];
  const where = { streamId, revision: stream.nextRevision - 1 };
  const reconciliation = disbursements(stream.state!, LAST_DATE);
  if (reconciliation.unreconciledCents !== 0) {
    failures.push({ ...where, kind: 'UNRECONCILED_DISBURSEMENTS', expected: { unreconciledCents: 0 }, actual: reconciliation, detail: `allowances paid and transfers differ by ${reconciliation.unreconciledCents} cents` });
  }
  for (const transfer of stream.state!.transfers ?? []) {
    const parts = Money.fromCents(transfer.csgCents).plus(Money.fromCents(transfer.crdsCents)).plus(Money.fromCents(transfer.netCents));
    if (parts.toCents() !== transfer.grossCents) {
      failures.push({ ...where, kind: 'UNRECONCILED_DISBURSEMENTS', expected: { grossCents: transfer.grossCents }, actual: { csgCents: transfer.csgCents, crdsCents: transfer.crdsCents, netCents: transfer.netCents }, detail: `transfer ${transfer.transferId}: CSG + CRDS + net is not its gross` });
    }
  }
  return failures;
}

/** Every decision, whatever its date. */
const LAST_DATE = '9999-12-31';
