/**
 * Projections: seeds 1 000 000 events (100 000 policyholders, streams interleaved as in a real log) into
 * SQLite through SqliteEventStore, then measures, each in a fresh child process on the same file:
 * - a raw scan of the events table with JSON.parse of data and metadata (the baseline);
 * - `projections rebuild` (SqliteReadModelStore.rebuild): events/s and the child's peak RSS;
 * and in-process, the balance query (active rules + read model + libs/ledger account) p50/p99.
 * Run: npm run bench:projections   (BENCH_POLICYHOLDERS, BENCH_RUNS, BENCH_KEEP=1 to keep the file, BENCH_FILE=… to reuse it)
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { LocalDate } from '@js-joda/core';
import { SqliteEventStore, type EventToAppend } from '@ij/event-store';
import { policyholderStream, stoppageStream } from '@ij/ledger';
import { policyholderBalance, readActiveRules, SqliteReadModelStore } from '@ij/projections';

const POLICYHOLDERS = Number(process.env.BENCH_POLICYHOLDERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BALANCE_QUERIES = 20_000;
const IN_FLIGHT = 4_000;
const THROUGH = '2026-06-30';

type Draft = { streamId: string; type: string; data: Record<string, unknown>; rulesVersion?: string };

const policyholderIdOf = (index: number) => createHash('sha256').update(`policyholder-${index}`).digest('base64url').slice(0, 26);
const uuidOf = (index: number, salt: string) => {
  const hex = createHash('sha256').update(`${salt}-${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
const monthsBefore = (start: LocalDate, count: number) =>
  Array.from({ length: count }, (_, index) => start.withDayOfMonth(1).minusMonths(count - index).toString().slice(0, 7));

/** The ten events of one policyholder, in the order they happen: two stoppages, the first settled. */
function lifeOf(index: number): Draft[] {
  const policyholderId = policyholderIdOf(index);
  const stream = policyholderStream(policyholderId);
  const occupational = index % 5 === 0;
  const kind = occupational ? 'OCCUPATIONAL_ACCIDENT' : 'SICKNESS';
  const start = LocalDate.parse('2025-01-06').plusDays(index % 300);
  const end = start.plusDays(19);
  const extendedEnd = end.plusDays(10);
  const first = uuidOf(index, 'first');
  const second = uuidOf(index, 'second');
  const secondStart = extendedEnd.plusDays(60);
  const grossCents = 150_000 + ((index * 37_001) % 400_000);
  const salaries = (from: LocalDate) => monthsBefore(from, occupational ? 1 : 3).map((month) => ({ month, grossCents }));
  const on = (date: LocalDate) => date.toString();
  return [
    { streamId: stoppageStream(first), type: 'StoppageIdReserved', data: { stoppageId: first, policyholderId } },
    {
      streamId: stream, type: 'StoppageOpened',
      data: { stoppageId: first, policyholderId, kind, startDate: on(start), endDate: on(end), openedOn: on(start),
        ...(occupational ? { accidentDate: on(start.minusDays(1)) } : {}) },
    },
    { streamId: stream, type: 'AdvanceIssued', data: { stoppageId: first, advanceId: uuidOf(index, 'advance'), amountCents: 30_000, reason: 'certificate pending', issuedOn: on(start.plusDays(3)) } },
    { streamId: stream, type: 'SalaryCertificateRecorded', data: { stoppageId: first, salaries: salaries(start), recordedOn: on(start.plusDays(8)) } },
    { streamId: stream, type: 'StoppageExtended', data: { stoppageId: first, previousEndDate: on(end), newEndDate: on(extendedEnd), extendedOn: on(end) } },
    {
      streamId: stream, type: 'StoppageRegularized', rulesVersion: '2026.2',
      data: { stoppageId: first, regularizationId: uuidOf(index, 'regularization'), through: on(extendedEnd), rulesVersion: '2026.2',
        entitlementCents: 90_000, paidBeforeCents: 30_000, overpaymentOutstandingBeforeCents: 0, deltaCents: 60_000, outcome: 'PAID',
        paymentCents: 60_000, overpaymentAssessedCents: 0, overpaymentCancelledCents: 0, regularizedOn: on(extendedEnd.plusDays(5)) },
    },
    { streamId: stoppageStream(second), type: 'StoppageIdReserved', data: { stoppageId: second, policyholderId } },
    { streamId: stream, type: 'StoppageOpened', data: { stoppageId: second, policyholderId, kind: 'SICKNESS', startDate: on(secondStart), endDate: on(secondStart.plusDays(14)), openedOn: on(secondStart) } },
    { streamId: stream, type: 'AdvanceIssued', data: { stoppageId: second, advanceId: uuidOf(index, 'advance-2'), amountCents: 20_000, reason: 'certificate pending', issuedOn: on(secondStart.plusDays(2)) } },
    index % 3 === 0
      ? { streamId: stream, type: 'StoppageEndedEarly', data: { stoppageId: second, lastDay: on(secondStart.plusDays(9)), previousEndDate: on(secondStart.plusDays(14)), recordedOn: on(secondStart.plusDays(9)) } }
      : { streamId: stream, type: 'SalaryCertificateRecorded', data: { stoppageId: second, salaries: monthsBefore(secondStart, 3).map((month) => ({ month, grossCents })), recordedOn: on(secondStart.plusDays(6)) } },
  ];
}

