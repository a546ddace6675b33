import { randomUUID } from 'node:crypto';
import { policyholderStream } from '@ij/ledger';
import { startTestLedger, testNir, type TestLedger, untilFinished } from '../support/ledger-harness';

/**
 * Issue 21, high: a settlement never goes backwards. A Regularize through an earlier day than the settled one
 * is refused (409); overlapping payment runs with different dates never book a fictitious overpayment.
 */
const IBAN = 'FR7630006000011234567890189';
const salaries = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));
/** Daily allowance of a 2 000 € salary: 6 000 € / 91.25 = 65.75 €, half truncated = 32.87 € (ij-rules §3). */
const DAILY_CENTS = 3_287;

describe.each(['sqlite', 'postgres'] as const)('settlement never goes backwards on the %s store', (kind) => {
  let ledger: TestLedger;
  let serial = 21_000;

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function certifiedStoppage() {
    const stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(++serial), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
    const policyholderId = opened.body.policyholderId as string;
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries });
    await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: IBAN, holderName: `Holder ${serial}` });
    return { stoppageId, policyholderId };
  }

  const finished = async (runId: string) => (await untilFinished(ledger, 'supervisor', `/v1/payment-runs/${runId}`)).body;

  const regularizations = async (policyholderId: string) =>
    (await ledger.ledger.storage.events.readStream(policyholderStream(policyholderId)))
      .filter((event) => event.type === 'StoppageRegularized')
      .map((event) => event.data as { outcome: string; paymentCents: number; overpaymentAssessedCents: number });

  it('refuses with 409 a Regularize through 06-15 of a stoppage settled through 06-29, and books nothing', async () => {
    const { stoppageId, policyholderId } = await certifiedStoppage();
    expect((await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' })).status).toBe(201);
    const before = await regularizations(policyholderId);
    const backwards = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-15' });
    expect(backwards.status).toBe(409);
    expect(backwards.headers['content-type']).toMatch(/application\/problem\+json/u);
    expect(backwards.body).toMatchObject({ type: expect.stringMatching(/\/regularization-before-settled-date$/u), through: '2025-06-15', settledThrough: '2025-06-29' });
    expect(await regularizations(policyholderId)).toEqual(before);
  });

  it.each([
    ['the earlier date first', '2025-06-20', '2025-06-25', 'early-first'],
    ['the later date first', '2025-06-27', '2025-06-22', 'late-first'],
  ])('two overlapping payment runs, %s, pay each stoppage once through the later date and assess no overpayment', async (_label, first, second) => {
    const stoppages = [];
    for (let index = 0; index < 6; index++) stoppages.push(await certifiedStoppage());
    const [one, two] = await Promise.all([
      ledger.command('supervisor', '/v1/payment-runs', { through: first }),
      ledger.command('supervisor', '/v1/payment-runs', { through: second }),
    ]);
    expect([one.status, two.status]).toEqual([202, 202]);
    await finished(one.body.runId);
    await finished(two.body.runId);
    const later = first > second ? first : second;
    // From 06-10 through the later date: days − 3 of carence, × 32.87 €.
    const daysThroughLater = Number(later.slice(8)) - 10 + 1;
    const dueCents = (daysThroughLater - 3) * DAILY_CENTS;
    for (const { policyholderId } of stoppages) {
      const recorded = await regularizations(policyholderId);
      expect(recorded.filter((regularization) => regularization.outcome === 'OVERPAYMENT_ASSESSED')).toEqual([]);
      expect(recorded.reduce((sum, regularization) => sum + regularization.paymentCents, 0)).toBe(dueCents);
    }
    const audit = await ledger.get('auditor', '/v1/audit/verify');
    expect(audit.body.ok).toBe(true);
  });

  it('a later run through an earlier date lists the stoppages settled beyond it as SETTLED_LATER', async () => {
    const { stoppageId } = await certifiedStoppage();
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-26' });
    const started = await ledger.command('supervisor', '/v1/payment-runs', { through: '2025-06-18' });
    const run = await finished(started.body.runId);
    expect(run.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ stoppageId, reason: 'SETTLED_LATER' })]));
  });
});
