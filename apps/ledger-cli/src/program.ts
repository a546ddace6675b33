import { Command } from 'commander';
import { readLedgerConfig } from '../../ledger-api/src/config/ledger-config';
import { rebuildProjections } from '../../ledger-api/src/queries/cli/rebuild-projections';
import { reportBacklog } from '../../ledger-api/src/queries/cli/report-backlog';
import { registerAuditCommands } from './commands/audit.command';
import { registerProjectorCommand } from './commands/projector.command';
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
    .action(() => rebuildProjections(readLedgerConfig()));

  registerProjectorCommand(program);
  registerRulesCommands(program);
  registerReplayCommand(program);
  registerAuditCommands(program);

  const report = program.command('report').description('reports');
  report
    .command('backlog')
    .description('the regularization backlog')
    .option('--through <date>', 'as of this date (YYYY-MM-DD)')
    .option('--format <format>', 'table, csv or json', 'table')
    .action((options: { through?: string; format: string }) => reportBacklog(readLedgerConfig(), options));

  return program;
}