function envelope(draft: Draft, index: number): EventToAppend {
  return {
    id: randomUUID(),
    type: draft.type,
    data: draft.data,
    metadata: {
      actor: 'clerk-1',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: '2025-12-01T12:00:00.000Z',
      schemaVersion: 1,
      ...(draft.rulesVersion ? { rulesVersion: draft.rulesVersion } : {}),
      idempotencyKey: `bench-${index}`,
      requestHash: createHash('sha256').update(`${index}`).digest('hex'),
    },
  };
}

/** Round r appends the r-th event of every policyholder: each stream is spread over the whole log. */
async function seed(file: string): Promise<number> {
  const store = await SqliteEventStore.open({ connection: file });
  const revisions = new Map<string, number>();
  let appended = 0;
  for (let round = 0; round < 10; round++) {
    let pending: Promise<unknown>[] = [];
    for (let index = 0; index < POLICYHOLDERS; index++) {
      const draft = lifeOf(index)[round];
      const revision = revisions.get(draft.streamId);
      pending.push(store.append(draft.streamId, [envelope(draft, appended)], { expectedRevision: revision ?? 'no_stream' }));
      revisions.set(draft.streamId, (revision ?? -1) + 1);
      appended++;
      if (pending.length >= IN_FLIGHT) {
        await Promise.all(pending);
        pending = [];
      }
    }
    await Promise.all(pending);
    process.stderr.write(`seeded ${appended} events\n`);
  }
  await store.close();
  return appended;
}

