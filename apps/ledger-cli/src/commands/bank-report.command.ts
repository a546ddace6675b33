import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Projector } from '@ij/projections';
import { applyBankReport, InvalidBankReport, LedgerCommandRunner, openStorage, parseBankReport, PolicyholderLedger, readLedgerConfig, systemClock } from '@ij/application';

const INVALID_INPUT = 2;

/** `bank-report FILE`: POST /v1/bank-reports from the command line (camt.054 or pain.002), idempotent by content. */
export function registerBankReportCommand(program: Command): void {
  program
    .command('bank-report')
    .description("apply the bank's report on transfers: camt.054 (booked, returned) or pain.002 (rejected); the same file twice changes nothing")
    .argument('<file>', 'the ISO 20022 XML document')
    .action((file: string) => bankReport(file));
}

async function bankReport(file: string): Promise<void> {
  let report;
  try {
    report = await parseBankReport(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof InvalidBankReport)) throw error;
    for (const problem of error.problems) console.error(`bank-report: ${problem.field}: ${problem.message}`);
    process.exitCode = INVALID_INPUT;
    return;
  }
  const storage = await openStorage(readLedgerConfig());
  const projector = new Projector(storage.events, storage.readModels);
  try {
    await projector.catchUp();
    const ledger = new PolicyholderLedger(new LedgerCommandRunner(storage.events, systemClock, projector), storage.events, systemClock);
    const outcome = await applyBankReport(report, ledger, storage.readModels, { actorId: 'ledger-cli', roles: ['supervisor'] });
    console.log(JSON.stringify(outcome, null, 2));
  } catch (error) {
    console.error(`bank-report: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await projector.stop();
    await storage.close();
  }
}
