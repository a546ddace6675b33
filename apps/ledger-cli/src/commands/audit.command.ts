import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { verifyLedger, type AuditReport } from '@ij/replay';
import { readLedgerConfig } from '../../../ledger-api/src/config/ledger-config';
import { openStorage } from '../../../ledger-api/src/infrastructure/storage';

/** `audit verify` exits 1 when it finds anything wrong (api.md). */
const AUDIT_FAILED = 1;

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('auditor checks');
  audit
    .command('verify')
    .description('hash chains intact and every regularization reproduced to the cent')
    .option('--json', 'print the whole report as JSON')
    .action((options: { json?: boolean }) => verify(options));
}

async function verify(options: { json?: boolean }): Promise<void> {
  const storage = await openStorage(readLedgerConfig());
  const bar = new SingleBar({ stream: process.stderr, format: 'audit [{bar}] {percentage}% | {value}/{total} events', hideCursor: true });
  let report: AuditReport;
  try {
    bar.start(Number(await storage.events.headPosition()), 0);
    report = await verifyLedger(storage.events, { onProgress: ({ position }) => bar.update(Number(position)) });
  } finally {
    bar.stop();
    await storage.close();
  }
  if (options.json) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
  if (!report.ok) process.exitCode = AUDIT_FAILED;
}

function printReport(report: AuditReport): void {
  console.log(
    `${report.ok ? 'OK' : 'FAILED'}: ${report.streamsChecked} streams, ${report.eventsChecked} events, ` +
      `${report.regularizationsChecked} regularizations reproduced; ${report.failures.length} failures`,
  );
  for (const failure of report.failures) {
    console.log(`${failure.streamId} @ revision ${failure.revision}: ${failure.kind}: ${failure.detail}`);
    if (failure.expected !== undefined || failure.actual !== undefined) {
      console.log(`  expected ${JSON.stringify(failure.expected)}, actual ${JSON.stringify(failure.actual)}`);
    }
  }
}
