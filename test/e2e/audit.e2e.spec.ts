import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { computeEventHash, GENESIS_HASH } from '@ij/event-store';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * GET /v1/audit/verify: clean on a ledger written only through commands; then the stored log is altered
 * behind the ledger's back (the SQLite file opened directly) and the alteration is reported where it is.
 */
const SALARIES = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));

describe('audit verify on the sqlite store', () => {
  let ledger: TestLedger;
  let policyholderId: string;
  let database: BetterSqlite3.Database;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite');
    const stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(7_001), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' }).expect(201);
    policyholderId = opened.body.policyholderId;
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 30_000, reason: 'certificate pending' }).expect(201);
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: SALARIES }).expect(200);
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' }).expect(201);
    await ledger.command('supervisor', '/v1/rules/active', { version: '2026.1' }).expect(200);
    database = new BetterSqlite3(join(ledger.dataDirectory, 'ledger.sqlite'));
  });
  afterAll(async () => {
    database?.close();
    await ledger?.close();
  });

  const stream = () => `policyholder-${policyholderId}`;
  const eventAt = (type: string) =>
    database.prepare('SELECT position, revision, data, metadata FROM events WHERE stream_id = ? AND type = ?').get(stream(), type) as { position: number; revision: number; data: string; metadata: string };

  it('finds every chain intact and every regularization reproduced', async () => {
    const response = await ledger.get('auditor', '/v1/audit/verify').expect(200);
    // 9 events: the regularization that pays is followed by the PaymentOrdered to the policyholder (#12), and
    // the advance and the payment each by their transfer (#17).
    expect(response.body).toEqual({ ok: true, streamsChecked: 3, eventsChecked: 9, regularizationsChecked: 1, failures: [] });
  });

  it('is for auditors only', async () => {
    expect((await ledger.get('supervisor', '/v1/audit/verify')).status).toBe(403);
    expect((await ledger.get('clerk', '/v1/audit/verify')).status).toBe(403);
  });

  it('reports a regularization whose figures were rewritten, even with its hash chain recomputed', async () => {
    const regularization = eventAt('StoppageRegularized');
    const original = { data: regularization.data, metadata: regularization.metadata };
    const data = { ...JSON.parse(regularization.data), entitlementCents: 60_000, deltaCents: 30_000, paymentCents: 30_000 };
    const previous = database.prepare('SELECT metadata FROM events WHERE stream_id = ? AND revision = ?').get(stream(), regularization.revision - 1) as { metadata: string };
    const metadata = JSON.parse(regularization.metadata);
    metadata.hash = computeEventHash(previous ? JSON.parse(previous.metadata).hash : GENESIS_HASH, { type: 'StoppageRegularized', data, metadata });
    database.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(JSON.stringify(data), JSON.stringify(metadata), regularization.position);
    try {
      const response = await ledger.get('auditor', '/v1/audit/verify').expect(200);
      expect(response.body.ok).toBe(false);
      expect(response.body.failures).toEqual([
        expect.objectContaining({
          streamId: stream(), revision: regularization.revision, kind: 'REGULARIZATION_MISMATCH',
          expected: { entitlementCents: 55_879, deltaCents: 25_879, paymentCents: 25_879 },
          actual: { entitlementCents: 60_000, deltaCents: 30_000, paymentCents: 30_000 },
        }),
        // The forger recomputed the rewritten event's hash, not the next one's: the chain still breaks there.
        expect.objectContaining({ streamId: stream(), revision: regularization.revision + 1, kind: 'HASH_CHAIN' }),
      ]);
    } finally {
      database.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(original.data, original.metadata, regularization.position);
    }
  });

  it('reports an altered advance at its stream and revision, and the regularization it no longer explains', async () => {
    const advance = eventAt('AdvanceIssued');
    database.prepare("UPDATE events SET data = json_set(data, '$.amountCents', 3000) WHERE position = ?").run(advance.position);
    const response = await ledger.get('auditor', '/v1/audit/verify').expect(200);
    expect(response.body.ok).toBe(false);
    expect(response.body.failures).toEqual([
      expect.objectContaining({ streamId: stream(), revision: advance.revision, kind: 'HASH_CHAIN', actual: JSON.parse(advance.metadata).hash }),
      expect.objectContaining({ streamId: stream(), revision: eventAt('StoppageRegularized').revision, kind: 'REGULARIZATION_MISMATCH', expected: expect.objectContaining({ paidBeforeCents: 3_000 }) }),
      // 30.00 € advanced + 258.79 € paid, against transfers of 300.00 € + 258.79 €: 270.00 € were transferred beyond what was decided.
      expect.objectContaining({ streamId: stream(), kind: 'UNRECONCILED_DISBURSEMENTS', actual: expect.objectContaining({ allowancesPaidCents: 28_879, unreconciledCents: -27_000 }) }),
    ]);
  });
});
