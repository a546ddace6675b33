import type { EventStore } from '@ij/event-store';
import { maskIban, policyholderStream } from '@ij/ledger';

export interface HistoryEntry {
  /** A JSON number while it is a safe integer (below 2^53), else its decimal string. */
  position: number | string;
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  recordedAt: string;
  actor: string;
  correlationId: string;
  causationId: string;
  rulesVersion?: string;
  hash: string;
}

/**
 * GET /v1/policyholders/{id}/history: the auditor's timeline, straight from the stream (no read model). IBANs
 * are masked as in every other answer (issue 21): the bank account, the employer's and the payment's creditor.
 */
export async function policyholderHistory(events: EventStore, policyholderId: string): Promise<HistoryEntry[]> {
  const stream = await events.readStream(policyholderStream(policyholderId));
  return stream.map((event) => ({
    position: jsonPosition(event.position),
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    schemaVersion: event.metadata.schemaVersion,
    data: withMaskedIbans(event.data),
    recordedAt: event.metadata.recordedAt,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    ...(event.metadata.rulesVersion === undefined ? {} : { rulesVersion: event.metadata.rulesVersion }),
    hash: event.metadata.hash,
  }));
}

export function jsonPosition(position: bigint): number | string {
  return position <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(position) : position.toString();
}

/** A copy of event data with every `iban` field masked (event data is a few levels deep at most). */
function withMaskedIbans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withMaskedIbans);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, key === 'iban' && typeof field === 'string' ? maskIban(field) : withMaskedIbans(field)]),
  );
}
