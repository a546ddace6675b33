import type { Database } from 'better-sqlite3';

/**
 * Runs `work` on the connection at synchronous=NORMAL, then puts the connection's own level back (FULL for
 * the ledger). For writes of derived data only (read models, a rebuild's fresh tables): in WAL mode a NORMAL
 * commit is atomic and survives a process crash (kill -9); only a power cut may lose it, and what is derived
 * is written again from the log. The events keep their fsync: every event commit is FULL and syncs the WAL,
 * earlier frames included, before its command is acknowledged. `work` must be synchronous (better-sqlite3),
 * so no event commit of this connection runs at NORMAL in between.
 */
export function withoutOwnFsync<T>(database: Database, work: () => T): T {
  const level = database.pragma('synchronous', { simple: true }) as number;
  database.pragma('synchronous = NORMAL');
  try {
    return work();
  } finally {
    database.pragma(`synchronous = ${level}`);
  }
}
