/**
 * The HTTP path from outside, against a bare node:http server measured in the same run (issue 19).
 * Client: autocannon, 32 connections, keep-alive, in this process; every server is a child process:
 *  1. a bare node:http server answering {"status":"ok"}: the baseline of GET /health;
 *  2. the real ledger API (dist main.js: its real bootstrap) on a temporary SQLite data directory, API keys
 *     given as in production (LEDGER_API_KEYS), logging at info to a file: GET /health, IssueAdvance over
 *     prepared policyholders (one open stoppage with its salary certificate each; every advance has its own
 *     Idempotency-Key), GET balance over the same policyholders;
 *     then GET balance again while about 100 advances a second trickle in beside it (a reference: every
 *     commit drops the answers reused between commands);
 *  3. the same IssueAdvance run on PostgreSQL (one API process, LEDGER_ROLE=api, and one projector
 *     process, as in production), in a temporary schema dropped after.
 * Every response that is not the expected status counts as an error. The per-key rate limit stays on, raised
 * (LEDGER_RATE_LIMIT_PER_MINUTE) so that one key may send this load: it is still counted on every request.
 * Each server's log lines are counted after it stopped: one JSON line per request answered.
 * Writes bench/results/http.json. Run: npm run bench:http   (BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_POLICYHOLDERS,
 * DATABASE_URL; BENCH_LEDGER_NODE_ARGS: node flags for the ledger processes, e.g. "--cpu-prof --cpu-prof-dir=DIR")
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { withNirKey } from '@ij/ledger';
import { freePort } from './support/free-port';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const POLICYHOLDERS = Number(process.env.BENCH_POLICYHOLDERS ?? 2048);
const CONNECTIONS = 32;
const LEDGER_NODE_ARGS = (process.env.BENCH_LEDGER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const KEY = 'bench-http-clerk-key-000000000001';
const ROOT = join(__dirname, '..');
const API_ENTRY = join(ROOT, 'apps', 'ledger-api', 'src', 'main.js');
const CLI_ENTRY = join(ROOT, 'apps', 'ledger-cli', 'src', 'main.js');

const TARGETS = {
  healthVsBare: 0.3,
  issueAdvancePerSecond: 3_000,
  issueAdvanceP99Ms: 30,
  balancePerSecond: 5_000,
  balanceP99Ms: 15,
  postgresIssueAdvancePerSecond: 1_500,
};

interface Measure {
  requestsPerSecond: number;
  responses: number;
  /** Responses of another status than expected, plus connection errors and timeouts. */
  errors: number;
  statuses: Record<string, number>;
  latencyMs: { p50: number; p99: number; max: number };
  seconds: number;
}

interface Target {
  what: string;
  measured: number;
  target: string;
  baseline?: number;
  ratio?: number;
  met: boolean;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Every answer each server gave this process (start-up probe, preparation, warm-ups, measures), by base URL. */
const answers = new Map<string, number>();
const countAnswers = (baseUrl: string, count: number) => answers.set(baseUrl, (answers.get(baseUrl) ?? 0) + count);

interface Server {
  child: ChildProcess;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts a child process whose stdout goes to `logFile`, and waits until /health answers. */
async function startServer(args: string[], environment: Record<string, string>, logFile: string): Promise<Server> {
  const port = await freePort();
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...environment, PORT: String(port) }, stdio: ['ignore', out, 'inherit'] });
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited during start-up`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) {
        countAnswers(baseUrl, 1);
        return { child, baseUrl, stop };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${args.join(' ')} did not answer /health`);
}

const BARE_SERVER = `require('node:http').createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  response.end('{"status":"ok"}');
}).listen(Number(process.env.PORT), '127.0.0.1');`;

interface LoadOptions {
  url: string;
  seconds: number;
  expectedStatus: number;
  method?: 'GET' | 'POST';
  /** Called for each request: its path, headers and body. */
  next?: () => { path: string; headers?: Record<string, string>; body?: string };
  headers?: Record<string, string>;
}

/** One autocannon run: 32 keep-alive connections, one request in flight on each. */
async function load(options: LoadOptions): Promise<Measure> {
  const request: autocannon.Request = { method: options.method ?? 'GET' };
  if (options.next) {
    const next = options.next;
    request.setupRequest = (template: autocannon.Request) => {
      const chosen = next();
      return { ...template, path: chosen.path, headers: { ...options.headers, ...chosen.headers }, body: chosen.body };
    };
  }
  const result = await autocannon({
    url: options.url,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: options.seconds,
    headers: options.headers,
    requests: [request],
  });
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries((result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats)) statuses[status] = count;
  const responses = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  countAnswers(new URL(options.url).origin, responses);
  const unexpected = responses - (statuses[options.expectedStatus] ?? 0);
  const seconds = result.duration;
  return {
    requestsPerSecond: Math.round(responses / seconds),
    responses,
    errors: unexpected + result.errors + result.timeouts,
    statuses,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    seconds: round(seconds),
  };
}

