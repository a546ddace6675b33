import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { paymentRunIdOf, SQLITE_FILE } from '@ij/application';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';

/**
 * Issue 19 ("Also"): a replay or payment run that was running when its process died never stays `running`.
 * The real API on SQLite is killed with kill -9 right after it accepted the work, and started again on the
 * same data directory, with a short LEDGER_WORK_LEASE_MS: the dead process's lease lapses, the replay is
 * then `failed` (and marked so in the database), the payment run `interrupted`, and POST resumes it.
 */
const CLI_ENTRY = join(__dirname, '..', '..', 'dist', 'apps', 'ledger-cli', 'src', 'main.js');
const KEY = 'abandoned-work-key-00000001';
const LEASE_MS = 900;

function seed(dataDirectory: string, policyholders: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, 'seed', '--policyholders', String(policyholders), '--scenario', 'arpege', '--json'], {
      env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: dataDirectory, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited ${code}: ${stderr}`))));
  });
}

describe('work whose process was killed with kill -9', () => {
  let dataDirectory: string;
  let ledger: LedgerProcess | undefined;
  const environment = () => ({
    LEDGER_DATA_DIR: dataDirectory,
    LEDGER_API_KEYS: `${KEY}:clerk+supervisor+auditor:operator-1`,
    LEDGER_REPLAY_WORKERS: '1',
    LEDGER_WORK_LEASE_MS: String(LEASE_MS),
    LOG_LEVEL: 'warn',
  });
  const post = (path: string, body: unknown) =>
    fetch(`${ledger!.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify(body),
    });
  const get = async (path: string) => (await fetch(`${ledger!.baseUrl}${path}`, { headers: { Authorization: `Bearer ${KEY}` } })).json() as Promise<Record<string, unknown>>;
  /** Reads the SQLite file beside the process (or after it died), read-only. */
  const inFile = <T>(read: (database: Database.Database) => T): T => {
    const database = new Database(join(dataDirectory, SQLITE_FILE), { readonly: true, fileMustExist: true });
    try {
      return read(database);
    } finally {
      database.close();
    }
  };
  async function until<T>(look: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
    for (let attempt = 0; attempt < 600; attempt++) {
      const value = await look();
      if (done(value)) return value;
      await sleep(50);
    }
    throw new Error(`${what} did not happen`);
  }

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-abandoned-'));
    // Enough policyholders that the work is still running when the process is killed just after accepting it.
    await seed(dataDirectory, 1_000);
  }, 120_000);
  afterAll(async () => {
    await ledger?.kill();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('marks a replay failed after the restart, saying its process stopped, and runs the next one', async () => {
    ledger = await startLedgerProcess(environment());
    const started = await post('/v1/replays', { rulesVersion: '2026.1', through: '2026-06-30' });
    expect(started.status).toBe(202);
    await ledger.kill('SIGKILL');
    const { replayId } = (await started.json()) as { replayId: string };
    // It was running when the process died, under that process's lease.
    expect(inFile((database) => database.prepare('SELECT status FROM replays WHERE replay_id = ?').get(replayId))).toEqual({ status: 'running' });
    expect(inFile((database) => database.prepare("SELECT item FROM work_leases WHERE name = 'replay'").get())).toEqual({ item: replayId });

    ledger = await startLedgerProcess(environment());
    const seen = await until(() => get(`/v1/replays/${replayId}`), (body) => body.status !== 'running', 'the replay leaving running');
    expect(seen).toMatchObject({ replayId, status: 'failed', reason: expect.stringMatching(/process running this replay stopped/u) });
    // Marked so in the database once the dead process's lease lapsed (on start-up, or as soon as it lapses).
    const stored = await until(() => inFile((database) => database.prepare('SELECT status, reason FROM replays WHERE replay_id = ?').get(replayId) as { status: string; reason: string }), (row) => row.status !== 'running', 'the replay marked failed');
    expect(stored).toEqual({ status: 'failed', reason: expect.stringMatching(/process running this replay stopped/u) });

    const next = await post('/v1/replays', { rulesVersion: '2026.1', through: '2026-06-30' });
    expect(next.status).toBe(202);
    const nextId = ((await next.json()) as { replayId: string }).replayId;
    expect(await until(() => get(`/v1/replays/${nextId}`), (body) => body.status !== 'running', 'the next replay ending')).toMatchObject({ status: 'done', processed: 1_000 });
    await ledger.kill('SIGTERM');
  }, 180_000);

  it('shows a payment run interrupted once the dead process lease lapsed, and resumes it on POST', async () => {
    const through = '2026-06-30';
    const runId = paymentRunIdOf(through);
    ledger = await startLedgerProcess(environment());
    expect((await post('/v1/payment-runs', { through })).status).toBe(202);
    await ledger.kill('SIGKILL');
    expect(inFile((database) => database.prepare('SELECT item FROM work_leases WHERE name = ?').get(`payment-run:${runId}`))).toEqual({ item: runId });

    ledger = await startLedgerProcess(environment());
    const seen = await until(() => get(`/v1/payment-runs/${runId}`), (body) => body.status !== 'running', 'the run leaving running');
    expect(seen).toMatchObject({ runId, through, status: 'interrupted' });
    expect((await post('/v1/payment-runs', { through })).status).toBe(202);
    expect(await until(() => get(`/v1/payment-runs/${runId}`), (body) => body.status !== 'running', 'the resumed run ending')).toMatchObject({ runId, status: 'done' });
    await ledger.kill('SIGTERM');
  }, 180_000);
});
