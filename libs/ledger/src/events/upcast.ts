import { POLICYHOLDER_EVENT_TYPES, type PolicyholderEvent } from './policyholder-events';
import type { RulesVersionActivated } from './rules-events';
import type { StoppageIdReserved } from './stoppage-id-events';

export type AnyLedgerEvent = PolicyholderEvent | RulesVersionActivated | StoppageIdReserved;

const KNOWN_TYPES: readonly string[] = [...POLICYHOLDER_EVENT_TYPES, 'RulesVersionActivated', 'StoppageIdReserved'];

/** A stored event the code cannot read: a bug or a newer writer, never a domain refusal. */
export class UnsupportedEventSchema extends Error {
  readonly code = 'unsupported-event-schema';
  constructor(readonly type: string, readonly schemaVersion: number) {
    super(`No reader for event ${type} schema version ${schemaVersion}`);
    this.name = 'UnsupportedEventSchema';
  }
}

/**
 * Turns a stored envelope into the current shape of its event. Every type is at version 1 today;
 * when a shape changes, its version 2 gets an upcaster here from version 1, and version 1 keeps its meaning.
 */
export function upcast(type: string, schemaVersion: number, data: unknown): AnyLedgerEvent {
  if (!KNOWN_TYPES.includes(type) || schemaVersion !== 1) throw new UnsupportedEventSchema(type, schemaVersion);
  return { type, schemaVersion: 1, data } as AnyLedgerEvent;
}
