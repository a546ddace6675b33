/**
 * Throughput of the rules engine: entitlements of typical stoppages (20 days, mixed kinds) per second on
 * one core, with a same-process baseline that only iterates the same days and builds the same day lines,
 * and the cents-only fast path (computeEntitlementCents) on the same inputs.
 * Run: npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json && node dist/bench/rules.js
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { LocalDate } from '@js-joda/core';
import { CURRENT_RULES_VERSION, getRulesVersion, type PolicyholderFacts, type StoppageFacts, type StoppageKind } from '@ij/rules';

const KINDS: StoppageKind[] = ['SICKNESS', 'OCCUPATIONAL_ACCIDENT', 'MATERNITY', 'THERAPEUTIC_PART_TIME', 'PATERNITY', 'OCCUPATIONAL_DISEASE', 'SICKNESS'];
const POLICYHOLDERS = 5_000;
const DAYS_PER_STOPPAGE = 20;
const MEASURE_MILLISECONDS = 3_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function monthsBefore(start: LocalDate, count: number): string[] {
  const first = start.withDayOfMonth(1);
  return Array.from({ length: count }, (_, index) => first.minusMonths(count - index).toString().slice(0, 7));
}

/** Fixed inputs: start dates spread over 2025, salaries from 1 500 € to 5 500 € (some above the caps). */
function typicalFacts(): PolicyholderFacts[] {
  return Array.from({ length: POLICYHOLDERS }, (_, index) => {
    const kind = KINDS[index % KINDS.length];
    const start = LocalDate.parse('2025-02-01').plusDays((index * 7) % 330);
    const months = monthsBefore(start, kind.startsWith('OCCUPATIONAL') ? 1 : 3);
    const stoppage: StoppageFacts = {
      stoppageId: `stoppage-${index}`,
      kind,
      startDate: start.toString(),
      endDate: start.plusDays(DAYS_PER_STOPPAGE - 1).toString(),
      salaries: months.map((month) => ({ month, grossCents: 150_000 + ((index * 37_001) % 400_000) })),
      ...(kind === 'THERAPEUTIC_PART_TIME' ? { dailyLossOfEarningsCents: 2_500 } : {}),
      ...(kind === 'OCCUPATIONAL_ACCIDENT' ? { accidentDate: start.toString() } : {}),
    };
    return { stoppages: [stoppage] };
  });
}

interface Measurement {
  stoppagesPerSecond: number;
  checksum: number;
}

function measure(run: (facts: PolicyholderFacts) => number, inputs: PolicyholderFacts[]): Measurement {
  let stoppages = 0;
  let checksum = 0;
  const started = process.hrtime.bigint();
  let elapsedNanoseconds = 0n;
  while (elapsedNanoseconds < BigInt(MEASURE_MILLISECONDS) * 1_000_000n) {
    for (const facts of inputs) {
      checksum += run(facts);
      stoppages += facts.stoppages.length;
    }
    elapsedNanoseconds = process.hrtime.bigint() - started;
  }
  return { stoppagesPerSecond: Math.floor((stoppages * 1e9) / Number(elapsedNanoseconds)), checksum };
}

