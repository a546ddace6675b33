import { hash } from 'node:crypto';
import type { EventMetadata, RecordedEvent } from './event-store.port';

/** The "previous hash" of a stream's first event (revision 0). */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted and no whitespace, so the same event always hashes the same way
 * whatever key order it was built or stored with. Follows JSON.stringify for what it drops
 * (undefined, functions) and converts (toJSON, non-finite numbers), so a stored event re-hashes equal.
 */
export function canonicalJson(value: unknown): string {
  const json = canonicalPart(value);
  return json === undefined ? 'null' : json;
}

function canonicalPart(value: unknown): string | undefined {
  // Written for speed (every appended event is hashed): one string built in place, no intermediate arrays.
  switch (typeof value) {
    case 'string':
    case 'number':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: a bigint has no JSON form; store it as a string');
    case 'object':
      break;
    default:
      return undefined; // undefined, functions, symbols: dropped, as JSON.stringify does
  }
  if (value === null) return 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalPart((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) {
    let json = '[';
    for (let index = 0; index < value.length; index++) {
      if (index > 0) json += ',';
      json += canonicalPart(value[index]) ?? 'null';
    }
    return `${json}]`;
  }
  const keys = Object.keys(value).sort();
  let json = '{';
  for (const key of keys) {
    const member = canonicalPart((value as Record<string, unknown>)[key]);
    if (member === undefined) continue;
    if (json.length > 1) json += ',';
    json += `${JSON.stringify(key)}:${member}`;
  }
  return `${json}}`;
}

/** What the hash covers: the event as stored, minus the hash itself. */
export interface HashedContent {
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/** sha256 (hex) over the previous event's hash in the stream and this event's canonical JSON. */
export function computeEventHash(previousHash: string, event: HashedContent): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  void _ignored;
  // One-shot hash of the concatenation: the same digest as update(previousHash).update(json), without a Hash object per event.
  return hash('sha256', previousHash + canonicalJson({ type: event.type, data: event.data, metadata }), 'hex');
}

export type ChainVerification = { ok: true } | { ok: false; revision: number; reason: string };

/**
 * Checks a whole stream read from revision 0: revisions are contiguous and every hash is the one
 * recomputed from the previous hash and the event. Run after reading, as well as on append,
 * so tampering with the stored log is detected (`audit verify`).
 */
export function verifyChain(events: RecordedEvent[]): ChainVerification {
  let previousHash = GENESIS_HASH;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (event.revision !== index) {
      return { ok: false, revision: event.revision, reason: `expected revision ${index}, found ${event.revision}` };
    }
    if (index > 0 && event.streamId !== events[0].streamId) {
      return { ok: false, revision: event.revision, reason: `event belongs to stream ${event.streamId}, not ${events[0].streamId}` };
    }
    const expected = computeEventHash(previousHash, event);
    if (event.metadata.hash !== expected) {
      return { ok: false, revision: event.revision, reason: `hash ${event.metadata.hash} does not match the recomputed ${expected}` };
    }
    previousHash = expected;
  }
  return { ok: true };
}
