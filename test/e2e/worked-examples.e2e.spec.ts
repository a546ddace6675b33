import { randomUUID } from 'node:crypto';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * The worked examples published in ij-rules.md §3, followed over HTTP as a back-office user would:
 * open the stoppage, record the certificate, read the explained entitlement, regularize.
 */
describe('published worked examples (ij-rules §3), over HTTP', () => {
  let ledger: TestLedger;
  let serial = 80_000;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function openCertified(body: Record<string, unknown>, salaries: Array<{ month: string; grossCents: number }>) {
    const stoppageId = randomUUID();
    await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(++serial), ...body }).expect(201);
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries }).expect(200);
    return stoppageId;
  }

  it('sickness, 3 × 2 000 € → daily base 65.75 €, IJ 32.87 € (R323-4)', async () => {
    const stoppageId = await openCertified(
      { kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' },
      ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 })),
    );
    const explained = await ledger.get('clerk', `/v1/stoppages/${stoppageId}/entitlement?through=2025-06-29`).expect(200);
    expect(explained.body.dailyBaseCents).toBe(6_575);
    expect(explained.body.days.filter((day: { reason: string }) => day.reason === 'CARENCE')).toHaveLength(3);
    const paid = explained.body.days.filter((day: { paid: boolean }) => day.paid);
    expect(new Set(paid.map((day: { amountCents: number }) => day.amountCents))).toEqual(new Set([3_287]));
    expect(explained.body.entitlementCents).toBe(17 * 3_287);
    expect(explained.body.steps.every((step: { legalRef: string }) => step.legalRef.length > 0)).toBe(true);
  });

  it('occupational accident, 2 000 € → SJR 65.75 €, IJ 39.45 €, 20 days 789.00 € gross, 736.14 € net (R433-1 … R433-4)', async () => {
    const stoppageId = await openCertified(
      { kind: 'OCCUPATIONAL_ACCIDENT', startDate: '2025-06-02', endDate: '2025-06-21', accidentDate: '2025-05-30' },
      [{ month: '2025-05', grossCents: 200_000 }],
    );
    const explained = await ledger.get('clerk', `/v1/stoppages/${stoppageId}/entitlement?through=2025-06-21`).expect(200);
    expect(explained.body).toMatchObject({ dailyBaseCents: 6_575, entitlementCents: 78_900, netEntitlementCents: 73_614 });
    const regularization = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-21' }).expect(201);
    expect(regularization.body).toMatchObject({ entitlementCents: 78_900, paidBeforeCents: 0, deltaCents: 78_900, outcome: 'PAID' });
  });

  it('pays the published maximum itself when the salary cap binds on every month (41.47 €, not 41.46 €)', async () => {
    const stoppageId = await openCertified(
      { kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' },
      ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 500_000 })),
    );
    const explained = await ledger.get('clerk', `/v1/stoppages/${stoppageId}/entitlement?through=2025-06-29`).expect(200);
    expect(explained.body.entitlementCents).toBe(17 * 4_147);
  });

  it('explains the same stoppage under any released rules version', async () => {
    const stoppageId = await openCertified(
      { kind: 'SICKNESS', startDate: '2025-03-20', endDate: '2025-04-10' },
      ['2024-12', '2025-01', '2025-02'].map((month) => ({ month, grossCents: 400_000 })),
    );
    const fixed = await ledger.get('auditor', `/v1/stoppages/${stoppageId}/entitlement?through=2025-04-10&rulesVersion=2026.2`).expect(200);
    const defective = await ledger.get('auditor', `/v1/stoppages/${stoppageId}/entitlement?through=2025-04-10&rulesVersion=2026.1`).expect(200);
    // 19 payable days: at 53.31 € under the fix; 9 × 53.31 € + 10 × 41.47 € under the defective release.
    expect(fixed.body.entitlementCents).toBe(19 * 5_331);
    expect(defective.body.entitlementCents).toBe(9 * 5_331 + 10 * 4_147);
  });
});
