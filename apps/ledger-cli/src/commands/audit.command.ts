import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { auditExportLines, verifyAuditExport, verifyLedger, type AuditReport } from '@ij/replay';
import { openStorage, readLedgerConfig } from '@ij/application';

/** `audit verify` exits 1 when it finds anything wrong (api.md). */
const AUDIT_FAILED = 1;

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('auditor checks');
  audit
    .command('verify')
    .description('hash chains intact and every regularization reproduced to the cent (of the configured store, or of an export file with no database)')
    .option('--file <file>', 'verify this `audit export` file instead of the store: no database is opened')
    .option('--json', 'print the whole report as JSON')
    .action((options: { file?: string; json?: boolean }) => (options.file === undefined ? verify(options) : verifyFile(options.file, options)));
  audit
    .command('export')
    .description('write the whole log as JSON lines, each event with its hash and chain link, for `audit verify --file`')
    .requiredOption('--out <file>', 'the file to write (replaced once complete)')
    .action((options: { out: string }) => exportLog(options.out));
}

async function verify(options: { json?: boolean }): Promise<void> {
  const storage = await openStorage(readLedgerConfig());
  const bar = progressBar('audit');
  let report: AuditReport;
  try {
    bar.start(Number(await storage.events.headPosition()), 0);
    report = await verifyLedger(storage.events, { onProgress: ({ position }) => bar.update(Number(position)) });
  } finally {
    bar.stop();
    await storage.close();
  }
  printReport(report, options);
}

async function verifyFile(file: string, options: { json?: boolean }): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  printReport(await verifyAuditExport(lines), options);
}

/** Writes FILE.partial, then renames it: a FILE that exists is a complete export. */
async function exportLog(file: string): Promise<void> {
  const storage = await openStorage(readLedgerConfig());
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8', mode: 0o600 });
  const bar = progressBar('export');
  let events = 0;
  let head = 0n;
  try {
    head = await storage.events.headPosition();
    bar.start(Number(head), 0);
    const onProgress = (progress: { events: number; position: bigint }) => {
      bar.update(Number(progress.position));
      events = progress.events;
    };
    for await (const line of auditExportLines(storage.events, { exportedAt: new Date().toISOString(), onProgress })) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    renameSync(partial, file);
  } catch (error) {
    out.destroy();
    if (existsSync(partial)) rmSync(partial);
    throw error;
  } finally {
    bar.stop();
    await storage.close();
  }
  console.error(`exported ${events} events, up to position ${head}, to ${file}`);
}

function progressBar(what: string): SingleBar {
  return new SingleBar({ stream: process.stderr, format: `${what} [{bar}] {percentage}% | {value}/{total} positions`, hideCursor: true });
}

function printReport(report: AuditReport, options: { json?: boolean }): void {
  if (options.json) console.log(JSON.stringify(report, null, 2));
  else printText(report);
  if (!report.ok) process.exitCode = AUDIT_FAILED;
}

function printText(report: AuditReport): void {
  console.log(
    `${report.ok ? 'OK' : 'FAILED'}: ${report.streamsChecked} streams, ${report.eventsChecked} events, ` +
      `${report.regularizationsChecked} regularizations reproduced; ${report.failures.length} failures`,
  );
  for (const failure of report.failures) {
    const at = failure.position === undefined ? '' : ` (position ${failure.position})`;
    console.log(`${failure.streamId} @ revision ${failure.revision}${at}: ${failure.kind}: ${failure.detail}`);
    if (failure.expected !== undefined || failure.actual !== undefined) {
      console.log(`  expected ${JSON.stringify(failure.expected)}, actual ${JSON.stringify(failure.actual)}`);
    }
  }
}
