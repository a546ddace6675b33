import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit.command';
import { registerReplayCommand } from './commands/replay.command';
import { registerSeedCommand } from './commands/seed.command';

/** Exit code of a command whose issue has not landed yet. */
const NOT_IMPLEMENTED = 2;

function notImplementedYet(name: string) {
  return () => {
    console.error(`${name}: not implemented yet`);
    process.exitCode = NOT_IMPLEMENTED;
  };
}

/** The command line of api.md: `npm run ledger -- <command>`. */
export function buildProgram(): Command {
  const program = new Command('ledger')
    .description('IJ Ledger: seed, rebuild projections, replay a rules version, verify, report')
    .showHelpAfterError();

  registerSeedCommand(program);

  const projections = program.command('projections').description('read models');
  projections.command('rebuild').description('drop and rebuild every read model from the log').action(notImplementedYet('projections rebuild'));

  registerReplayCommand(program);
  registerAuditCommands(program);

  const report = program.command('report').description('reports');
  report
    .command('backlog')
    .description('the regularization backlog')
    .option('--through <date>', 'as of this date (YYYY-MM-DD)')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(notImplementedYet('report backlog'));

  return program;
}
