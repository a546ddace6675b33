import { createHash } from 'node:crypto';
import { EVENT_ID_NAMESPACE, type EventToAppend } from '@ij/event-store';
import { requestHash, type ApiRequest } from './api-requests';

/** Who sent a command and how the API would have recorded it (LedgerCommandRunner's envelope, field for field). */
export interface CommandEnvelopeContext {
  actorId: string;
  idempotencyKey: string;
  correlationId: string;
  causationId: string;
  recordedAt: string;
  request: ApiRequest;
}

export interface EventDraft {
  type: string;
  schemaVersion: number;
  data: unknown;
}

/** Event ids from actor + idempotency key + stream + index, exactly as the API derives them. */
export function eventId(context: Pick<CommandEnvelopeContext, 'actorId' | 'idempotencyKey'>, streamId: string, index: number): string {
  return seedEventId(context.actorId, `${context.idempotencyKey}\u0000${streamId}`, index);
}

/** An id the command creates (advance, regularization, recovery), as the API's derivedId. */
export function derivedId(context: Pick<CommandEnvelopeContext, 'actorId' | 'idempotencyKey'>, purpose: string): string {
  return seedEventId(context.actorId, `${context.idempotencyKey}\u0000${purpose}`, 0);
}

const NAMESPACE_BYTES = Buffer.from(EVENT_ID_NAMESPACE.replace(/-/gu, ''), 'hex');
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Exactly the event store's deterministicEventId (RFC 4122 v5 of the JSON-encoded parts in the same
 * namespace), with the namespace parsed once: the seed derives several ids per command, and the uuid
 * package parses the namespace and re-encodes the name on every call. The spec checks they agree.
 */
export function seedEventId(actor: string, idempotencyKey: string, index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`event index must be a natural number, got ${index}`);
  const bytes = createHash('sha1').update(NAMESPACE_BYTES).update(JSON.stringify([actor, idempotencyKey, index]), 'utf8').digest();
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return (
    HEX[bytes[0]] + HEX[bytes[1]] + HEX[bytes[2]] + HEX[bytes[3]] + '-' + HEX[bytes[4]] + HEX[bytes[5]] + '-' + HEX[bytes[6]] + HEX[bytes[7]] + '-' +
    HEX[bytes[8]] + HEX[bytes[9]] + '-' + HEX[bytes[10]] + HEX[bytes[11]] + HEX[bytes[12]] + HEX[bytes[13]] + HEX[bytes[14]] + HEX[bytes[15]]
  );
}

export function envelopes(streamId: string, drafts: readonly EventDraft[], context: CommandEnvelopeContext, hash = requestHash(context.request)): EventToAppend[] {
  return drafts.map((draft, index) => {
    const rulesVersion = (draft.data as { rulesVersion?: unknown }).rulesVersion;
    return {
      id: eventId(context, streamId, index),
      type: draft.type,
      data: draft.data,
      metadata: {
        actor: context.actorId,
        correlationId: context.correlationId,
        causationId: context.causationId,
        recordedAt: context.recordedAt,
        schemaVersion: draft.schemaVersion,
        ...(typeof rulesVersion === 'string' ? { rulesVersion } : {}),
        idempotencyKey: context.idempotencyKey,
        requestHash: hash,
      },
    };
  });
}
