import type { Command } from 'commander';
import { backupDataDirectory, BackupRefused, readLedgerConfig, restoreDataDirectory } from '@ij/application';

/** A refusal the operator must fix (wrong mode, non-empty directory, not a backup): exit code 2, as usage errors. */
const REFUSED = 2;

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('a consistent copy of the embedded store (SQLite online backup) while the server runs, with the data directory\'s secrets, in one file')
    .requiredOption('--out <file>', 'the backup file to write (replaced once complete)')
    .action((options: { out: string }) => refusalsExit(() => backup(options.out)));
  program
    .command('restore')
    .description('restore a backup into LEDGER_DATA_DIR, which must be empty or absent')
    .argument('<file>', 'a file written by `ledger backup`')
    .action((file: string) => refusalsExit(() => restore(file)));
}

async function backup(out: string): Promise<void> {
  const config = embeddedOnly('backup');
  const result = await backupDataDirectory(config.dataDirectory, out, new Date().toISOString());
  console.log(JSON.stringify({ backup: result.file, headPosition: result.headPosition.toString(), checkpoint: result.checkpoint.toString(), files: result.files }));
}

async function restore(file: string): Promise<void> {
  const config = embeddedOnly('restore');
  const result = restoreDataDirectory(file, config.dataDirectory);
  console.log(JSON.stringify({ restored: config.dataDirectory, headPosition: result.headPosition.toString(), takenAt: result.takenAt, files: result.files }));
}

function embeddedOnly(command: string): ReturnType<typeof readLedgerConfig> {
  const config = readLedgerConfig();
  if (config.eventStore !== 'sqlite') {
    throw new BackupRefused(`ledger ${command} copies the embedded store; with LEDGER_EVENT_STORE=${config.eventStore} use pg_dump/pg_restore (and EventStoreDB's own backup): see README, Operating`);
  }
  return config;
}

async function refusalsExit(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof BackupRefused)) throw error;
    console.error(error.message);
    process.exitCode = REFUSED;
  }
}
