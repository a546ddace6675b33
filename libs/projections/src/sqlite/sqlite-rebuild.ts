import type { Database } from 'better-sqlite3';
import { foldedDocument, foldEventInto, policyholderOfStream, startFolding, type FoldingDocument } from '../model/project-events';
import { serializeDocument } from '../model/policyholder-document';
import { stoppageRows } from '../model/stoppage-row';
import { READ_MODELS_PROJECTION, type RebuildProgress, type RebuildResult } from '../read-model-store.port';
import { READ_MODEL_INDEXES, readModelTables } from './sqlite-read-model-schema';
import { insertStatements, stoppageValues } from './sqlite-read-model-rows';

const NEXT = '_next';
const PAGE_SIZE = 5_000;
/** Policyholder streams sort between these bounds ('-' is 0x2d, '.' 0x2e). */
const FIRST_STREAM = 'policyholder-';
const AFTER_LAST_STREAM = 'policyholder.';

type EventValues = [position: number, streamId: string, type: string, data: string, schemaVersion: number | null];

/** Policyholders folded per scan of the log: bounds memory (a few KB each) for any population. */
const PARTITION_POLICYHOLDERS = 20_000;
/** Documents written per transaction once the log is folded. */
const WRITE_BATCH = 10_000;

/**
 * Rebuilds every read model from the log into fresh tables, then swaps them in with the checkpoint in one
 * transaction: readers (and the projector of a running API) keep the old models until the swap.
 *
 * The log is read in its own order (position, the table's rowid: a sequential scan, pages of PAGE_SIZE),
 * and every policyholder's document is folded in memory as its events come, whatever the interleaving of
 * streams in the log; the documents are written once each, in policyholder order. The population is taken
 * in slices of stream ids (PARTITION_POLICYHOLDERS each, one scan per slice): memory holds one slice's
 * folded documents (a few KB per policyholder), never the log. Only the columns the fold reads are fetched: the metadata's schemaVersion is extracted by
 * SQLite, the metadata JSON is not parsed. The events table is read directly because the EventStore port
 * offers no such scan (reported to the lead); only events at or before the head read first are folded, so
 * the models match that checkpoint exactly.
 */
export function rebuildSqliteReadModels(database: Database, onProgress?: (progress: RebuildProgress) => void): RebuildResult {
  database.exec(`DROP TABLE IF EXISTS rm_policyholders${NEXT}; DROP TABLE IF EXISTS rm_stoppages${NEXT};`);
  database.exec(readModelTables(NEXT));
  const head = BigInt((database.prepare('SELECT COALESCE(MAX(position), 0) FROM events').raw(true).get() as [number])[0]);
  const total = onProgress
    ? (database
        .prepare('SELECT COUNT(*) FROM events WHERE stream_id >= ? AND stream_id < ? AND position <= ?')
        .raw(true)
        .get(FIRST_STREAM, AFTER_LAST_STREAM, head) as [number])[0]
    : 0;
  const page = database.prepare(
    `SELECT position, stream_id, type, data, metadata ->> '$.schemaVersion' FROM events
      WHERE position > ? AND position <= ? AND +stream_id >= ? AND +stream_id < ?
      ORDER BY position LIMIT ?`,
  ).raw(true);
  const writes = insertStatements(database, NEXT);
  const result: RebuildResult = { checkpoint: head, eventsFolded: 0, policyholders: 0, stoppages: 0 };

  // The population is folded in slices of stream ids, one scan of the log each, so that memory holds
  // at most PARTITION_POLICYHOLDERS folded documents whatever the size of the population.
  const boundary = database.prepare('SELECT stream_id FROM events WHERE stream_id >= ? AND stream_id < ? AND revision = 0 ORDER BY stream_id LIMIT 1 OFFSET ?').raw(true);
  let from = FIRST_STREAM;
  for (;;) {
    const next = boundary.get(from, AFTER_LAST_STREAM, PARTITION_POLICYHOLDERS) as [string] | undefined;
    const to = next ? next[0] : AFTER_LAST_STREAM;
    foldSlice(from, to);
    if (!next) break;
    from = to;
  }

  function foldSlice(from: string, to: string): void {
    const folding = new Map<string, FoldingDocument>();
    let after = 0;
    for (;;) {
      const rows = page.all(after, head, from, to, PAGE_SIZE) as EventValues[];
      for (const [position, streamId, type, data, schemaVersion] of rows) {
        const policyholderId = policyholderOfStream(streamId);
        if (policyholderId === undefined) continue;
        let entry = folding.get(policyholderId);
        if (!entry) {
          entry = startFolding(policyholderId);
          folding.set(policyholderId, entry);
        }
        // A missing schemaVersion is undefined, as JSON.parse of the metadata would give.
        foldEventInto(entry, type, (schemaVersion ?? undefined) as number, JSON.parse(data), BigInt(position));
      }
      result.eventsFolded += rows.length;
      onProgress?.({ processed: result.eventsFolded, total });
      // A short page means the scan reached the head: every event of the slice up to it is folded.
      if (rows.length < PAGE_SIZE) break;
      after = rows[rows.length - 1][0];
    }
    const policyholderIds = [...folding.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const writeBatch = database.transaction((batch: readonly string[]) => {
      for (const policyholderId of batch) {
        const document = foldedDocument(folding.get(policyholderId)!);
        folding.delete(policyholderId);
        writes.insertPolicyholder.run(document.policyholderId, serializeDocument(document), document.lastPosition);
        for (const row of stoppageRows(document)) {
          writes.insertStoppage.run(...stoppageValues(row));
          result.stoppages++;
        }
        result.policyholders++;
      }
    });
    for (let first = 0; first < policyholderIds.length; first += WRITE_BATCH) writeBatch(policyholderIds.slice(first, first + WRITE_BATCH));
  }

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
