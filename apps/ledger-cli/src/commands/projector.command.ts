import type { Command } from 'commander';
import { readLedgerConfig, runProjectorProcess } from '@ij/application';

/** `ledger projector`: a projector process (one active per schema, the others standby) until SIGTERM or SIGINT. */
export function registerProjectorCommand(program: Command): void {
  program
    .command('projector')
    .description('project the log into the read models (postgres, esdb); several may run, one is active at a time')
    .option('--poll-ms <ms>', 'how often the active projector polls the PostgreSQL log', '50')
    .option('--batch-size <n>', 'events committed per transaction', '2000')
    .action(async (options: { pollMs: string; batchSize: string }) => {
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
      try {
        await runProjectorProcess(readLedgerConfig(), stop.signal, { pollIntervalMs: positive(options.pollMs, '--poll-ms'), batchSize: positive(options.batchSize, '--batch-size') });
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
    });
}

function positive(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return parsed;
}
