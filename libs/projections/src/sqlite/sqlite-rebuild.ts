import BetterSqlite3, { type Database } from 'better-sqlite3';
import { foldedDocument, foldEventInto, policyholderOfStream, startFolding, type FoldingDocument } from '../model/project-events';
import { serializeDocument } from '../model/policyholder-document';
import { stoppageRows } from '../model/stoppage-row';
import { READ_MODELS_PROJECTION, type RebuildProgress, type RebuildResult } from '../read-model-store.port';
import { READ_MODEL_INDEXES, readModelTables } from './sqlite-read-model-schema';
import { withoutOwnFsync } from './without-own-fsync';
import { insertStatements, stoppageValues } from './sqlite-read-model-rows';

const NEXT = '_next';
/** Policyholder streams sort between these bounds ('-' is 0x2d, '.' 0x2e). */
const FIRST_STREAM = 'policyholder-';
const AFTER_LAST_STREAM = 'policyholder.';

type EventValues = [position: number, streamId: string, type: string, data: string, schemaVersion: number | null];

/**
 * Documents written per transaction while the log is folded. Small on purpose: a batch's rows (some 2 KB of
 * JSON a document) then die in V8's young generation instead of being promoted and collected as old objects;
 * 250 instead of 5 000 cut the rebuild's CPU time by about a tenth at 1M events. The commits are at NORMAL
 * (no fsync of their own), so more of them cost little.
 */
const WRITE_BATCH = 250;
/** onProgress is told every this many events. */
const PROGRESS_EVERY = 5_000;

/**
 * Rebuilds every read model from the log into fresh tables, then swaps them in with the checkpoint in one
 * transaction: readers (and the projector of a running API) keep the old models until the swap.
 *
 * A policyholder's document depends on its own stream alone, folded in revision order, so the log is read
 * once in stream order: one SELECT of the policyholder streams' events up to the head, ordered by (stream,
 * revision) by SQLite's external sorter over a sequential scan of the table (the (stream_id, revision) index
 * would be a random read per event, about 3x slower here). Each document is folded from its consecutive rows
 * and written as soon as its stream ends, WRITE_BATCH documents per transaction: memory holds one document
 * being folded and one write batch, whatever the size of the population or the interleaving of the log.
 * The scan runs on a second connection to the same file (better-sqlite3 runs no statement on a connection
 * while one of its SELECTs is being iterated), in one read transaction, so the head and the rows are one
 * snapshot. A database that cannot have one (in memory, or not in WAL mode) is folded the same way with its
 * documents kept until the scan ends. Only the columns the fold reads are fetched: SQLite extracts the
 * metadata's schemaVersion, the metadata JSON is not parsed. The events table is read directly because the
 * EventStore port offers no such scan (reported to the lead); only events at or before the head are folded,
 * so the models match that checkpoint exactly.
 */
