import type { Database } from 'better-sqlite3';
import type { ReplayRow } from '../replay-row';
import type { NewReplay, ReplayRecord, ReplayRowsQuery, ReplayStore, StoredReplayRow } from '../replay-store.port';
import type { ReplaySummary } from '../replay-summary';
import { recordOf, rowOf, ROW_COLUMNS, type ReplayColumns, type RowColumns } from '../replay-columns';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS replays (
    replay_id             TEXT PRIMARY KEY,
    rules_version         TEXT    NOT NULL,
    current_rules_version TEXT    NOT NULL,
    through               TEXT    NOT NULL,
    status                TEXT    NOT NULL,
    reason                TEXT,
    processed             INTEGER NOT NULL,
    total                 INTEGER NOT NULL,
    affected              INTEGER NOT NULL,
    underpaid_cents       INTEGER NOT NULL,
    overpaid_cents        INTEGER NOT NULL,
    settlements           INTEGER NOT NULL,
    checkpoint            TEXT    NOT NULL,
    requested_by          TEXT    NOT NULL,
    requested_at          TEXT    NOT NULL,
    finished_at           TEXT
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS replay_rows (
    replay_id          TEXT    NOT NULL,
    seq                INTEGER NOT NULL,
    policyholder_id    TEXT    NOT NULL,
    stoppage_id        TEXT    NOT NULL,
    kind               TEXT    NOT NULL,
    current_cents      INTEGER NOT NULL,
    replayed_cents     INTEGER NOT NULL,
    paid_cents         INTEGER NOT NULL,
    delta_cents        INTEGER NOT NULL,
    settlement_cents   INTEGER NOT NULL,
    entitlement_status TEXT    NOT NULL,
    PRIMARY KEY (replay_id, seq)
  ) WITHOUT ROWID;`;

/** Replays in the embedded SQLite file, beside the read models. */
export class SqliteReplayStore implements ReplayStore {
  constructor(private readonly database: Database) {
    database.exec(SCHEMA);
  }

  async start(replay: NewReplay): Promise<void> {
    this.database.transaction(() => {
      this.database.prepare('DELETE FROM replay_rows WHERE replay_id = ?').run(replay.replayId);
      this.database
        .prepare(
          `INSERT INTO replays (replay_id, rules_version, current_rules_version, through, status, reason, processed, total, affected,
             underpaid_cents, overpaid_cents, settlements, checkpoint, requested_by, requested_at, finished_at)
           VALUES (?, ?, ?, ?, 'running', NULL, 0, 0, 0, 0, 0, 0, ?, ?, ?, NULL)
           ON CONFLICT (replay_id) DO UPDATE SET rules_version = excluded.rules_version, current_rules_version = excluded.current_rules_version,
             through = excluded.through, status = 'running', reason = NULL, processed = 0, total = 0, affected = 0, underpaid_cents = 0,
             overpaid_cents = 0, settlements = 0, checkpoint = excluded.checkpoint, requested_by = excluded.requested_by,
             requested_at = excluded.requested_at, finished_at = NULL`,
        )
        .run(replay.replayId, replay.rulesVersion, replay.currentRulesVersion, replay.through, replay.checkpoint, replay.requestedBy, replay.requestedAt);
    }).immediate();
  }

  async progress(replayId: string, processed: number, total: number): Promise<void> {
    this.database.prepare("UPDATE replays SET processed = ?, total = ? WHERE replay_id = ? AND status = 'running'").run(processed, total, replayId);
  }

  async finish(replayId: string, result: ReplaySummary & { processed: number; total: number; finishedAt: string }, rows: readonly ReplayRow[]): Promise<void> {
    const insert = this.database.prepare(`INSERT INTO replay_rows (replay_id, seq, ${ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.database.transaction(() => {
      this.database.prepare('DELETE FROM replay_rows WHERE replay_id = ?').run(replayId);
      rows.forEach((row, index) => insert.run(replayId, index + 1, ...rowValues(row)));
      this.database
        .prepare(
          `UPDATE replays SET status = 'done', processed = ?, total = ?, affected = ?, underpaid_cents = ?, overpaid_cents = ?, settlements = ?,
             finished_at = ? WHERE replay_id = ?`,
        )
        .run(result.processed, result.total, result.affected, result.underpaidCents, result.overpaidCents, result.settlements, result.finishedAt, replayId);
    }).immediate();
  }

  async fail(replayId: string, reason: string, finishedAt: string): Promise<void> {
    this.database.prepare("UPDATE replays SET status = 'failed', reason = ?, finished_at = ? WHERE replay_id = ?").run(reason, finishedAt, replayId);
  }

  async failRunning(except: string | undefined, reason: string, finishedAt: string): Promise<string[]> {
    const rows = this.database
      .prepare("UPDATE replays SET status = 'failed', reason = ?, finished_at = ? WHERE status = 'running' AND replay_id IS NOT ? RETURNING replay_id")
      .all(reason, finishedAt, except ?? null) as Array<{ replay_id: string }>;
    return rows.map((row) => row.replay_id);
  }

  async get(replayId: string): Promise<ReplayRecord | undefined> {
    const row = this.database.prepare('SELECT * FROM replays WHERE replay_id = ?').get(replayId) as ReplayColumns | undefined;
    return row && recordOf(row);
  }

  async rows(replayId: string, query: ReplayRowsQuery): Promise<StoredReplayRow[]> {
    const rows = this.database
      .prepare(
        `SELECT seq, ${ROW_COLUMNS} FROM replay_rows WHERE replay_id = ? AND seq > ? ${query.all ? '' : 'AND delta_cents <> 0'}
          ORDER BY seq LIMIT ?`,
      )
      .all(replayId, query.afterSeq ?? 0, query.limit) as RowColumns[];
    return rows.map(rowOf);
  }
}

function rowValues(row: ReplayRow): unknown[] {
  return [row.policyholderId, row.stoppageId, row.kind, row.currentCents, row.replayedCents, row.paidCents, row.deltaCents, row.settlementCents, row.entitlementStatus];
}
