import type { Command } from 'commander';
import { notImplementedYet } from './not-implemented';

export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description('replay a rules version over every history and list who is over- or under-paid')
    .requiredOption('--rules <version>', 'rules version to replay')
    .requiredOption('--through <date>', 'compute entitlements through this date (YYYY-MM-DD)')
    .option('--out <file>', 'write the diff to this file (CSV)')
    .option('--apply', 'settle every affected stoppage with a regularization')
    .action(notImplementedYet('replay'));
}
