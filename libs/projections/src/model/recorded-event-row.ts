import type { RecordedEvent } from '@ij/event-store';

/**
 * An events row as both stores keep it (JSON text columns). The rebuild reads the events table of its
 * own database directly, by stream, which the EventStore port does not offer (see sqlite-rebuild.ts).
 */
export function eventFromRow(
  position: bigint,
  streamId: string,
  revision: number,
  id: string,
  type: string,
  data: string,
  metadata: string,
): RecordedEvent {
  return { id, streamId, revision, position, type, data: JSON.parse(data), metadata: JSON.parse(metadata) };
}
