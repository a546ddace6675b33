import type { EventStore } from '@ij/event-store';
import type { ReadModelStore } from '@ij/projections';

/** EventStoreDB positions are byte offsets: its lag is counted by reading, at most this many events. */
export const LAG_COUNT_LIMIT = 100_000;

export interface ProjectionLag {
  head: bigint;
  checkpoint: bigint;
  /** Events after the read models' checkpoint. */
  events: number;
  /** Age of the oldest of them, from its recordedAt (0 when caught up). */
  seconds: number;
}

/**
 * How far the read models stand behind the log, from the stored checkpoint (so it holds whichever process
 * projects). SQLite and PostgreSQL number events in the log without reuse, so the difference of positions
 * counts them (a PostgreSQL sequence may skip a number on a rolled-back append: an upper bound); EventStoreDB
 * positions are byte offsets, so the events after the checkpoint are read and counted.
 */
export async function measureProjectionLag(events: EventStore, readModels: ReadModelStore, countByReading: boolean, nowMs = Date.now()): Promise<ProjectionLag> {
  const [head, checkpoint] = await Promise.all([events.headPosition(), readModels.checkpoint()]);
  if (head <= checkpoint) return { head, checkpoint, events: 0, seconds: 0 };
  const pending = await events.readAll({ fromPosition: checkpoint, limit: countByReading ? LAG_COUNT_LIMIT : 1 });
  const count = countByReading ? pending.length : Number(head - checkpoint);
  const recordedAt = Date.parse(String(pending[0]?.metadata.recordedAt));
  const seconds = Number.isNaN(recordedAt) ? 0 : Math.max(0, nowMs - recordedAt) / 1_000;
  return { head, checkpoint, events: count, seconds };
}
