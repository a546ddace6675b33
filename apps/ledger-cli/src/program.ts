import { Command } from 'commander';
import { readLedgerConfig } from '@ij/application';
import { rebuildProjections, rebuildProjectionsPartitioned } from './reports/rebuild-projections';
import { printStatement, type StatementOptions } from './reports/print-statement';
import { reportBacklog } from './reports/report-backlog';
import { reportDisbursements } from './reports/report-disbursements';
import { reportMissingCertificates, reportTimeliness, type MissingCertificatesOptions, type TimelinessOptions } from './reports/report-where-is-my-money';
import { registerAuditCommands } from './commands/audit.command';
import { registerBackupCommands } from './commands/backup.command';
import { registerProjectorCommand } from './commands/projector.command';
import { registerPayCommand } from './commands/pay.command';
import { registerBankReportCommand } from './commands/bank-report.command';
import { registerReplayCommand } from './commands/replay.command';
import { registerSeedCommand } from './commands/seed.command';
import { registerRulesCommands } from './commands/rules.command';

/** The command line of api.md: `npm run ledger -- <command>`. */
export function buildProgram(): Command {
  const program = new Command('ledger')
    .description('IJ Ledger: seed, rebuild projections, replay a rules version, verify, report')
    .showHelpAfterError();

  registerSeedCommand(program);

  const projections = program.command('projections').description('read models');
  projections
    .command('rebuild')
    .description('drop and rebuild every read model from the log')
    .option('--partitions <n>', 'share the rebuild among every process started with the same options (PostgreSQL): N partitions by policyholder hash')
    .option('--job <id>', 'with --partitions: join (or create) this job instead of the one the log head names')
    .option('--stale-after <seconds>', 'with --partitions: take over a partition whose owner has not beaten for this long', '30')
    .option('--page-size <n>', 'with --partitions: events read per page')
    .action((options: RebuildOptions) => rebuild(options));

  registerProjectorCommand(program);
  registerRulesCommands(program);
  registerReplayCommand(program);
  registerAuditCommands(program);
  registerPayCommand(program);
  registerBackupCommands(program);
  registerBankReportCommand(program);

  const report = program.command('report').description('reports');
  report
    .command('backlog')
    .description('the regularization backlog')
    .option('--through <date>', 'as of this date (YYYY-MM-DD)')
    .option('--format <format>', 'table, csv or json', 'table')
    .action((options: { through?: string; format: string }) => reportBacklog(readLedgerConfig(), options));
  report
    .command('timeliness')
    .description('days from each payable day to the export of its money, and who has had nothing paid 30 days after the start')
    .option('--from <date>', 'first payable day of the window (YYYY-MM-DD; default: 89 days before --to)')
    .option('--to <date>', 'last payable day of the window (YYYY-MM-DD; default: today)')
    .option('--format <format>', 'table or json', 'table')
    .action((options: TimelinessOptions) => reportTimeliness(readLedgerConfig(), options));
  report
    .command('missing-certificates')
    .description('per employer, the stoppages waiting for its salary certificate (pdf: one reminder letter per employer)')
    .option('--older-than <days>', 'only stoppages started at least this many days ago', '0')
    .option('--format <format>', 'table, csv, json or pdf', 'table')
    .option('--out <file>', 'write it to this file (required for pdf)')
    .action((options: MissingCertificatesOptions) => reportMissingCertificates(readLedgerConfig(), options));

  report
    .command('disbursements')
    .description('allowances paid in the ledger against transfers by status (unreconciledCents is 0)')
    .option('--through <date>', 'decided on or before this date (YYYY-MM-DD, default today)')
    .action((options: { through?: string }) => reportDisbursements(readLedgerConfig(), options));

  program
    .command('statement')
    .description("a policyholder's statement for a year (GET /v1/policyholders/{id}/statements/{year})")
    .requiredOption('--policyholder <id>', 'the policyholder id')
    .requiredOption('--year <year>', 'the calendar year (2000 … 2100)')
    .option('--format <format>', 'json or pdf', 'json')
    .option('--out <file>', 'write it to this file (required for pdf)')
    .action((options: StatementOptions) => printStatement(readLedgerConfig(), options));

  return program;
}

interface RebuildOptions {
  partitions?: string;
  job?: string;
  staleAfter: string;
  pageSize?: string;
}

async function rebuild(options: RebuildOptions): Promise<void> {
  if (options.partitions === undefined) {
    if (options.job !== undefined || options.pageSize !== undefined) return usageError('projections rebuild: --job and --page-size go with --partitions');
    return rebuildProjections(readLedgerConfig());
  }
  const partitions = Number(options.partitions);
  const staleAfterSeconds = Number(options.staleAfter);
  const pageSize = options.pageSize === undefined ? undefined : Number(options.pageSize);
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 4096) return usageError('projections rebuild: --partitions must be an integer from 1 to 4096');
  if (!(staleAfterSeconds > 0)) return usageError('projections rebuild: --stale-after must be a positive number of seconds');
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize > 0)) return usageError('projections rebuild: --page-size must be a positive integer');
  if (options.job !== undefined && !/^[\w.:-]{1,100}$/u.test(options.job)) return usageError('projections rebuild: --job must be 1 to 100 letters, digits, _ . : or -');
  return rebuildProjectionsPartitioned(readLedgerConfig(), { partitions, staleAfterSeconds, job: options.job, pageSize });
}

/** A usage error the operator must fix: exit code 2 (as `replay`). */
function usageError(message: string): void {
  console.error(message);
  process.exitCode = 2;
}
