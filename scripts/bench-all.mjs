#!/usr/bin/env node
/**
 * `npm run bench`: runs every `bench:*` script of package.json, one after the other (each builds, measures
 * its figures against a baseline run in the same process and minute, and writes bench/results/*.json), then
 * writes bench/results/summary.json: per script, its exit code, its duration, the result files it wrote and
 * the targets they report (measured, baseline, ratio, met). A failing script does not stop the others; the
 * run exits non-zero when one failed. BENCH_ONLY=store,postgres runs only those (names without `bench:`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'bench', 'results');
const scripts = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {}).filter((name) => name.startsWith('bench:'));
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
const selected = only ? scripts.filter((name) => only.includes(name.slice('bench:'.length))) : scripts;

const resultFiles = () => (existsSync(results) ? readdirSync(results).filter((file) => file.endsWith('.json') && file !== 'summary.json') : []);
const modifiedSince = (since) => resultFiles().filter((file) => statSync(join(results, file)).mtimeMs >= since);

console.log(`npm run bench: ${selected.map((name) => name).join(', ')} (load average ${loadavg().map((load) => load.toFixed(2)).join(' ')})`);
const runs = [];
for (const script of selected) {
  console.log(`\n=== ${script} ===`);
  const started = Date.now();
  const run = spawnSync('npm', ['run', '-s', script], { cwd: root, stdio: 'inherit', env: process.env });
  const files = modifiedSince(started);
  const targets = Object.fromEntries(
    files.map((file) => {
      try {
        return [file, JSON.parse(readFileSync(join(results, file), 'utf8')).targets ?? null];
      } catch (error) {
        return [file, { unreadable: String(error) }];
      }
    }),
  );
  runs.push({ script, exitCode: run.status ?? run.signal, seconds: Math.round((Date.now() - started) / 1000), resultFiles: files, targets });
  if (run.status !== 0) console.error(`${script} failed (${run.status ?? run.signal})`);
  else if (files.length === 0) console.error(`${script} wrote no bench/results/*.json`);
}

mkdirSync(results, { recursive: true });
const summary = {
  recordedAt: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtEnd: loadavg().map((load) => Number(load.toFixed(2))) },
  runs,
};
writeFileSync(join(results, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log('\n=== summary (bench/results/summary.json) ===');
console.table(runs.map(({ script, exitCode, seconds, resultFiles: files }) => ({ script, exitCode, seconds, results: files.join(' ') })));
process.exitCode = runs.some((run) => run.exitCode !== 0) ? 1 : 0;
