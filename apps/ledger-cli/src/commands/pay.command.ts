import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { formatCents } from '@ij/money';
import { Projector } from '@ij/projections';
import { isCalendarDate, LedgerCommandRunner, openReplayStorage, openStorage, type PaymentRunRecord, PaymentRunRunner, PolicyholderLedger, readLedgerConfig, systemClock, writeBankFile } from '@ij/application';

const USAGE_ERROR = 2;

/** `pay --through D [--out pain001.xml]`: the payment run of POST /v1/payment-runs, with a progress bar. */
export function registerPayCommand(program: Command): void {
  program
    .command('pay')
    .description('payment run: settle every stoppage with a certificate and an amount due through a date (idempotent; resumes after a crash)')
    .requiredOption('--through <date>', 'settle through this date (YYYY-MM-DD, not after today)')
    .option('--out <file>', 'write the ISO 20022 credit-transfer file (pain.001.001.03) here')
    .action((options: { through: string; out?: string }) => pay(options));
}

async function pay(options: { through: string; out?: string }): Promise<void> {
  if (!isCalendarDate(options.through)) {
    console.error(`pay: --through must be a calendar date YYYY-MM-DD, not "${options.through}"`);
    process.exitCode = USAGE_ERROR;
    return;
  }
  const config = readLedgerConfig();
  const storage = await openStorage(config);
  const projector = new Projector(storage.events, storage.readModels);
  try {
    await projector.catchUp();
    const commands = new LedgerCommandRunner(storage.events, systemClock, projector);
    const ledger = new PolicyholderLedger(commands, storage.events, systemClock);
    const runner = new PaymentRunRunner(ledger, commands, storage.events, storage.readModels, await openReplayStorage(storage, config), systemClock);
    const run = await runWithProgress(runner, options.through);
    if (run.status !== 'done') {
      console.error(`payment run ${run.runId} ${run.status}: ${run.reason ?? ''}`);
      process.exitCode = 1;
      return;
    }
    console.log(`payment run ${run.runId} through ${run.through}: ${run.paidCount} payments, ${formatCents(run.paidGrossCents ?? 0)} gross, ` +
      `${formatCents(run.offsetCents ?? 0)} deducted for overpayments, ${formatCents(run.paidCents ?? 0)} ordered; ` +
      `${run.exported?.count ?? 0} transfers exported (${formatCents(run.exported?.netCents ?? 0)} net); ${run.skipped?.length ?? 0} skipped`);
    for (const skipped of run.skipped ?? []) console.log(`skipped ${skipped.transferId ? `transfer ${skipped.transferId}` : skipped.stoppageId}: ${skipped.reason}: ${skipped.detail}`);
    if (options.out && (run.exported?.count ?? 0) === 0) {
      console.log('nothing to transfer: no pain.001 written (a bank file needs at least one transfer)');
    } else if (options.out) {
      await writeFileStreaming(options.out, (write) => writeBankFile(run, storage.readModels, write));
      console.log(`pain.001 written to ${options.out}`);
    }
  } catch (error) {
    console.error(`pay: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await projector.stop();
    await storage.close();
  }
}

async function runWithProgress(runner: PaymentRunRunner, through: string): Promise<PaymentRunRecord> {
  const bar = new SingleBar({ stream: process.stderr, format: 'pay [{bar}] {percentage}% | {value}/{total} policyholders | {eta_formatted} left', hideCursor: true, noTTYOutput: false });
  bar.start(1, 0);
  try {
    const runId = await runner.start(through, 'ledger-cli', (record) => {
      bar.setTotal(record.total ?? 1);
      bar.update(record.processed ?? 0);
    });
    return await runner.finished(runId);
  } finally {
    bar.stop();
  }
}

/** Writes a file chunk by chunk, waiting when the disk is slower than the writer. */
async function writeFileStreaming(path: string, produce: (write: (chunk: string) => Promise<void>) => Promise<void>): Promise<void> {
  const file = createWriteStream(path, { encoding: 'utf8' });
  await produce(async (chunk) => {
    if (!file.write(chunk)) await once(file, 'drain');
  });
  file.end();
  await once(file, 'finish');
}
