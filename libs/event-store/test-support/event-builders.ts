import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventToAppend } from '../src/event-store.port';
import { deterministicEventId } from '../src/event-id';

/**
 * Builders for the contract suite. Ids and stream names carry a per-run prefix because an
 * EventStoreDB server keeps its streams between runs; everything else is fixed.
 */
const runId = randomUUID().slice(0, 8);
let commandCounter = 0;

export function aStreamId(name: string): string {
  return `policyholder-${name}-${runId}`;
}

export function metadataFor(command: string, overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: 'agent-42',
    correlationId: `correlation-${command}`,
    causationId: `command-${command}`,
    recordedAt: '2025-03-14T09:26:53.589Z',
    schemaVersion: 1,
    rulesVersion: 'ij-2025.1',
    ...overrides,
  };
}

/** The events one command produces: `count` events with ids derived from a fresh idempotency key. */
export function eventsOfACommand(count: number, data: (index: number) => unknown = (index) => ({ stoppageId: 'stoppage-1', amountCents: 3_287 + index })): EventToAppend[] {
  const command = `${runId}-${++commandCounter}`;
  return Array.from({ length: count }, (_, index) => ({
    id: deterministicEventId('agent-42', command, index),
    type: 'AdvanceIssued',
    data: data(index),
    metadata: metadataFor(command),
  }));
}
