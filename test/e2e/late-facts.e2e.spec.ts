import { randomUUID } from 'node:crypto';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * api.md "Late facts": facts learnt after money moved are recorded, and the next regularization settles
 * the difference. Every amount below is worked out by hand (ij-rules §3):
 * sickness on 3 × 2 000 € → base 6 000 / 91.25 = 65.75, IJ 50 % = 32.87 €;
 * occupational on May 2 000 € → SJR 2 000 / 30.42 = 65.746… → 65.75, IJ 60 % = 39.45 €.
 */
const salaries = (grossCents = 200_000) => ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents }));
const PROBLEM = /application\/problem\+json/u;

describe.each(['sqlite', 'postgres'] as const)('late facts on the %s store', (kind) => {
  let ledger: TestLedger;
  let serial = 40_000;

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  /**
   * Sickness 2025-06-02..15 on 3 × 2 000 €, settled through its end: 14 days less 3 of carence (R323-1)
   * = 11 × 32.87 = 361.57 € paid.
   */
  async function settledSickness(extra: Record<string, unknown> = {}) {
    const stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(++serial), kind: 'SICKNESS', startDate: '2025-06-02', endDate: '2025-06-15', ...extra });
    expect(opened.status).toBe(201);
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries() }).expect(200);
    const paid = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-15' }).expect(201);
    expect(paid.body).toMatchObject({ entitlementCents: 36_157, paidBeforeCents: 0, deltaCents: 36_157, outcome: 'PAID' });
    return { stoppageId, policyholderId: opened.body.policyholderId as string };
  }

  const regularize = (stoppageId: string, through: string) => ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through });
  const view = async (stoppageId: string) => (await ledger.get('clerk', `/v1/stoppages/${stoppageId}`).expect(200)).body;

  describe('EndStoppageEarly after the stoppage was paid in full', () => {
    it('is accepted, and the next regularization assesses the overpayment that a recovery then collects', async () => {
      const { stoppageId } = await settledSickness();
      const early = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/early-end`, { lastDay: '2025-06-10' });
      expect(early.status).toBe(200);
      expect((await view(stoppageId)).status).toBe('open');
      // 06-02..06-10 = 9 days, 3 of carence: 6 × 32.87 = 197.22 €; 361.57 − 197.22 = 164.35 € overpaid.
      const settled = await regularize(stoppageId, '2025-06-10').expect(201);
      expect(settled.body).toMatchObject({ entitlementCents: 19_722, paidBeforeCents: 36_157, deltaCents: -16_435, outcome: 'OVERPAYMENT_ASSESSED' });
      expect(await view(stoppageId)).toMatchObject({ status: 'closed', lastDay: '2025-06-10', overpaymentOutstandingCents: 16_435 });
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/recoveries`, { amountCents: 16_435 }).expect(201);
      // Paid 361.57 − 164.35 recovered = 197.22 = the entitlement: balance 0.
      expect(await view(stoppageId)).toMatchObject({ entitlementCents: 19_722, paidCents: 19_722, balanceCents: 0, overpaymentOutstandingCents: 0 });
    });
  });

  describe('a corrected salary certificate', () => {
    it('replaces the first for computation, both stay in the history, and the difference is paid', async () => {
      const { stoppageId, policyholderId } = await settledSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries(210_000) }).expect(200);
      // 6 300 / 91.25 = 69.0410… → 69.04; 50 % = 34.52 €; 11 × 34.52 = 379.72 €; 379.72 − 361.57 = 18.15 €.
      const settled = await regularize(stoppageId, '2025-06-15').expect(201);
      expect(settled.body).toMatchObject({ entitlementCents: 37_972, paidBeforeCents: 36_157, deltaCents: 1_815, outcome: 'PAID' });
      const history = await ledger.get('auditor', `/v1/policyholders/${policyholderId}/history`).expect(200);
      const certificates = history.body.filter((event: { type: string }) => event.type === 'SalaryCertificateRecorded');
      expect(certificates.map((event: { data: { salaries: { grossCents: number }[] } }) => event.data.salaries[0].grossCents)).toEqual([200_000, 210_000]);
    });

    it('a lower one makes an overpayment', async () => {
      const { stoppageId } = await settledSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries(190_000) }).expect(200);
      // 5 700 / 91.25 = 62.4657… → 62.47; 50 % = 31.235 → 31.23 €; 11 × 31.23 = 343.53 €; 361.57 − 343.53 = 18.04 € overpaid.
      const settled = await regularize(stoppageId, '2025-06-15').expect(201);
      expect(settled.body).toMatchObject({ entitlementCents: 34_353, deltaCents: -1_804, outcome: 'OVERPAYMENT_ASSESSED' });
    });
  });

  describe('RequalifyStoppage', () => {
    it('recomputes the chain as an occupational accident: 14 × 39.45 = 552.30 €, 190.73 € more paid, and the audit stays clean', async () => {
      const { stoppageId } = await settledSickness();
      const requalified = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/requalification`, { kind: 'OCCUPATIONAL_ACCIDENT', accidentDate: '2025-06-01', recognizedOn: '2025-09-15' });
      expect(requalified.status).toBe(200);
      expect(requalified.body).toEqual({ stoppageId, previousKind: 'SICKNESS', kind: 'OCCUPATIONAL_ACCIDENT' });
      // No carence, the accident the day before the first day: 06-02..15 = 14 days × 39.45 = 552.30; 552.30 − 361.57 = 190.73.
      const settled = await regularize(stoppageId, '2025-06-15').expect(201);
      expect(settled.body).toMatchObject({ entitlementCents: 55_230, paidBeforeCents: 36_157, deltaCents: 19_073, outcome: 'PAID' });
      expect(await view(stoppageId)).toMatchObject({ kind: 'OCCUPATIONAL_ACCIDENT', accidentDate: '2025-06-01', entitlementCents: 55_230, paidCents: 55_230, balanceCents: 0 });
      // The first regularization (sickness, 361.57 €) is still reproduced with the kind it was computed under.
      const audit = await ledger.get('auditor', '/v1/audit/verify').expect(200);
      expect(audit.body.failures).toEqual([]);
      expect(audit.body.ok).toBe(true);
    });

    it('refuses a kind that is not sickness or occupational (400) and a same-kind requalification (409)', async () => {
      const { stoppageId } = await settledSickness();
      const maternity = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/requalification`, { kind: 'MATERNITY', recognizedOn: '2025-09-15' });
      expect(maternity.status).toBe(400);
      expect(maternity.headers['content-type']).toMatch(PROBLEM);
      expect(maternity.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
      const same = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/requalification`, { kind: 'SICKNESS', recognizedOn: '2025-09-15' });
      expect(same.status).toBe(409);
      expect(same.body.type).toMatch(/\/requalification-not-applicable$/u);
    });

    it('answers 400 with one entry per bad field', async () => {
      const { stoppageId } = await settledSickness();
      const response = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/requalification`, { kind: 'OCCUPATIONAL_DISEASE', accidentDate: '2025-06-01', recognizedOn: '2025-13-40' });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['accidentDate', 'recognizedOn']);
    });
  });

  describe('AnnulStoppage', () => {
    it('is for a supervisor: a clerk gets 403', async () => {
      const { stoppageId } = await settledSickness();
      expect((await ledger.command('clerk', `/v1/stoppages/${stoppageId}/annulment`, { reason: 'error' })).status).toBe(403);
    });

    it('makes what was paid an overpayment at the next regularization; only Regularize and RecordRecovery are accepted after it', async () => {
      const { stoppageId } = await settledSickness();
      const annulled = await ledger.command('supervisor', `/v1/stoppages/${stoppageId}/annulment`, { reason: 'entered on the wrong policyholder' });
      expect(annulled.status).toBe(200);
      const settled = await regularize(stoppageId, '2025-06-15').expect(201);
      expect(settled.body).toMatchObject({ entitlementCents: 0, paidBeforeCents: 36_157, deltaCents: -36_157, outcome: 'OVERPAYMENT_ASSESSED' });
      const extension = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/extensions`, { newEndDate: '2025-06-30' });
      expect(extension.status).toBe(409);
      expect(extension.body.type).toMatch(/\/stoppage-annulled$/u);
      const requalification = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/requalification`, { kind: 'OCCUPATIONAL_DISEASE', recognizedOn: '2025-09-15' });
      expect(requalification.body.type).toMatch(/\/stoppage-annulled$/u);
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/recoveries`, { amountCents: 10_000 }).expect(201);
      expect(await view(stoppageId)).toMatchObject({ annulled: { reason: 'entered on the wrong policyholder' }, entitlementCents: 0, paidCents: 26_157, overpaymentOutstandingCents: 26_157 });
      expect((await ledger.get('auditor', '/v1/audit/verify').expect(200)).body.ok).toBe(true);
    });

    it('needs a reason (400)', async () => {
      const { stoppageId } = await settledSickness();
      const response = await ledger.command('supervisor', `/v1/stoppages/${stoppageId}/annulment`, {});
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    });
  });

  describe('employerId on OpenStoppage', () => {
    it('is stored and shown in the stoppage view', async () => {
      const { stoppageId } = await settledSickness({ employerId: '73282932000074' });
      expect((await view(stoppageId)).employerId).toBe('73282932000074');
    });

    it.each([
      ['a Luhn check that fails', '73282932000075'],
      ['13 digits', '7328293200007'],
      ['letters', '7328293200007A'],
    ])('refuses %s with a 400 on employerId', async (_label, employerId) => {
      const response = await ledger.command('clerk', '/v1/stoppages', { stoppageId: randomUUID(), nir: testNir(++serial), kind: 'SICKNESS', startDate: '2025-06-02', endDate: '2025-06-15', employerId });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'employerId' })]);
    });
  });
});
