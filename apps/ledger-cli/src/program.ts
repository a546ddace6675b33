import { Command } from 'commander';

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

  program
    .command('seed')
    .description('create a deterministic synthetic population')
    .requiredOption('--policyholders <n>', 'how many policyholders')
    .option('--scenario <name>', 'scenario to seed (arpege)')
    .option('--seed <s>', 'random seed', '1')
    .action(notImplementedYet('seed'));

  const projections = program.command('projections').description('read models');
  projections.command('rebuild').description('drop and rebuild every read model from the log').action(notImplementedYet('projections rebuild'));

  program
    .command('replay')
    .description('replay a rules version over every history and list who is over- or under-paid')
    .requiredOption('--rules <version>', 'rules version to replay')
    .requiredOption('--through <date>', 'compute entitlements through this date (YYYY-MM-DD)')
    .option('--out <file>', 'write the diff to this file (CSV)')
    .option('--apply', 'settle every affected stoppage with a regularization')
    .action(notImplementedYet('replay'));

  const audit = program.command('audit').description('auditor checks');
  audit.command('verify').description('hash chains intact and every regularization reproduced to the cent').action(notImplementedYet('audit verify'));

  const report = program.command('report').description('reports');
  report
    .command('backlog')
    .description('the regularization backlog')
    .option('--through <date>', 'as of this date (YYYY-MM-DD)')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(notImplementedYet('report backlog'));

  return program;
}