/** Warms the server up (JIT, caches) for WARMUP_SECONDS, then measures for SECONDS. */
async function measure(options: Omit<LoadOptions, 'seconds'>): Promise<Measure> {
  if (WARMUP_SECONDS > 0) await load({ ...options, seconds: WARMUP_SECONDS });
  return load({ ...options, seconds: SECONDS });
}

const AUTH = { authorization: `Bearer ${KEY}` };

interface Prepared {
  stoppageIds: string[];
  policyholderIds: string[];
}

/** Opens one stoppage per policyholder and records its salary certificate (32 clients in parallel). */
async function prepare(baseUrl: string, tag: string): Promise<Prepared> {
  const stoppageIds: string[] = [];
  const policyholderIds: string[] = [];
  let nextIndex = 0;
  const post = async (path: string, key: string, body: unknown): Promise<Record<string, string>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { ...AUTH, 'idempotency-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, string>;
    countAnswers(baseUrl, 1);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      for (let index = nextIndex++; index < POLICYHOLDERS; index = nextIndex++) {
        const serial = String(index).padStart(6, '0');
        const stoppageId = `7b2d3c4e-5f60-4a71-8b92-${tag}${serial.padStart(12 - tag.length, '0')}`;
        // One NIR per policyholder: born 1990-01 in Paris (75), commune and order number from the index.
        const opened = await post('/v1/stoppages', `open-${serial}`, {
          stoppageId,
          nir: withNirKey(`1900175${String(101 + Math.floor(index / 999)).padStart(3, '0')}${String(1 + (index % 999)).padStart(3, '0')}`),
          kind: 'SICKNESS',
          startDate: '2025-06-10',
          endDate: '2025-06-29',
        });
        await post(`/v1/stoppages/${stoppageId}/salary-certificate`, `certificate-${serial}`, {
          salaries: ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 })),
        });
        stoppageIds[index] = stoppageId;
        policyholderIds[index] = opened.policyholderId;
      }
    }),
  );
  return { stoppageIds, policyholderIds };
}

/** IssueAdvance of 1 € on the prepared stoppages in turn, each with a new Idempotency-Key. */
function issueAdvances(baseUrl: string, prepared: Prepared, tag: string): Omit<LoadOptions, 'seconds'> {
  let sent = 0;
  return {
    url: baseUrl,
    method: 'POST',
    expectedStatus: 201,
    headers: { ...AUTH, 'content-type': 'application/json' },
    next: () => {
      const index = sent++;
      return {
        path: `/v1/stoppages/${prepared.stoppageIds[index % prepared.stoppageIds.length]}/advances`,
        headers: { 'idempotency-key': `advance-${tag}-${index}` },
        body: JSON.stringify({ amountCents: 100, reason: 'salary certificate not checked yet' }),
      };
    },
  };
}

/** GET balance of the prepared policyholders in turn. */
function balanceReads(baseUrl: string, prepared: Prepared): Omit<LoadOptions, 'seconds'> {
  let sent = 0;
  return {
    url: baseUrl,
    expectedStatus: 200,
    headers: AUTH,
    next: () => ({ path: `/v1/policyholders/${prepared.policyholderIds[sent++ % prepared.policyholderIds.length]}/balance` }),
  };
}

/** Advances the background trickle asks for each second while balance is read again (one at a time: fewer when they are slow). */
const TRICKLE_PER_SECOND = 100;

/** IssueAdvance at about `perSecond`, one at a time, until stopped: what it sent, and at what rate. */
function commandTrickle(baseUrl: string, prepared: Prepared, perSecond: number): { stop(): Promise<{ sent: number; perSecond: number }> } {
  let stopped = false;
  let sent = 0;
  const started = performance.now();
  const running = (async () => {
    while (!stopped) {
      const index = sent++;
      const response = await fetch(`${baseUrl}/v1/stoppages/${prepared.stoppageIds[index % prepared.stoppageIds.length]}/advances`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json', 'idempotency-key': `trickle-${index}` },
        body: JSON.stringify({ amountCents: 1, reason: 'trickle beside the balance reads' }),
      });
      countAnswers(baseUrl, 1);
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`trickle advance: ${response.status}`);
      await sleep(Math.max(0, (sent * 1_000) / perSecond - (performance.now() - started)));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await running;
      return { sent, perSecond: Math.round((sent * 1_000) / (performance.now() - started)) };
    },
  };
}

