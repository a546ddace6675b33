import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data directory holds full IBANs, long-term illness codes, the keys and the HMAC secret: only its owner
 * may read it (issue 21: the SQLite files were 0644 in a 0755 directory). The directory is 0700 and every file
 * the ledger keeps there 0600.
 */
export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the directory (0700) or narrows an existing one to 0700. A directory the process does not own is left as it is. */
export function ensurePrivateDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  chmodIfOwned(directory, PRIVATE_DIRECTORY_MODE);
}

/**
 * Creates the file empty with mode 0600 if it does not exist (so that SQLite, which gives its -wal and -shm
 * files the database file's mode, never writes a readable copy), or narrows it to 0600; the same for the
 * companions given (the -wal and -shm files of a store written by an earlier release).
 */
export function ensurePrivateFile(file: string, companions: readonly string[] = []): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodIfOwned(file, PRIVATE_FILE_MODE);
  for (const companion of companions) if (existsSync(companion)) chmodIfOwned(companion, PRIVATE_FILE_MODE);
}

function chmodIfOwned(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}
