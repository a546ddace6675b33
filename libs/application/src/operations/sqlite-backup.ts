import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { READ_MODELS_PROJECTION } from '@ij/projections';
import { GENERATED_KEYS_FILE } from '../auth/api-keys';
import { SQLITE_FILE } from '../infrastructure/storage';
import { POLICYHOLDER_SECRET_FILE } from '../infrastructure/policyholder-ids';

/**
 * Backups of the embedded store. A backup is one SQLite file: the ledger's database copied by SQLite's online
 * backup API (a consistent snapshot while the server writes: the log, the read models with their checkpoint,
 * the idempotency records, the replays), plus two tables of its own: `ij_backup` (what was taken, when, at
 * which position) and `ij_backup_files` (the data directory's secrets that are not in the database: the
 * policyholder-id secret, without which a NIR no longer finds its policyholder, and generated API keys).
 * A backup holds every secret of the ledger: keep it as such.
 */
export const BACKUP_FORMAT = 'ij-ledger/sqlite-backup';
export const BACKUP_VERSION = 1;
/** Files of the data directory carried in a backup when present. */
export const BACKED_UP_FILES = [POLICYHOLDER_SECRET_FILE, GENERATED_KEYS_FILE];
/** Pages per step after the first: all of them, so a step is one read transaction and writers rarely make it start over. */
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  file: string;
  /** The log's head in the backup: the position the backup stands at. */
  headPosition: bigint;
  /** The read models' checkpoint in the backup (they catch up from it after a restore). */
  checkpoint: bigint;
  files: string[];
}

export class BackupRefused extends Error {}

export async function backupDataDirectory(dataDirectory: string, out: string, takenAt: string): Promise<BackupResult> {
  const source = join(dataDirectory, SQLITE_FILE);
  if (!existsSync(source)) throw new BackupRefused(`${source} does not exist: nothing to back up (LEDGER_DATA_DIR=${dataDirectory})`);
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  const database = new BetterSqlite3(source, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    await database.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    database.close();
  }
  try {
    const result = describeAndAttach(partial, dataDirectory, takenAt);
    chmodSync(partial, 0o600);
    renameSync(partial, out);
    return { ...result, file: out };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function describeAndAttach(file: string, dataDirectory: string, takenAt: string): Omit<BackupResult, 'file'> {
  const backup = new BetterSqlite3(file);
  try {
    const headPosition = BigInt((backup.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number | null }).head ?? 0);
    const checkpointRow = backup.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'rm_checkpoints'").get()
      ? (backup.prepare('SELECT position FROM rm_checkpoints WHERE projection = ?').get(READ_MODELS_PROJECTION) as { position: number } | undefined)
      : undefined;
    const checkpoint = BigInt(checkpointRow?.position ?? 0);
    const files = BACKED_UP_FILES.filter((name) => existsSync(join(dataDirectory, name)));
    backup.exec('CREATE TABLE ij_backup (key TEXT PRIMARY KEY, value TEXT NOT NULL); CREATE TABLE ij_backup_files (name TEXT PRIMARY KEY, content BLOB NOT NULL, mode INTEGER NOT NULL);');
    const put = backup.prepare('INSERT INTO ij_backup (key, value) VALUES (?, ?)');
    const putFile = backup.prepare('INSERT INTO ij_backup_files (name, content, mode) VALUES (?, ?, ?)');
    backup.transaction(() => {
      put.run('format', BACKUP_FORMAT);
      put.run('version', String(BACKUP_VERSION));
      put.run('takenAt', takenAt);
      put.run('headPosition', headPosition.toString());
      put.run('checkpoint', checkpoint.toString());
      for (const name of files) {
        const path = join(dataDirectory, name);
        putFile.run(name, readFileSync(path), statSync(path).mode & 0o777);
      }
    })();
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the backup copy fails SQLite's quick_check: ${String(check)}`);
    return { headPosition, checkpoint, files };
  } finally {
    backup.close();
  }
}

export interface RestoreResult {
  headPosition: bigint;
  takenAt: string;
  files: string[];
}

/** Restores a backup into an empty (or absent) data directory; refuses any other. The database is put in place last, under its name. */
export function restoreDataDirectory(backupFile: string, dataDirectory: string): RestoreResult {
  if (!existsSync(backupFile)) throw new BackupRefused(`${backupFile} does not exist`);
  if (existsSync(dataDirectory) && readdirSync(dataDirectory).length > 0) {
    throw new BackupRefused(`${dataDirectory} is not empty: a backup is restored into an empty data directory only (nothing was changed)`);
  }
  mkdirSync(dataDirectory, { recursive: true, mode: 0o700 });
  const partial = join(dataDirectory, `${SQLITE_FILE}.restoring`);
  copyFileSync(backupFile, partial);
  chmodSync(partial, 0o600);
  const written: string[] = [partial];
  try {
    const database = new BetterSqlite3(partial, { fileMustExist: true });
    let result: RestoreResult;
    try {
      const manifest = readManifest(database, basename(backupFile));
      const files = database.prepare('SELECT name, content, mode FROM ij_backup_files ORDER BY name').all() as Array<{ name: string; content: Buffer; mode: number }>;
      for (const file of files) {
        if (!BACKED_UP_FILES.includes(file.name)) throw new BackupRefused(`the backup carries an unexpected file ${JSON.stringify(file.name)}`);
        const path = join(dataDirectory, file.name);
        writeFileSync(path, file.content, { mode: file.mode & 0o600, flag: 'wx' });
        written.push(path);
      }
      database.exec('DROP TABLE ij_backup_files; DROP TABLE ij_backup;');
      const check = database.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new BackupRefused(`the backup fails SQLite's quick_check: ${String(check)}`);
      result = { headPosition: BigInt(manifest.headPosition), takenAt: manifest.takenAt, files: files.map((file) => file.name) };
    } finally {
      database.close();
    }
    renameSync(partial, join(dataDirectory, SQLITE_FILE));
    return result;
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    throw error;
  }
}

function readManifest(database: BetterSqlite3.Database, name: string): { headPosition: string; takenAt: string } {
  const hasManifest = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ij_backup'").get();
  if (!hasManifest) throw new BackupRefused(`${name} is not a ledger backup (no ij_backup table)`);
  const entries = new Map((database.prepare('SELECT key, value FROM ij_backup').all() as Array<{ key: string; value: string }>).map((row) => [row.key, row.value]));
  if (entries.get('format') !== BACKUP_FORMAT || entries.get('version') !== String(BACKUP_VERSION)) {
    throw new BackupRefused(`${name} is not a backup this release restores (format ${entries.get('format')}, version ${entries.get('version')})`);
  }
  return { headPosition: entries.get('headPosition') ?? '0', takenAt: entries.get('takenAt') ?? '' };
}
