import { deterministicEventId, type EventToAppend } from '@ij/event-store';
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
  return deterministicEventId(context.actorId, `${context.idempotencyKey}\u0000${streamId}`, index);
}

/** An id the command creates (advance, regularization, recovery), as the API's derivedId. */
export function derivedId(context: Pick<CommandEnvelopeContext, 'actorId' | 'idempotencyKey'>, purpose: string): string {
  return deterministicEventId(context.actorId, `${context.idempotencyKey}\u0000${purpose}`, 0);
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
