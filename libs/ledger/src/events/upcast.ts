import { POLICYHOLDER_EVENT_TYPES, type PolicyholderEvent } from './policyholder-events';
import type { RulesVersionActivated } from './rules-events';
import type { StoppageIdReserved } from './stoppage-id-events';

export type AnyLedgerEvent = PolicyholderEvent | RulesVersionActivated | StoppageIdReserved;

const KNOWN_TYPES: readonly string[] = [...POLICYHOLDER_EVENT_TYPES, 'RulesVersionActivated', 'StoppageIdReserved'];

/** The current version of each type whose shape changed; every other type is at version 1. */
const CURRENT_VERSIONS: Readonly<Record<string, number>> = { StoppageOpened: 2, StoppageRegularized: 2 };

/** A stored event the code cannot read: a bug or a newer writer, never a domain refusal. */
export class UnsupportedEventSchema extends Error {
  readonly code = 'unsupported-event-schema';
  constructor(readonly type: string, readonly schemaVersion: number) {
    super(`No reader for event ${type} schema version ${schemaVersion}`);
    this.name = 'UnsupportedEventSchema';
  }
}

/**
 * Turns a stored envelope into the current shape of its event; an older version keeps its meaning.
 * StoppageOpened 1 → 2: version 2 adds the optional `employerId`; a version 1 event is a version 2
 * event without it (no employer was recorded then).
 * StoppageRegularized 1 → 2: version 2 adds the `kind` it was computed under; a version 1 event is read
 * without it, and the kind is the stoppage's as folded up to the event (see evolve).
 */
export function upcast(type: string, schemaVersion: number, data: unknown): AnyLedgerEvent {
  const current = CURRENT_VERSIONS[type] ?? 1;
  if (!KNOWN_TYPES.includes(type) || !Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current) {
    throw new UnsupportedEventSchema(type, schemaVersion);
  }
  return { type, schemaVersion: current, data } as AnyLedgerEvent;
}
