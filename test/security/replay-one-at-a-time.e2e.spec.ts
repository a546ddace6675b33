import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testNir } from '../support/ledger-harness';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';

/**
 * Issue 21, medium: 20 parallel replays took 51 threads and 3.1 GB. One replay runs at a time per store; the
 * others are answered 429 replay-already-running, naming the running one, and may be sent again once it ended.
 * Against the real process, whose replays run in worker threads (in jest's process a replay would hold the
 * event loop and the requests could not overlap).
 */
describe('one replay at a time', () => {
  const AUDITOR = 'replay-auditor-key-000001';
  const CLERK = 'replay-clerk-key-00000001';
  let dataDirectory: string;
  let ledger: LedgerProcess;

  const post = (key: string, path: string, body: unknown, idempotencyKey: string = randomUUID()) =>
    fetch(`${ledger.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-replays-'));
    ledger = await startLedgerProcess({
      LEDGER_DATA_DIR: dataDirectory,
      LEDGER_API_KEYS: `${AUDITOR}:auditor:auditor-1,${CLERK}:clerk:clerk-1`,
      LEDGER_POLICYHOLDER_SECRET: 'replay-test-policyholder-secret-0123456789',
      LEDGER_REPLAY_WORKERS: '1',
      LOG_LEVEL: 'silent',
    });
    for (let serial = 1; serial <= 60; serial++) {
      const opened = await post(CLERK, '/v1/stoppages', { stoppageId: randomUUID(), nir: testNir(51_000 + serial), kind: 'SICKNESS', startDate: '2025-03-20', endDate: '2025-04-10' });
      expect(opened.status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await ledger?.kill();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  async function finished(replayId: string) {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const response = await fetch(`${ledger.baseUrl}/v1/replays/${replayId}`, { headers: { Authorization: `Bearer ${AUDITOR}` } });
      const body = (await response.json()) as { status: string };
      if (body.status !== 'running') return body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`replay ${replayId} did not finish`);
  }

  it('answers parallel starts with one 202 and 429 for the others, and accepts a refused one again once the first ended', async () => {
    const keys = Array.from({ length: 20 }, (_value, index) => `replay-parallel-${index}`);
    const body = { rulesVersion: '2026.1', through: '2025-04-10' };
    const answers = await Promise.all(keys.map(async (key) => {
      const response = await post(AUDITOR, '/v1/replays', body, key);
      return { status: response.status, contentType: response.headers.get('content-type'), body: (await response.json()) as Record<string, string> };
    }));
    const started = answers.filter((answer) => answer.status === 202);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(started.length + refused.length).toBe(20);
    expect(refused.length).toBeGreaterThan(0);
    const runningIds = new Set(started.map((answer) => answer.body.replayId));
    for (const answer of refused) {
      expect(answer.contentType).toMatch(/application\/problem\+json/u);
      expect(answer.body.type).toMatch(/\/replay-already-running$/u);
      expect(runningIds.has(answer.body.runningReplayId)).toBe(true);
    }
    for (const answer of started) expect((await finished(answer.body.replayId)).status).toBe('done');

    const refusedKey = keys[answers.findIndex((answer) => answer.status === 429)];
    const again = await post(AUDITOR, '/v1/replays', body, refusedKey);
    expect(again.status).toBe(202);
    expect((await finished(((await again.json()) as { replayId: string }).replayId)).status).toBe('done');
  }, 120_000);
});