export function rebuildSqliteReadModels(database: Database, onProgress?: (progress: RebuildProgress) => void): RebuildResult {
  database.exec(`DROP TABLE IF EXISTS rm_policyholders${NEXT}; DROP TABLE IF EXISTS rm_stoppages${NEXT};`);
  database.exec(readModelTables(NEXT));
  const reader = openReader(database);
  const source = reader ?? database;
  const writes = insertStatements(database, NEXT);
  // The fresh tables' batches need no fsync of their own: nothing reads them before the swap, whose commit
  // (at the connection's own level, FULL for the ledger) syncs the WAL and so every batch written before it.
  // NORMAL keeps the WAL consistent after a crash; a rebuild cut short leaves the _next tables, dropped by
  // the next one.
  let result: RebuildResult;
  try {
    result = withoutOwnFsync(database, () => {
      reader?.exec('BEGIN');
      const head = BigInt((source.prepare('SELECT COALESCE(MAX(position), 0) FROM events').raw(true).get() as [number])[0]);
      const total = onProgress
        ? (source
            .prepare('SELECT COUNT(*) FROM events WHERE stream_id >= ? AND stream_id < ? AND position <= ?')
            .raw(true)
            .get(FIRST_STREAM, AFTER_LAST_STREAM, head) as [number])[0]
        : 0;
      const folded: RebuildResult = { checkpoint: head, eventsFolded: 0, policyholders: 0, stoppages: 0 };
      const writeBatch = database.transaction((batch: readonly DocumentRows[]) => {
        for (const [policyholder, stoppages] of batch) {
          writes.insertPolicyholder.run(...policyholder);
          for (const stoppage of stoppages) writes.insertStoppage.run(...stoppage);
          folded.stoppages += stoppages.length;
          folded.policyholders++;
        }
      });
      // '+' keeps SQLite off the (stream_id, revision) index: a scan of the table, then its sorter.
      const scan = source
        .prepare(
          `SELECT position, stream_id, type, data, metadata ->> '$.schemaVersion' FROM events
            WHERE position <= ? AND +stream_id >= ? AND +stream_id < ?
            ORDER BY +stream_id, +revision`,
        )
        .raw(true);
      // A folded document waits for its write batch as its rows (flat strings and numbers), not as objects.
      let pending: DocumentRows[] = [];
      let current: FoldingDocument | undefined;
      let currentStream: string | undefined;
      for (const values of scan.iterate(head, FIRST_STREAM, AFTER_LAST_STREAM)) {
        const [position, streamId, type, data, schemaVersion] = values as EventValues;
        if (streamId !== currentStream) {
          if (current) pending.push(documentRows(current));
          if (reader && pending.length >= WRITE_BATCH) {
            writeBatch(pending);
            pending = [];
          }
          currentStream = streamId;
          const policyholderId = policyholderOfStream(streamId);
          current = policyholderId === undefined ? undefined : startFolding(policyholderId);
        }
        folded.eventsFolded++;
        if (onProgress && folded.eventsFolded % PROGRESS_EVERY === 0) onProgress({ processed: folded.eventsFolded, total });
        if (!current) continue;
        // A missing schemaVersion is undefined, as JSON.parse of the metadata would give.
        foldEventInto(current, type, (schemaVersion ?? undefined) as number, JSON.parse(data), BigInt(position));
      }
      if (current) pending.push(documentRows(current));
      for (let first = 0; first < pending.length; first += WRITE_BATCH) writeBatch(pending.slice(first, first + WRITE_BATCH));
      onProgress?.({ processed: folded.eventsFolded, total });
      return folded;
    });
  } finally {
    reader?.close();
  }

  database
    .transaction(() => {
      database.exec(`
        DROP TABLE rm_stoppages; DROP TABLE rm_policyholders;
        ALTER TABLE rm_policyholders${NEXT} RENAME TO rm_policyholders;
        ALTER TABLE rm_stoppages${NEXT} RENAME TO rm_stoppages;`);
      database.exec(READ_MODEL_INDEXES);
      database.prepare('UPDATE rm_checkpoints SET position = ? WHERE projection = ?').run(result.checkpoint, READ_MODELS_PROJECTION);
    })
    .immediate();
  return result;
}

type DocumentRows = [policyholder: [policyholderId: string, stateJson: string, lastPosition: bigint], stoppages: unknown[][]];

function documentRows(entry: FoldingDocument): DocumentRows {
  const document = foldedDocument(entry);
  return [[document.policyholderId, serializeDocument(document), document.lastPosition], stoppageRows(document).map(stoppageValues)];
}

/** A second connection to the database's file, for the scan; none for a database in memory or not in WAL mode. */
function openReader(database: Database): Database | undefined {
  if (database.memory || !database.name || database.pragma('journal_mode', { simple: true }) !== 'wal') return undefined;
  const reader = new BetterSqlite3(database.name, { fileMustExist: true });
  // The ORDER BY's external sorter may sort its runs on a helper thread: 4–5% less wall time at 1M events
  // (alternated runs, 104–109k against 102–104k events/s) for some 30 MB more peak RSS (257 MB, limit 512).
  reader.pragma('threads = 2');
  return reader;
}