function main(): void {
  const version = getRulesVersion(CURRENT_RULES_VERSION);
  if (!version) throw new Error(`Rules version ${CURRENT_RULES_VERSION} is not released`);
  const inputs = typicalFacts();
  const through = '2026-12-31';

  const engine = (facts: PolicyholderFacts) => {
    let total = 0;
    for (const entitlement of version.computeEntitlements(facts, through)) {
      if (entitlement.status === 'COMPUTED') total += entitlement.entitlementCents;
    }
    return total;
  };

  // The cents-only fast path (what the ledger's accounts, the regularize decision and the replay need).
  const fastPath = (facts: PolicyholderFacts) => {
    let total = 0;
    for (const entitlement of version.computeEntitlementCents(facts, through)) {
      if (entitlement.status === 'COMPUTED') total += entitlement.entitlementCents;
    }
    return total;
  };

  // Baseline: the same stoppages, only the day iteration and the day lines (cached date strings, no rules).
  const epochDays = new Map<string, number>();
  const dates = new Map<number, string>();
  const epochDayOf = (date: string) => {
    let epochDay = epochDays.get(date);
    if (epochDay === undefined) epochDays.set(date, (epochDay = LocalDate.parse(date).toEpochDay()));
    return epochDay;
  };
  const dateOf = (epochDay: number) => {
    let date = dates.get(epochDay);
    if (date === undefined) dates.set(epochDay, (date = LocalDate.ofEpochDay(epochDay).toString()));
    return date;
  };
  const baseline = (facts: PolicyholderFacts) => {
    let total = 0;
    for (const stoppage of facts.stoppages) {
      const start = epochDayOf(stoppage.startDate);
      const end = epochDayOf(stoppage.endDate);
      const days = [];
      for (let day = start; day <= end; day += 1) days.push({ date: dateOf(day), paid: true, amountCents: 1_000, reason: 'PAID' });
      for (const line of days) total += line.amountCents;
    }
    return total;
  };

  // Warm-up, then alternate the two loops so that both see the same machine state.
  measure(engine, inputs.slice(0, 500));
  measure(baseline, inputs.slice(0, 500));
  measure(fastPath, inputs.slice(0, 500));
  const engineRuns: number[] = [];
  const baselineRuns: number[] = [];
  const fastRuns: number[] = [];
  let engineChecksum = 0;
  let fastChecksum = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const engineRun = measure(engine, inputs);
    engineRuns.push(engineRun.stoppagesPerSecond);
    engineChecksum = engineRun.checksum;
    baselineRuns.push(measure(baseline, inputs).stoppagesPerSecond);
    const fastRun = measure(fastPath, inputs);
    fastRuns.push(fastRun.stoppagesPerSecond);
    fastChecksum = fastRun.checksum;
  }
  // The checksums add up different numbers of passes; the cents of one pass must be the same.
  const onePass = (run: typeof engine) => inputs.reduce((sum, facts) => sum + run(facts), 0);
  if (onePass(engine) !== onePass(fastPath)) throw new Error('the fast path does not give the cents of the full path');
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const engineMedian = median(engineRuns);
  const baselineMedian = median(baselineRuns);
  const fastMedian = median(fastRuns);
  const result = {
    benchmark: 'rules: entitlements of typical stoppages per second, one core',
    rulesVersion: CURRENT_RULES_VERSION,
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    input: { policyholders: POLICYHOLDERS, stoppagesPerPolicyholder: 1, daysPerStoppage: DAYS_PER_STOPPAGE, kinds: KINDS, through },
    method: `${RUNS} runs of ${MEASURE_MILLISECONDS} ms each, engine, baseline and fast path alternated, after a warm-up; median reported`,
    engine: { stoppagesPerSecond: engineMedian, runs: engineRuns, checksumCents: engineChecksum },
    baseline: {
      description: 'same inputs, only the day iteration and day-line objects (cached date strings), no rules',
      stoppagesPerSecond: baselineMedian,
      runs: baselineRuns,
    },
    fastPath: {
      description: 'computeEntitlementCents: the same cents without day lines, steps or formatting (accounts, regularize, replay)',
      stoppagesPerSecond: fastMedian,
      runs: fastRuns,
      checksumCents: fastChecksum,
    },
    engineToBaselineRatio: Number((engineMedian / baselineMedian).toFixed(3)),
    fastPathToEngineRatio: Number((fastMedian / engineMedian).toFixed(3)),
    target: { stoppagesPerSecond: 100_000, met: engineMedian >= 100_000, fastPathMet: fastMedian >= 100_000 },
  };
  const directory = join(process.cwd(), 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'rules.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

main();
