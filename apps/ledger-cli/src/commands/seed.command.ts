import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { SCENARIO_NAMES, seedPopulation, type ScenarioName, type SeedSummary } from '../../../../libs/replay/src/seed';
import { loadPolicyholderIds, openStorage, readLedgerConfig } from '@ij/application';

/** A usage error the operator must fix (bad option, store not empty): exit code 2. */
const USAGE_ERROR = 2;
const MAX_SEED = 0xffff_ffff;

interface SeedCommandOptions {
  policyholders: string;
  scenario: string;
  seed: string;
  append?: boolean;
  json?: boolean;
}

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('create a deterministic synthetic population (same options and data directory secret → same events)')
    .requiredOption('--policyholders <n>', 'how many policyholders')
    .option('--scenario <name>', `scenario to seed (${SCENARIO_NAMES.join(', ')})`, 'arpege')
    .option('--seed <s>', 'random seed (0 … 4294967295)', '1')
    .option('--append', 'seed into a store that already holds events (refused otherwise)')
    .option('--json', 'print the summary as JSON')
    .action((options: SeedCommandOptions) => seed(options));
}

async function seed(options: SeedCommandOptions): Promise<void> {
  const policyholders = wholeNumber(options.policyholders);
  const seedValue = wholeNumber(options.seed);
  if (policyholders === undefined || policyholders < 1) return usageError(`--policyholders must be a whole number ≥ 1, not "${options.policyholders}"`);
  if (seedValue === undefined || seedValue > MAX_SEED) return usageError(`--seed must be a whole number from 0 to ${MAX_SEED}, not "${options.seed}"`);
  if (!(SCENARIO_NAMES as readonly string[]).includes(options.scenario)) return usageError(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}, not "${options.scenario}"`);

  const config = readLedgerConfig();
  const storage = await openStorage(config);
  let summary: SeedSummary;
  const bar = new SingleBar({ stream: process.stderr, format: 'seed [{bar}] {percentage}% | {value}/{total} policyholders | {eta}s', hideCursor: true });
  try {
    // Seeding next to real or earlier data would mix two populations in one ledger: only on request.
    if (!options.append && (await storage.events.headPosition()) > 0n) {
      return usageError('the event store already holds events; seed an empty data directory, or pass --append to add a population to it');
    }
    const policyholderIds = loadPolicyholderIds(config.dataDirectory, config.policyholderSecret);
    bar.start(policyholders, 0);
    summary = await seedPopulation({
      store: storage.events,
      policyholderIds,
      policyholders,
      seed: seedValue,
      scenario: options.scenario as ScenarioName,
      onProgress: ({ done }) => bar.update(done),
    });
  } finally {
    bar.stop();
    await storage.close();
  }
  if (options.json) console.log(JSON.stringify(summary, null, 2));
  else printSummary(summary);
}

function printSummary(summary: SeedSummary): void {
  const seconds = summary.elapsedMs / 1000;
  const perSecond = (count: number) => String(Math.floor(count / Math.max(seconds, 0.001)));
  console.log(
    `Seeded scenario ${summary.scenario} (seed ${summary.seed}, rules ${summary.rulesVersion}): ` +
      `${summary.policyholders} policyholders, ${summary.stoppages} stoppages, ${summary.events} events in ${seconds.toFixed(2)} s ` +
      `(${perSecond(summary.policyholders)} policyholders/s, ${perSecond(summary.events)} events/s)`,
  );
  console.log(`  by kind: ${Object.entries(summary.byKind).map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  console.log(
    `  advances ${summary.advances} (stoppages with one not regularized: ${summary.advancesNotRegularized}), regularizations ${summary.regularizations}, ` +
      `certificates ${summary.certificates}`,
  );
  console.log(
    `  extensions ${summary.extensions}, prolongations ${summary.prolongations}, early ends ${summary.earlyEnds}, recoveries ${summary.recoveries}, ` +
      `chains straddling 2025-04-01 ${summary.straddling}`,
  );
  console.log(`  late facts: requalifications ${summary.requalifications}, annulments ${summary.annulments}`);
}

function wholeNumber(value: string): number | undefined {
  return /^\d{1,10}$/u.test(value) ? Number(value) : undefined;
}

function usageError(message: string): void {
  console.error(`seed: ${message}`);
  process.exitCode = USAGE_ERROR;
}
