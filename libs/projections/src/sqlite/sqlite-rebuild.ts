import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@ij/event-store';
import { eventFromRow } from '../model/recorded-event-row';
import { foldStream, policyholderOfStream } from '../model/project-events';
import { serializeDocument } from '../model/policyholder-document';
import { stoppageRows } from '../model/stoppage-row';
import { READ_MODELS_PROJECTION, type RebuildProgress, type RebuildResult } from '../read-model-store.port';
import { READ_MODEL_INDEXES, readModelTables } from './sqlite-read-model-schema';
import { insertStatements, stoppageValues } from './sqlite-read-model-rows';

const NEXT = '_next';
const PAGE_SIZE = 5_000;
/** Policyholder streams sort between these bounds ('-' is 0x2d, '.' 0x2e): the range reads them with the index. */
const FIRST_STREAM = 'policyholder-';
const AFTER_LAST_STREAM = 'policyholder.';

type EventValues = [position: number, streamId: string, revision: number, id: string, type: string, data: string, metadata: string];

/**
 * Rebuilds every read model from the log into fresh tables, then swaps them in with the checkpoint in one
 * transaction: readers (and the projector of a running API) keep the old models until the swap.
 *
 * The log is read by stream (the events table's (stream_id, revision) index), not by position: each
 * policyholder is then folded once, in memory, and written once, whatever the interleaving of streams in
 * the log. Memory holds one page of events and one stream, never the log. The events table is read
 * directly because the EventStore port offers no per-stream scan (reported to the lead); only events
 * at or before the head read first are folded, so the models match that checkpoint exactly.
 */
export function rebuildSqliteReadModels(database: Database, onProgress?: (progress: RebuildProgress) => void): RebuildResult {
  database.exec(`DROP TABLE IF EXISTS rm_policyholders${NEXT}; DROP TABLE IF EXISTS rm_stoppages${NEXT};`);
  database.exec(readModelTables(NEXT));
  const head = BigInt((database.prepare('SELECT COALESCE(MAX(position), 0) FROM events').raw(true).get() as [number])[0]);
  const total = (database
    .prepare('SELECT COUNT(*) FROM events WHERE stream_id >= ? AND stream_id < ? AND position <= ?')
    .raw(true)
    .get(FIRST_STREAM, AFTER_LAST_STREAM, head) as [number])[0];
  const page = database.prepare(
    `SELECT position, stream_id, revision, id, type, data, metadata FROM events
      WHERE (stream_id, revision) > (?, ?) AND stream_id < ? AND position <= ?
      ORDER BY stream_id, revision LIMIT ?`,
  ).raw(true);
  const writes = insertStatements(database, NEXT);
  const result: RebuildResult = { checkpoint: head, eventsFolded: 0, policyholders: 0, stoppages: 0 };

  let streamId = '';
  let stream: RecordedEvent[] = [];
  const flush = () => {
    const policyholderId = policyholderOfStream(streamId);
    if (policyholderId === undefined || stream.length === 0) return;
    const document = foldStream(policyholderId, stream);
    writes.insertPolicyholder.run(document.policyholderId, serializeDocument(document), document.lastPosition);
    for (const row of stoppageRows(document)) {
      writes.insertStoppage.run(...stoppageValues(row));
      result.stoppages++;
    }
    result.policyholders++;
  };
  const writePage = database.transaction((rows: EventValues[]) => {
    for (const [position, rowStream, revision, id, type, data, metadata] of rows) {
      if (rowStream !== streamId) {
        flush();
        streamId = rowStream;
        stream = [];
      }
      stream.push(eventFromRow(BigInt(position), rowStream, revision, id, type, data, metadata));
    }
  });

  let after: [string, number] = [FIRST_STREAM, -1];
  for (;;) {
    const rows = page.all(after[0], after[1], AFTER_LAST_STREAM, head, PAGE_SIZE) as EventValues[];
    if (rows.length === 0) break;
    writePage(rows);
    result.eventsFolded += rows.length;
    const last = rows[rows.length - 1];
    after = [last[1], last[2]];
    onProgress?.({ processed: result.eventsFolded, total });
  }
  database.transaction(flush)();

  database
    .transaction(() => {
      database.exec(`
        DROP TABLE rm_stoppages; DROP TABLE rm_policyholders;
        ALTER TABLE rm_policyholders${NEXT} RENAME TO rm_policyholders;
        ALTER TABLE rm_stoppages${NEXT} RENAME TO rm_stoppages;`);
      database.exec(READ_MODEL_INDEXES);
      database.prepare('UPDATE rm_checkpoints SET position = ? WHERE projection = ?').run(head, READ_MODELS_PROJECTION);
    })
    .immediate();
  return result;
}
