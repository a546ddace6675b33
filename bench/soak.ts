import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run soak`: the reliability suite's long mode. 100 kill -9 iterations and 20 000 fuzzed requests (the CI
 * runs 5 and 2 000), then bench/results/soak.json with what was measured: iterations, acknowledged commands,
 * commands lost, double payments, fuzzed requests. The figures come from the tests themselves.
 */
const root = join(__dirname, '..', '..');
const figuresFile = join(tmpdir(), `ij-ledger-soak-${process.pid}.jsonl`);
const iterations = Number(process.env.CRASH_ITERATIONS ?? 100);
const requests = Number(process.env.FUZZ_REQUESTS ?? 20_000);

rmSync(figuresFile, { force: true });
const started = Date.now();
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--runInBand', 'test/reliability/crash', 'test/reliability/fuzz-commands'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CRASH_ITERATIONS: String(iterations), FUZZ_REQUESTS: String(requests), SOAK_FIGURES_FILE: figuresFile },
  },
);
const lines = readFileSync(figuresFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, number | string | boolean>);
const crashes = lines.filter((line) => line.test === 'crash');
const fuzz = lines.find((line) => line.test === 'fuzz');
const total = (field: string) => crashes.reduce((sum, line) => sum + Number(line[field]), 0);
const result = {
  benchmark: 'soak: kill -9 during command bursts, and fuzzed command requests',
  measuredAt: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  elapsedSeconds: Math.round((Date.now() - started) / 1000),
  jestExitCode: run.status,
  crash: {
    iterationsRequested: iterations,
    iterationsCompleted: crashes.length,
    commandsSent: total('sent'),
    acknowledged: total('acknowledged'),
    lost: total('lost'),
    doublePayments: total('doublePayments'),
  },
  fuzz: fuzz ?? { requests: 0, note: 'the fuzz test did not complete' },
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'soak.json'), `${JSON.stringify(result, null, 2)}\n`);
console.table({ ...result.crash, fuzzedRequests: Number((result.fuzz as { requests: number }).requests) });
rmSync(figuresFile, { force: true });
process.exitCode = run.status ?? 1;
