import type { Command } from 'commander';
import { notImplementedYet } from './not-implemented';

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('create a deterministic synthetic population')
    .requiredOption('--policyholders <n>', 'how many policyholders')
    .option('--scenario <name>', 'scenario to seed (arpege)')
    .option('--seed <s>', 'random seed', '1')
    .action(notImplementedYet('seed'));
}
