import { randomUUID } from 'node:crypto';
import { startTestLedger, testNir, type TestLedger, untilFinished } from '../support/ledger-harness';

/**
 * Rules 2026.3 over HTTP on each store: a weekend prolongation settled under the active 2026.2, the replay of
 * 2026.3 that finds it, the activation, and the regularization that pays the difference; a therapeutic
 * part-time opened as the prolongation of a sickness stoppage, settled on the chain's certificate.
 * Sickness 3 × 2 245 € (2025-04 … 06): SJB 6 735 ÷ 91.25 = 73.808… → 73.81 €; IJ 36.905 → 36.90 € (R323-4).
 * 2025-07-21 … 25 (Mon–Fri): 3 carence + 2 × 36.90 = 73.80 €. Prolongation 07-28 … 08-02 (Mon–Sat, 07-28 − 07-25 = 3):
 * 2026.2, its own carence: 3 × 36.90 = 110.70 €; 2026.3, the chain continues: 6 × 36.90 = 221.40 € (ij-rules §4).
 */
const SALARIES_2245 = ['2025-04', '2025-05', '2025-06'].map((month) => ({ month, grossCents: 224_500 }));

describe.each(['sqlite', 'postgres'] as const)('rules 2026.3 on the %s store', (kind) => {
  let ledger: TestLedger;
  const root = randomUUID();
  const prolongation = randomUUID();
  const partTime = randomUUID();

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function finished(replayId: string) {
    const response = await untilFinished(ledger, 'auditor', `/v1/replays/${replayId}`, 200);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('replays a weekend prolongation paid 110.70 € under 2026.2 at 221.40 €, and pays the 110.70 € once 2026.3 is active', async () => {
    const nir = testNir(9_300);
    await ledger.command('clerk', '/v1/stoppages', { stoppageId: root, nir, kind: 'SICKNESS', startDate: '2025-07-21', endDate: '2025-07-25' }).expect(201);
    await ledger.command('clerk', `/v1/stoppages/${root}/salary-certificate`, { salaries: SALARIES_2245 }).expect(200);
    await ledger.command('clerk', '/v1/stoppages', { stoppageId: prolongation, nir, kind: 'SICKNESS', startDate: '2025-07-28', endDate: '2025-08-02', prolongationOf: root }).expect(201);
    // Under 2026.2 it is a chain of its own: it needs its own certificate (the same months, both start in July).
    await ledger.command('clerk', `/v1/stoppages/${prolongation}/salary-certificate`, { salaries: SALARIES_2245 }).expect(200);
    await ledger.command('clerk', `/v1/stoppages/${root}/regularizations`, { through: '2025-07-25' }).expect(201);
    const before = await ledger.command('clerk', `/v1/stoppages/${prolongation}/regularizations`, { through: '2025-08-02' }).expect(201);
    expect(before.body).toMatchObject({ rulesVersion: '2026.2', entitlementCents: 11_070 });

    const started = await ledger.command('auditor', '/v1/replays', { rulesVersion: '2026.3', through: '2025-08-02' }).expect(202);
    const replay = await finished(started.body.replayId);
    expect(replay).toMatchObject({ status: 'done', rulesVersion: '2026.3', currentRulesVersion: '2026.2', affected: 1, underpaidCents: 11_070, overpaidCents: 0 });
    const diff = await ledger.get('supervisor', `/v1/replays/${started.body.replayId}/diff`).expect(200);
    expect(diff.body.rows).toEqual([
      expect.objectContaining({ stoppageId: prolongation, kind: 'SICKNESS', currentCents: 11_070, replayedCents: 22_140, paidCents: 11_070, deltaCents: 11_070, settlementCents: 11_070 }),
    ]);

    await ledger.command('supervisor', '/v1/rules/active', { version: '2026.3' }).expect(200);
    try {
      const after = await ledger.command('clerk', `/v1/stoppages/${prolongation}/regularizations`, { through: '2025-08-02' }).expect(201);
      expect(after.body).toMatchObject({ rulesVersion: '2026.3', entitlementCents: 22_140, paidBeforeCents: 11_070, deltaCents: 11_070 });

      // A therapeutic part-time prolonging a sickness stoppage: recorded (no longer a kind mismatch), and settled
      // on the chain's certificate without one of its own: 2025-08-03 … 08-16, 14 days × min(36.90, 20.00) = 280.00 €.
      await ledger.command('clerk', '/v1/stoppages', { stoppageId: partTime, nir, kind: 'THERAPEUTIC_PART_TIME', startDate: '2025-08-03', endDate: '2025-08-16', prolongationOf: prolongation, dailyLossOfEarningsCents: 2_000 }).expect(201);
      const settled = await ledger.command('clerk', `/v1/stoppages/${partTime}/regularizations`, { through: '2025-08-16' }).expect(201);
      expect(settled.body).toMatchObject({ rulesVersion: '2026.3', entitlementCents: 28_000 });
    } finally {
      await ledger.command('supervisor', '/v1/rules/active', { version: '2026.2' }).expect(200);
    }
  });
});
