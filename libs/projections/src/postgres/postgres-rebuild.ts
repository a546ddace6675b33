import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@ij/event-store';
import { foldStream, policyholderOfStream } from '../model/project-events';
import { eventFromRow } from '../model/recorded-event-row';
import type { RebuildProgress, RebuildResult } from '../read-model-store.port';
import { writeDocuments, type EventRecord } from './postgres-read-model-rows';

const REBUILD_PAGE_SIZE = 2_000;

/**
 * The rebuild of the postgres mode, inside the caller's transaction (checkpoint locked, models emptied):
 * the events table read stream by stream up to its head, a page at a time, each policyholder folded and
 * written once. Returns the head as the checkpoint; the caller saves it.
 */
export async function rebuildFromEventsTable(client: PoolClient, s: string, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> {
  const { rows: headRows } = await client.query(
    `SELECT COALESCE(MAX(position), 0)::text AS head,
            COUNT(*) FILTER (WHERE stream_id LIKE 'policyholder-%')::int AS total FROM ${s}.events`,
  );
  const head = BigInt(headRows[0].head);
  const total: number = headRows[0].total;
  const result: RebuildResult = { checkpoint: head, eventsFolded: 0, policyholders: 0, stoppages: 0 };
  let after: [string, number] = ['policyholder-', -1];
  let streamId = '';
  let stream: RecordedEvent[] = [];
  const flush = async () => {
    const policyholderId = policyholderOfStream(streamId);
    if (policyholderId === undefined || stream.length === 0) return;
    const document = foldStream(policyholderId, stream);
    await writeDocuments(client, s, [document]);
    result.policyholders++;
    result.stoppages += document.stoppages.length;
  };
  for (;;) {
    const { rows } = await client.query<EventRecord>(
      `SELECT position::text AS position, stream_id, revision, id::text AS id, type, data, metadata FROM ${s}.events
        WHERE (stream_id COLLATE "C", revision) > ($1 COLLATE "C", $2) AND stream_id LIKE 'policyholder-%' AND position <= $3
        ORDER BY stream_id COLLATE "C", revision LIMIT $4`,
      [after[0], after[1], String(head), REBUILD_PAGE_SIZE],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.stream_id !== streamId) {
        await flush();
        streamId = row.stream_id;
        stream = [];
      }
      stream.push(eventFromRow(BigInt(row.position), row.stream_id, row.revision, row.id, row.type, row.data, row.metadata));
    }
    result.eventsFolded += rows.length;
    after = [rows[rows.length - 1].stream_id, rows[rows.length - 1].revision];
    onProgress?.({ processed: result.eventsFolded, total });
  }
  await flush();
  return result;
}
