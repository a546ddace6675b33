import type { RecordedEvent } from '../event-store.port';

/** Column order of every events SELECT: read as raw arrays, the fastest way out of better-sqlite3. */
export const EVENT_COLUMNS = 'position, stream_id, revision, id, type, data, metadata';

export type EventRowValues = [position: number, streamId: string, revision: number, id: string, type: string, data: string, metadata: string];

export function toRecordedEvent(row: EventRowValues): RecordedEvent {
  return {
    id: row[3],
    streamId: row[1],
    revision: row[2],
    position: BigInt(row[0]),
    type: row[4],
    data: JSON.parse(row[5]),
    metadata: JSON.parse(row[6]),
  };
}
