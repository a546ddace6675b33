import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import type { PolicyholderSource } from '../policyholder-source';
import { stateOfRow } from '../read-model-document';

/** The read models' policyholders in the embedded SQLite file: a shared connection, or a worker's own read-only one. */
export class SqlitePolicyholderSource implements PolicyholderSource {
  private readonly pageStatement: Statement;
  private readonly idAtStatement: Statement;

  constructor(private readonly database: Database, private readonly ownsDatabase = false) {
    this.pageStatement = database
      .prepare('SELECT policyholder_id, state_json FROM rm_policyholders WHERE policyholder_id > ? ORDER BY policyholder_id LIMIT ?')
      .raw(true);
    // Walks the unique index on policyholder_id only, not the states.
    this.idAtStatement = database.prepare('SELECT policyholder_id FROM rm_policyholders ORDER BY policyholder_id LIMIT 1 OFFSET ?').pluck(true);
  }

  /** A read-only connection of its own (a worker thread); WAL lets it read beside the API's writer. */
  static openReadOnly(file: string): SqlitePolicyholderSource {
    const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    database.pragma('busy_timeout = 5000');
    return new SqlitePolicyholderSource(database, true);
  }

  async count(): Promise<number> {
    return (this.database.prepare('SELECT COUNT(*) FROM rm_policyholders').raw(true).get() as [number])[0];
  }

  async checkpoint(): Promise<bigint> {
    const row = this.database.prepare('SELECT MAX(position) FROM rm_checkpoints').raw(true).safeIntegers(true).get() as [bigint | null] | undefined;
    return row?.[0] ?? 0n;
  }

  async page(afterId: string | null, limit: number, keep: (policyholderId: string) => boolean) {
    const rows = this.pageStatement.all(afterId ?? '', limit) as Array<[string, string]>;
    const records = [];
    for (const [policyholderId, stateJson] of rows) {
      if (keep(policyholderId)) records.push({ policyholderId, state: stateOfRow(policyholderId, stateJson) });
    }
    return { records, lastId: rows.at(-1)?.[0] ?? null };
  }

  async idsAt(indexes: number[]): Promise<Array<string | null>> {
    return indexes.map((index) => (this.idAtStatement.get(index) as string | undefined) ?? null);
  }

  async close(): Promise<void> {
    if (this.ownsDatabase) this.database.close();
  }
}