/** Lines the server wrote that are request logs: JSON with a response status (pino-http's completion line). */
function requestLogLines(logFile: string): number {
  let lines = 0;
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { res?: { statusCode?: unknown } };
      if (typeof entry.res?.statusCode === 'number') lines++;
    } catch {
      // not a JSON line
    }
  }
  return lines;
}

function print(label: string, result: Measure): void {
  console.log(`${label.padEnd(34)} ${String(result.requestsPerSecond).padStart(7)}/s  p50 ${result.latencyMs.p50} ms  p99 ${result.latencyMs.p99} ms  errors ${result.errors}  ${JSON.stringify(result.statuses)}`);
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0];
  const workDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-bench-http-'));
  const schema = `ij_bench_http_${randomBytes(4).toString('hex')}`;
  const pool = new Pool({ connectionString: DATABASE_URL, max: 2 });
  const servers: Server[] = [];
  const common = {
    LEDGER_API_KEYS: `${KEY}:clerk:bench-clerk`,
    LEDGER_POLICYHOLDER_SECRET: 'bench-http-secret-0123456789abcdef',
    LEDGER_RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'info',
  };
  try {
    // 1. The baseline: a bare node:http server.
    const bare = await startServer(['-e', BARE_SERVER], {}, join(workDirectory, 'bare.log'));
    servers.push(bare);
    const bareBefore = await measure({ url: `${bare.baseUrl}/health`, expectedStatus: 200 });
    print('bare node:http GET /health', bareBefore);

    // 2. The ledger on SQLite (the embedded default: LEDGER_ROLE=all).
    const sqliteLog = join(workDirectory, 'ledger-sqlite.log');
    const sqlite = await startServer([...LEDGER_NODE_ARGS, API_ENTRY], { ...common, LEDGER_DATA_DIR: join(workDirectory, 'sqlite-data') }, sqliteLog);
    servers.push(sqlite);
    const health = await measure({ url: `${sqlite.baseUrl}/health`, expectedStatus: 200 });
    print('ledger GET /health', health);
    // The machine is shared: the baseline is measured again right after, and their mean is the one compared.
    const bareAfter = await measure({ url: `${bare.baseUrl}/health`, expectedStatus: 200 });
    print('bare node:http GET /health, again', bareAfter);
    await bare.stop();
    const bareRequestsPerSecond = Math.round((bareBefore.requestsPerSecond + bareAfter.requestsPerSecond) / 2);
    const preparedStarted = performance.now();
    const prepared = await prepare(sqlite.baseUrl, '1');
    console.log(`prepared ${POLICYHOLDERS} policyholders in ${((performance.now() - preparedStarted) / 1_000).toFixed(1)} s`);
    const advances = await measure(issueAdvances(sqlite.baseUrl, prepared, 'sqlite'));
    print('ledger IssueAdvance (SQLite)', advances);
    const balance = await measure(balanceReads(sqlite.baseUrl, prepared));
    print('ledger GET balance (SQLite)', balance);
    // The same reads while commands trickle in: every commit drops the answers the ledger reuses between
    // commands (UnchangedStoreAnswers), so most reads here compute their answer (a reference, not a target).
    const trickle = commandTrickle(sqlite.baseUrl, prepared, TRICKLE_PER_SECOND);
    const balanceMixed = await measure(balanceReads(sqlite.baseUrl, prepared));
    const trickled = await trickle.stop();
    print(`ledger GET balance, ${trickled.perSecond} commands/s beside`, balanceMixed);
    await sqlite.stop();
    const sqliteLogLines = requestLogLines(sqliteLog);

    // 3. The ledger on PostgreSQL: one API process, one projector.
    const pgLog = join(workDirectory, 'ledger-postgres.log');
    const pgEnvironment = { ...common, LEDGER_EVENT_STORE: 'postgres', DATABASE_URL, LEDGER_PG_SCHEMA: schema, LEDGER_DATA_DIR: join(workDirectory, 'pg-data') };
    const pgApi = await startServer([...LEDGER_NODE_ARGS, API_ENTRY], { ...pgEnvironment, LEDGER_ROLE: 'api' }, pgLog);
    servers.push(pgApi);
    const projector = spawn(process.execPath, [...LEDGER_NODE_ARGS, CLI_ENTRY, 'projector'], { env: { PATH: process.env.PATH ?? '', ...pgEnvironment }, stdio: ['ignore', 'ignore', 'inherit'] });
    servers.push({ child: projector, baseUrl: '', stop: async () => undefined });
    const pgPrepared = await prepare(pgApi.baseUrl, '2');
    const pgAdvances = await measure(issueAdvances(pgApi.baseUrl, pgPrepared, 'postgres'));
    print('ledger IssueAdvance (PostgreSQL)', pgAdvances);
    await pgApi.stop();
    projector.kill('SIGTERM');
    const pgLogLines = requestLogLines(pgLog);

    const healthRatio = round(health.requestsPerSecond / bareRequestsPerSecond);
    const targets: Target[] = [
      { what: 'GET /health vs bare node:http', measured: health.requestsPerSecond, baseline: bareRequestsPerSecond, ratio: healthRatio, target: `>= ${TARGETS.healthVsBare}x bare`, met: healthRatio >= TARGETS.healthVsBare && health.errors === 0 },
      { what: 'IssueAdvance (SQLite) commands/s', measured: advances.requestsPerSecond, target: `>= ${TARGETS.issueAdvancePerSecond}/s, 0 errors`, met: advances.requestsPerSecond >= TARGETS.issueAdvancePerSecond && advances.errors === 0 },
      { what: 'IssueAdvance (SQLite) p99 ms', measured: advances.latencyMs.p99, target: `<= ${TARGETS.issueAdvanceP99Ms} ms`, met: advances.latencyMs.p99 <= TARGETS.issueAdvanceP99Ms },
      { what: 'GET balance (SQLite) req/s', measured: balance.requestsPerSecond, target: `>= ${TARGETS.balancePerSecond}/s, 0 errors`, met: balance.requestsPerSecond >= TARGETS.balancePerSecond && balance.errors === 0 },
      { what: 'GET balance (SQLite) p99 ms', measured: balance.latencyMs.p99, target: `<= ${TARGETS.balanceP99Ms} ms`, met: balance.latencyMs.p99 <= TARGETS.balanceP99Ms },
      { what: 'IssueAdvance (PostgreSQL) commands/s', measured: pgAdvances.requestsPerSecond, target: `>= ${TARGETS.postgresIssueAdvancePerSecond}/s, 0 errors`, met: pgAdvances.requestsPerSecond >= TARGETS.postgresIssueAdvancePerSecond && pgAdvances.errors === 0 },
    ];
    const { rows } = await pool.query<{ version: string }>('SELECT version()');
    const results = {
      benchmark: 'http',
      recordedAt: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: round(totalmem() / 2 ** 30), node: process.version, postgres: rows[0].version.split(' on ')[0], loadAverage1m: { atStart: round(loadAtStart), atEnd: round(loadavg()[0]) } },
      setup: {
        client: 'autocannon (this process), keep-alive, one request in flight per connection',
        connections: CONNECTIONS,
        warmupSeconds: WARMUP_SECONDS,
        seconds: SECONDS,
        policyholders: POLICYHOLDERS,
        servers: 'each a child process on loopback; the ledger logs at info (one JSON line per request) to a file',
        sqlite: 'LEDGER_ROLE=all (the embedded default: a command answers once its events are in the read models), WAL, synchronous=FULL',
        postgres: 'one API process (LEDGER_ROLE=api) and one projector process, temporary schema dropped after',
        rateLimitPerMinute: Number(common.LEDGER_RATE_LIMIT_PER_MINUTE),
      },
      baseline: { bareHealthBefore: bareBefore, bareHealthAfter: bareAfter, bareRequestsPerSecond },
      sqlite: { health, issueAdvance: advances, balance, balanceWithCommandsBeside: { ...balanceMixed, commandsPerSecondAsked: TRICKLE_PER_SECOND, commandsPerSecondSent: trickled.perSecond, note: 'a reference, not a target: every commit drops the reused answers; the trickle sends one command at a time, so it sends fewer when commands are slow' } },
      postgres: { issueAdvance: pgAdvances },
      logLines: {
        // Request lines each server logged vs the answers this process received from it (a request cut when a
        // load run stops is logged by the server and not counted here: at most one per connection and run).
        sqlite: { logged: sqliteLogLines, answered: answers.get(sqlite.baseUrl) ?? 0 },
        postgres: { logged: pgLogLines, answered: answers.get(pgApi.baseUrl) ?? 0 },
      },
      targets,
    };
    mkdirSync(join(ROOT, '..', 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, '..', 'bench', 'results', 'http.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.table(targets.map((target) => ({ what: target.what, measured: target.measured, baseline: target.baseline ?? '', ratio: target.ratio ?? '', target: target.target, met: target.met ? 'met' : 'MISSED' })));
    console.log(`request log lines: SQLite ${results.logLines.sqlite.logged} logged for ${results.logLines.sqlite.answered} answers received; PostgreSQL ${results.logLines.postgres.logged} for ${results.logLines.postgres.answered}`);
    console.log(`machine: ${results.machine.cores} cores (${results.machine.cpu}), load average ${results.machine.loadAverage1m.atStart} at start and ${results.machine.loadAverage1m.atEnd} at end; the client, the servers and PostgreSQL share them.`);
  } finally {
    for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await pool.end();
    rmSync(workDirectory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
