import type { Database } from 'better-sqlite3';
import { READ_MODELS_PROJECTION } from '../read-model-store.port';

/**
 * Tables are declared without inline keys and indexed separately, so a rebuild can bulk-load fresh tables
 * and index them once at the end (much faster than maintaining the indexes row by row).
 */
export function readModelTables(suffix = ''): string {
  return `
    CREATE TABLE IF NOT EXISTS rm_policyholders${suffix} (
      policyholder_id TEXT    NOT NULL,
      state_json      TEXT    NOT NULL,   -- the folded domain state (policyholder-document.ts)
      last_position   INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS rm_stoppages${suffix} (
      stoppage_id                   TEXT    NOT NULL,
      policyholder_id               TEXT    NOT NULL,
      kind                          TEXT    NOT NULL,
      status                        TEXT    NOT NULL,
      start_date                    TEXT    NOT NULL,
      end_date                      TEXT    NOT NULL,
      last_day                      TEXT,
      has_certificate               INTEGER NOT NULL,
      advances_cents                INTEGER NOT NULL,
      paid_cents                    INTEGER NOT NULL,
      overpayment_outstanding_cents INTEGER NOT NULL,
      regularized_through           TEXT,
      last_position                 INTEGER NOT NULL
    );`;
}

export const READ_MODEL_INDEXES = `
  CREATE UNIQUE INDEX IF NOT EXISTS rm_policyholders_id ON rm_policyholders (policyholder_id);
  CREATE UNIQUE INDEX IF NOT EXISTS rm_stoppages_id ON rm_stoppages (stoppage_id);
  CREATE INDEX IF NOT EXISTS rm_stoppages_policyholder ON rm_stoppages (policyholder_id);
  CREATE INDEX IF NOT EXISTS rm_stoppages_kind_status ON rm_stoppages (kind, status);`;

export function migrateReadModels(database: Database): void {
  database
    .transaction(() => {
      database.exec(`CREATE TABLE IF NOT EXISTS rm_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;`);
      database.exec(readModelTables());
      database.exec(READ_MODEL_INDEXES);
      database.prepare('INSERT INTO rm_checkpoints (projection, position) VALUES (?, 0) ON CONFLICT DO NOTHING').run(READ_MODELS_PROJECTION);
    })
    .immediate();
}
