import { randomUUID } from 'node:crypto';
import { policyholderStream } from '@ij/ledger';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * Issue #12, payees: the policyholder's bank account (IBAN checked, masked in answers), an employer
 * subrogated for some days (paid those days' allowances), and an overpayment deducted from a later
 * payment, end to end over HTTP on each store.
 */
const IBAN = 'FR7630006000011234567890189';
const EMPLOYER_IBAN = 'FR7630004000031234567890143';
const salaries = (months: string[]) => months.map((month) => ({ month, grossCents: 200_000 }));
const JUNE_MONTHS = ['2025-03', '2025-04', '2025-05'];

describe.each(['sqlite', 'postgres'] as const)('payees on the %s store', (kind) => {
  let ledger: TestLedger;
  let serial = 12_000;

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  /** A certified 20-day sickness stoppage (2025-06-10 … 2025-06-29): 17 days × 32.87 € after carence. */
  async function certifiedStoppage(nir = testNir(++serial), startDate = '2025-06-10', endDate = '2025-06-29', months = JUNE_MONTHS) {
    const stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir, kind: 'SICKNESS', startDate, endDate });
    expect(opened.status).toBe(201);
    expect((await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries(months) })).status).toBe(200);
    return { stoppageId, policyholderId: opened.body.policyholderId as string, nir };
  }

  it("records the policyholder's bank account and answers it masked", async () => {
    const { policyholderId } = await certifiedStoppage();
    const response = await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: 'FR76 3000 6000 0112 3456 7890 189', holderName: 'Camille Martin' });
    expect(response.status).toBe(200);
    // The first account a payee records does not wait for a confirmation (#21).
    expect(response.body).toEqual({ policyholderId, iban: '***********************0189', holderName: 'Camille Martin', awaitsConfirmation: false });
    expect(JSON.stringify(response.body)).not.toContain('30006');
    const balance = await ledger.get('clerk', `/v1/policyholders/${policyholderId}/balance`);
    expect(balance.body.bankAccount).toEqual({ iban: '***********************0189', holderName: 'Camille Martin' });
  });

  it('refuses an IBAN whose check digits or length are wrong (400, one entry per field, the IBAN not repeated)', async () => {
    const { policyholderId } = await certifiedStoppage();
    const response = await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: 'FR7730006000011234567890189', holderName: '' });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['holderName', 'iban']);
    expect(JSON.stringify(response.body)).not.toContain('30006000011234567890189');
    const short = await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: 'FR763000600001123456789018', holderName: 'X' });
    expect(short.body.errors).toEqual([{ field: 'iban', message: expect.stringMatching(/27 characters/u) }]);
  });

  it('answers 404 for a policyholder the ledger does not know', async () => {
    const response = await ledger.command('clerk', '/v1/policyholders/no-such-policyholder/bank-account', { iban: IBAN, holderName: 'X' });
    expect(response.status).toBe(404);
    expect(response.body.type).toMatch(/policyholder-not-found$/u);
  });

  it("pays the subrogated days to the employer and the rest to the policyholder; the balance shows both payees", async () => {
    const { stoppageId, policyholderId } = await certifiedStoppage();
    await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: IBAN, holderName: 'Camille Martin' });
    const subrogation = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/subrogations`, {
      employerId: 'siret-12345678900017', from: '2025-06-13', to: '2025-06-22', employerIban: EMPLOYER_IBAN, employerName: 'Ateliers Durand SARL',
    });
    expect(subrogation.status).toBe(201);
    expect(subrogation.body).toEqual({ subrogationId: expect.any(String), stoppageId, employerId: 'siret-12345678900017', from: '2025-06-13', to: '2025-06-22', employerIban: '***********************0143' });

    const regularized = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' });
    expect(regularized.body).toMatchObject({ entitlementCents: 17 * 3_287, outcome: 'PAID' });
    const stored = await ledger.ledger.storage.events.readStream(policyholderStream(policyholderId));
    const orders = stored.filter((event) => event.type === 'PaymentOrdered').map((event) => event.data as { payee: string; grossCents: number; netCents: number });
    expect(orders.map(({ payee, grossCents }) => ({ payee, grossCents }))).toEqual([
      { payee: 'EMPLOYER', grossCents: 10 * 3_287 },
      { payee: 'POLICYHOLDER', grossCents: 7 * 3_287 },
    ]);

    const balance = await ledger.get('clerk', `/v1/policyholders/${policyholderId}/balance?through=2025-06-29`);
    expect(balance.body.stoppages[0].payees).toEqual([
      { payee: 'POLICYHOLDER', entitlementCents: 7 * 3_287, paidCents: 7 * 3_287, balanceCents: 0 },
      { payee: 'EMPLOYER', employerId: 'siret-12345678900017', entitlementCents: 10 * 3_287, paidCents: 10 * 3_287, balanceCents: 0 },
    ]);
  });

  it('refuses a subrogation outside the stoppage (409), dates in the wrong order (400), and an unknown employer without an IBAN (409)', async () => {
    const { stoppageId } = await certifiedStoppage();
    const outside = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/subrogations`, { employerId: 'e1', from: '2025-06-01', to: '2025-06-12', employerIban: EMPLOYER_IBAN, employerName: 'E' });
    expect(outside.status).toBe(409);
    expect(outside.body.type).toMatch(/subrogation-outside-stoppage$/u);
    const reversed = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/subrogations`, { employerId: 'e1', from: '2025-06-20', to: '2025-06-12' });
    expect(reversed.status).toBe(400);
    const noAccount = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/subrogations`, { employerId: 'e1', from: '2025-06-12', to: '2025-06-20' });
    expect(noAccount.status).toBe(409);
    expect(noAccount.body.type).toMatch(/employer-bank-account-unknown$/u);
  });

  it("deducts an overpayment from the policyholder's next payment and links both (L133-4-1)", async () => {
    const first = await certifiedStoppage();
    await ledger.command('clerk', `/v1/policyholders/${first.policyholderId}/bank-account`, { iban: IBAN, holderName: 'Camille Martin' });
    await ledger.command('clerk', `/v1/stoppages/${first.stoppageId}/advances`, { amountCents: 80_000, reason: 'certificate pending' });
    const assessed = await ledger.command('clerk', `/v1/stoppages/${first.stoppageId}/regularizations`, { through: '2025-06-29' });
    expect(assessed.body).toMatchObject({ outcome: 'OVERPAYMENT_ASSESSED' });
    const overpaidCents = 80_000 - 17 * 3_287;

    const second = await certifiedStoppage(first.nir, '2025-09-01', '2025-09-30', ['2025-06', '2025-07', '2025-08']);
    const before = await ledger.get('clerk', `/v1/policyholders/${first.policyholderId}/balance?through=2025-09-30`);
    expect(before.body.overpayments).toEqual({ recoverableCents: overpaidCents, timeBarredCents: 0, timeBarred: [] });

    const paid = await ledger.command('clerk', `/v1/stoppages/${second.stoppageId}/regularizations`, { through: '2025-09-30' });
    expect(paid.body).toMatchObject({ outcome: 'PAID', deltaCents: 27 * 3_287 });
    const stored = await ledger.ledger.storage.events.readStream(policyholderStream(first.policyholderId));
    const offset = stored.find((event) => event.type === 'OverpaymentOffset')!.data as Record<string, unknown>;
    const order = stored.filter((event) => event.type === 'PaymentOrdered').at(-1)!.data as Record<string, unknown>;
    expect(offset).toMatchObject({ overpaymentStoppageId: first.stoppageId, paymentStoppageId: second.stoppageId, paymentId: order.paymentId, amountCents: overpaidCents });
    expect(order).toMatchObject({ grossCents: 27 * 3_287, offsetCents: overpaidCents, transferredGrossCents: 27 * 3_287 - overpaidCents });

    const after = await ledger.get('clerk', `/v1/policyholders/${first.policyholderId}/balance?through=2025-09-30`);
    expect(after.body.overpaymentOutstandingCents).toBe(0);
    expect(after.body.overpayments.recoverableCents).toBe(0);
    expect(after.body.balanceCents).toBe(0);
  });
});