/** Child: raw scan of the events table in position order, both JSON columns parsed. */
function rawScanChild(file: string): object {
  const database = new BetterSqlite3(file, { readonly: true });
  const started = process.hrtime.bigint();
  let events = 0;
  let checksum = 0;
  for (const row of database.prepare('SELECT position, stream_id, revision, id, type, data, metadata FROM events ORDER BY position').raw(true).iterate()) {
    const values = row as [number, string, number, string, string, string, string];
    const data = JSON.parse(values[5]);
    const metadata = JSON.parse(values[6]);
    checksum += metadata.schemaVersion + (data.stoppageId ? 1 : 0);
    events++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  database.close();
  return { events, seconds, eventsPerSecond: Math.floor(events / seconds), checksum, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function rebuildChild(file: string): Promise<object> {
  const database = new BetterSqlite3(file);
  const models = new SqliteReadModelStore(database);
  const totalEvents = (database.prepare('SELECT COUNT(*) FROM events').raw(true).get() as [number])[0];
  const started = process.hrtime.bigint();
  const result = await models.rebuild();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  database.close();
  return {
    logEvents: totalEvents,
    eventsFolded: result.eventsFolded,
    policyholders: result.policyholders,
    stoppages: result.stoppages,
    seconds,
    logEventsPerSecond: Math.floor(totalEvents / seconds),
    foldedEventsPerSecond: Math.floor(result.eventsFolded / seconds),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function child(mode: string, file: string): Record<string, number> {
  const output = execFileSync(process.execPath, [__filename, mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').pop()!);
}

async function balanceLatencies(file: string): Promise<object> {
  const store = await SqliteEventStore.open({ connection: file });
  const models = new SqliteReadModelStore(store.database);
  const query = async (index: number) => {
    const document = await models.policyholder(policyholderIdOf(index));
    if (!document) throw new Error(`policyholder ${index} missing from the read model`);
    return policyholderBalance(document, await readActiveRules(store), THROUGH);
  };
  for (let index = 0; index < 2_000; index++) await query(index % POLICYHOLDERS);
  const samples: number[] = [];
  let checksum = 0;
  for (let sample = 0; sample < BALANCE_QUERIES; sample++) {
    const index = (sample * 7_919) % POLICYHOLDERS;
    const started = process.hrtime.bigint();
    checksum += (await query(index)).balanceCents;
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  await store.close();
  samples.sort((a, b) => a - b);
  const at = (quantile: number) => Number(samples[Math.min(samples.length - 1, Math.floor(quantile * samples.length))].toFixed(3));
  return { queries: BALANCE_QUERIES, through: THROUGH, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1), checksum };
}

function eventCount(file: string): number {
  const database = new BetterSqlite3(file, { readonly: true });
  const count = (database.prepare('SELECT COUNT(*) FROM events').raw(true).get() as [number])[0];
  database.close();
  return count;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  // BENCH_FILE: a log kept by an earlier run (BENCH_KEEP=1) with the same BENCH_POLICYHOLDERS, to skip the seeding.
  const reused = process.env.BENCH_FILE;
  const directory = reused ? dirname(reused) : mkdtempSync(join(tmpdir(), 'ij-bench-projections-'));
  const file = reused ?? join(directory, 'ledger.sqlite');
  try {
    const seedStarted = process.hrtime.bigint();
    const seeded = reused ? eventCount(file) : await seed(file);
    const seedSeconds = reused ? Number.NaN : Number(process.hrtime.bigint() - seedStarted) / 1e9;
    const scans: Record<string, number>[] = [];
    const rebuilds: Record<string, number>[] = [];
    child('raw-scan', file); // warms the page cache for both
    for (let run = 0; run < RUNS; run++) {
      scans.push(child('raw-scan', file));
      rebuilds.push(child('rebuild', file));
      process.stderr.write(`run ${run + 1}: raw scan ${scans[run].eventsPerSecond} events/s, rebuild ${rebuilds[run].logEventsPerSecond} events/s\n`);
    }
    const balance = await balanceLatencies(file);
    const rawRate = median(scans.map((scan) => scan.eventsPerSecond));
    const rebuildRate = median(rebuilds.map((rebuild) => rebuild.logEventsPerSecond));
    const foldedRate = median(rebuilds.map((rebuild) => rebuild.foldedEventsPerSecond));
    const peakRss = Math.max(...rebuilds.map((rebuild) => rebuild.maxRssMb));
    const result = {
      benchmark: 'projections: rebuild of the read models from a 1M-event SQLite log, and the balance query',
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Number((totalmem() / 2 ** 30).toFixed(1)),
      input: {
        policyholders: POLICYHOLDERS,
        events: seeded,
        eventsPerPolicyholder: '8 on its stream + 2 stoppage-id reservations; streams interleaved round by round',
        databaseMb: Number((statSync(file).size / 2 ** 20).toFixed(0)),
        seedSeconds: Number(seedSeconds.toFixed(1)),
      },
      method: `${RUNS} runs, each a fresh child process (raw scan, then rebuild) after a warm-up scan; median rate, highest peak RSS`,
      rawScan: { eventsPerSecond: rawRate, runs: scans },
      rebuild: {
        eventsPerSecond: rebuildRate,
        foldedEventsPerSecond: foldedRate,
        ratioToRawScan: Number((rebuildRate / rawRate).toFixed(3)),
        peakRssMb: Number(peakRss.toFixed(0)),
        runs: rebuilds,
      },
      balanceQuery: balance,
      // issue #19: measured, its baseline from this run, the ratio, met.
      targets: [
        { target: 'rebuild >= 0.4x raw scan + JSON.parse (1M events)', measured: rebuildRate, baseline: rawRate, ratio: Number((rebuildRate / rawRate).toFixed(3)), required: 0.4, met: rebuildRate >= 0.4 * rawRate },
        { target: 'rebuild peak RSS <= 512 MB', measured: Number(peakRss.toFixed(0)), baseline: Number(Math.max(...scans.map((scan) => scan.maxRssMb)).toFixed(0)), ratio: Number((peakRss / 512).toFixed(3)), required: 1, met: peakRss <= 512, note: 'baseline: the raw scan child\'s peak RSS; ratio = measured / limit (at most 1)' },
        { target: 'rebuild >= 150 000 events/s', measured: rebuildRate, ratio: Number((rebuildRate / 150_000).toFixed(3)), required: 1, met: rebuildRate >= 150_000 },
        { target: 'balance query p99 <= 2 ms', measured: (balance as { p99Ms: number }).p99Ms, required: 2, met: (balance as { p99Ms: number }).p99Ms <= 2 },
      ],
    };
    console.table({
      'raw scan + JSON.parse': { 'events/s': rawRate },
      rebuild: { 'events/s': rebuildRate, 'ratio to raw': result.rebuild.ratioToRawScan, 'peak RSS MB': result.rebuild.peakRssMb },
      'balance query': { 'p50 ms': (balance as { p50Ms: number }).p50Ms, 'p99 ms': (balance as { p99Ms: number }).p99Ms },
    });
    console.table(result.targets);
    const results = join(__dirname, '..', '..', 'bench', 'results');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'projections.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (!process.env.BENCH_KEEP && !reused) rmSync(directory, { recursive: true, force: true });
    else process.stderr.write(`kept ${file}\n`);
  }
}

const [mode, childFile] = process.argv.slice(2);
if (mode === 'raw-scan') console.log(JSON.stringify(rawScanChild(childFile)));
else if (mode === 'rebuild') rebuildChild(childFile).then((result) => console.log(JSON.stringify(result)));
else main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
