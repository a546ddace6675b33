import { randomUUID } from 'node:crypto';
import { paymentRunIdOf, PaymentRunRunner, REPLAY_STORAGE, ReplayRunner, type ReplayStorage } from '@ij/application';
import { startTestLedger, testNir, type TestLedger, untilFinished } from '../support/ledger-harness';

/**
 * Issue 21 (one replay at a time per store) and issue 19 (work a process was running is known abandoned):
 * two API processes sharing one PostgreSQL schema, as two ledger apps in this jest process. Background work
 * holds a lease in the read models' database, so each app sees what the other runs. The first app's work is
 * held at a gate (its count of policyholders waits) so that the second one looks while it surely runs.
 */
describe('background work shared by two processes on one PostgreSQL schema', () => {
  let first: TestLedger;
  let second: TestLedger;

  beforeAll(async () => {
    first = await startTestLedger('postgres');
    // The second process serves the API only, on the first one's schema (the first projects).
    second = await startTestLedger('postgres', undefined, undefined, { LEDGER_PG_SCHEMA: first.ledger.storage.schema!, LEDGER_ROLE: 'api' });
    for (let serial = 1; serial <= 3; serial++) {
      const opened = await first.command('clerk', '/v1/stoppages', { stoppageId: randomUUID(), nir: testNir(61_000 + serial), kind: 'SICKNESS', startDate: '2025-03-20', endDate: '2025-04-10' });
      expect(opened.status).toBe(201);
    }
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /** Holds the first app's background work at its count of policyholders until `open` is called. */
  function gate(ledger: TestLedger): { open(): void; restore(): void } {
    const storage = ledger.ledger.app.get<symbol, ReplayStorage>(REPLAY_STORAGE, { strict: false });
    const count = storage.source.count.bind(storage.source);
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    storage.source.count = async () => {
      await opened;
      return count();
    };
    return { open, restore: () => (storage.source.count = count) };
  }

  it('answers 429 replay-already-running on one process while the other runs a replay, naming it, and accepts it again once it ended', async () => {
    const held = gate(first);
    try {
      const body = { rulesVersion: '2026.1', through: '2025-04-10' };
      const started = await first.command('auditor', '/v1/replays', body);
      expect(started.status).toBe(202);
      const runningReplayId = started.body.replayId as string;

      const refusedKey = `replay-elsewhere-${randomUUID()}`;
      const refused = await second.command('auditor', '/v1/replays', body, refusedKey);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/u);
      expect(refused.body.type).toMatch(/\/replay-already-running$/u);
      expect(refused.body.runningReplayId).toBe(runningReplayId);
      expect(second.ledger.app.get(ReplayRunner, { strict: false }).activeReplays()).toEqual([]);
      // The second process sees it running too.
      expect((await second.get('auditor', `/v1/replays/${runningReplayId}`)).body.status).toBe('running');

      held.open();
      expect((await untilFinished(first, 'auditor', `/v1/replays/${runningReplayId}`)).body.status).toBe('done');
      const again = await second.command('auditor', '/v1/replays', body, refusedKey);
      expect(again.status).toBe(202);
      expect((await untilFinished(second, 'auditor', `/v1/replays/${again.body.replayId}`)).body.status).toBe('done');
    } finally {
      held.open();
      held.restore();
    }
  }, 60_000);

  it('shows a payment run running on the other process while the one running it holds its lease, and starts nothing more there', async () => {
    const held = gate(first);
    try {
      const through = '2025-11-30';
      const runId = paymentRunIdOf(through);
      expect((await first.command('supervisor', '/v1/payment-runs', { through })).status).toBe(202);

      const seen = await second.get('supervisor', `/v1/payment-runs/${runId}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ runId, through, status: 'running' });
      const again = await second.command('supervisor', '/v1/payment-runs', { through });
      expect(again.status).toBe(202);
      expect(again.body).toEqual({ runId });
      expect(second.ledger.app.get(PaymentRunRunner, { strict: false }).activeRuns()).toEqual([]);

      held.open();
      expect((await untilFinished(second, 'supervisor', `/v1/payment-runs/${runId}`)).body.status).toBe('done');
    } finally {
      held.open();
      held.restore();
    }
  }, 60_000);
});
