import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ij/event-store';
import { policyholderStream } from '@ij/ledger';
import { getRulesVersion, type RulesVersion } from '@ij/rules';
import { loadPolicyholderIds, SQLITE_FILE } from '@ij/application';
import { ARPEGE, planPolicyholder } from '../../libs/replay/src/seed';

/** The compiled CLI (test/global-setup.js builds it once per jest run). */
const CLI_ENTRY = join(__dirname, '..', '..', 'dist', 'apps', 'ledger-cli', 'src', 'main.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], dataDirectory: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
      env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: dataDirectory, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `npm run ledger -- seed` as a real process on a fresh data directory (api.md, command line). */
describe('the seed command', () => {
  let dataDirectory: string;
  beforeAll(() => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-seed-'));
  });
  afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it('seeds 200 policyholders of the Arpège scenario and prints its summary', async () => {
    const run = await runCli(['seed', '--policyholders', '200', '--scenario', 'arpege', '--json'], dataDirectory);
    expect(run.stderr).not.toMatch(/refused|Error/u);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ scenario: 'arpege', seed: 1, rulesVersion: '2026.1', policyholders: 200 });
    expect(summary.stoppages).toBeGreaterThanOrEqual(200);
    expect(summary.events).toBeGreaterThan(summary.stoppages * 3);
    expect(summary.straddling).toBeGreaterThan(0);
  }, 60_000);

  it('derives policyholder ids as the API does, so that its NIR search finds the seeded people', async () => {
    const ids = loadPolicyholderIds(dataDirectory);
    const nir = planPolicyholder(0, 1, ARPEGE, getRulesVersion('2026.1') as RulesVersion).nir;
    const store = await SqliteEventStore.open({ connection: join(dataDirectory, SQLITE_FILE) });
    try {
      const history = await store.readStream(policyholderStream(ids.fromNir(nir)));
      expect(history[0]?.type).toBe('StoppageOpened');
    } finally {
      await store.close();
    }
  });

  it('refuses a store that already holds events (exit 2) unless --append', async () => {
    const refused = await runCli(['seed', '--policyholders', '10'], dataDirectory);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already holds events.*--append/u);

    const appended = await runCli(['seed', '--policyholders', '10', '--seed', '2', '--append'], dataDirectory);
    expect(appended.code).toBe(0);
    expect(appended.stdout).toMatch(/10 policyholders, \d+ stoppages, \d+ events in .* policyholders\/s/u);
  }, 60_000);

  it('refuses a bad option with exit 2', async () => {
    const run = await runCli(['seed', '--policyholders', 'many'], dataDirectory);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--policyholders must be a whole number/u);
  });
});
