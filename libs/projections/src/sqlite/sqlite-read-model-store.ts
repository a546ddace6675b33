import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '@ij/event-store';
import type { PolicyholderDocument } from '../model/policyholder-document';
import { policyholdersTouched, projectEvents } from '../model/project-events';
import type { StoppageRow } from '../model/stoppage-row';
import {
  READ_MODELS_PROJECTION,
  type ReadModelDump,
  type ReadModelStore,
  type RebuildProgress,
  type RebuildResult,
} from '../read-model-store.port';
import { migrateReadModels } from './sqlite-read-model-schema';
import { rebuildSqliteReadModels } from './sqlite-rebuild';
import { withoutOwnFsync } from './without-own-fsync';
import {
  STOPPAGE_COLUMNS,
  toDocument,
  toStoppageRow,
  writeDocument,
  upsertStatements,
  type PolicyholderValues,
  type StoppageValues,
} from './sqlite-read-model-rows';

/**
 * Read models in the event store's SQLite file. better-sqlite3 is synchronous, so a batch is one
 * IMMEDIATE transaction that nothing else can interleave with: models and checkpoint commit together.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly applyTransaction: (readFrom: bigint, events: readonly RecordedEvent[]) => bigint;

  constructor(private readonly database: Database) {
    migrateReadModels(database);
    this.statements = prepareStatements(database);
    const transaction = database.transaction((readFrom: bigint, events: readonly RecordedEvent[]) => this.apply(readFrom, events));
    // Derived data: a batch commits without its own fsync (see withoutOwnFsync), one fsync less per round of
    // commands (issue 19). Only in WAL mode, where such a commit stays atomic.
    const inWal = database.pragma('journal_mode', { simple: true }) === 'wal';
    this.applyTransaction = inWal ? (readFrom, events) => withoutOwnFsync(database, () => transaction.immediate(readFrom, events)) : (readFrom, events) => transaction.immediate(readFrom, events);
  }

  async checkpoint(): Promise<bigint> {
    return this.storedCheckpoint();
  }

  async applyBatch(readFrom: bigint, events: readonly RecordedEvent[]): Promise<bigint> {
    return this.applyTransaction(readFrom, events);
  }

  async policyholder(policyholderId: string): Promise<PolicyholderDocument | undefined> {
    const row = this.statements.policyholder.get(policyholderId) as PolicyholderValues | undefined;
    return row && toDocument(row);
  }

  async stoppage(stoppageId: string): Promise<StoppageRow | undefined> {
    const row = this.statements.stoppage.get(stoppageId) as StoppageValues | undefined;
    return row && toStoppageRow(row);
  }

  async policyholders(afterId: string | null, limit: number): Promise<PolicyholderDocument[]> {
    return (this.statements.policyholdersAfter.all(afterId ?? '', limit) as PolicyholderValues[]).map(toDocument);
  }

  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> {
    return rebuildSqliteReadModels(this.database, onProgress);
  }

  async dump(): Promise<ReadModelDump> {
    return {
      checkpoint: this.storedCheckpoint(),
      policyholders: (this.database.prepare('SELECT policyholder_id, state_json, last_position FROM rm_policyholders ORDER BY policyholder_id').raw(true).all() as PolicyholderValues[])
        .map(([policyholderId, stateJson, lastPosition]) => ({ policyholderId, stateJson, lastPosition: BigInt(lastPosition) })),
      stoppages: (this.database.prepare(`SELECT ${STOPPAGE_COLUMNS} FROM rm_stoppages ORDER BY stoppage_id`).raw(true).all() as StoppageValues[]).map(toStoppageRow),
    };
  }

  private storedCheckpoint(): bigint {
    return (this.statements.checkpoint.get(READ_MODELS_PROJECTION) as [bigint])[0];
  }

  private apply(readFrom: bigint, events: readonly RecordedEvent[]): bigint {
    const stored = this.storedCheckpoint();
    if (stored < readFrom) return stored;
    const fresh = events.filter((event) => event.position > stored);
    if (fresh.length === 0) return stored;
    const loaded = new Map<string, PolicyholderDocument>();
    for (const policyholderId of policyholdersTouched(fresh)) {
      const row = this.statements.policyholder.get(policyholderId) as PolicyholderValues | undefined;
      if (row) loaded.set(policyholderId, toDocument(row));
    }
    for (const document of projectEvents(fresh, loaded)) writeDocument(this.statements, document);
    const checkpoint = fresh[fresh.length - 1].position;
    this.statements.saveCheckpoint.run(checkpoint, READ_MODELS_PROJECTION);
    return checkpoint;
  }
}

function prepareStatements(database: Database) {
  const raw = (sql: string): Statement => database.prepare(sql).raw(true);
  return {
    checkpoint: raw('SELECT position FROM rm_checkpoints WHERE projection = ?').safeIntegers(true),
    saveCheckpoint: database.prepare('UPDATE rm_checkpoints SET position = ? WHERE projection = ?'),
    policyholder: raw('SELECT policyholder_id, state_json, last_position FROM rm_policyholders WHERE policyholder_id = ?'),
    policyholdersAfter: raw('SELECT policyholder_id, state_json, last_position FROM rm_policyholders WHERE policyholder_id > ? ORDER BY policyholder_id LIMIT ?'),
    stoppage: raw(`SELECT ${STOPPAGE_COLUMNS} FROM rm_stoppages WHERE stoppage_id = ?`),
    ...upsertStatements(database),
  };
}
