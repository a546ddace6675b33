import { randomUUID } from 'node:crypto';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';

/** Issue 21, low: the auditor's history showed full IBANs; it masks them as every other answer does. */
describe("the auditor's history masks IBANs", () => {
  let ledger: TestLedger;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('masks the policyholder account, the employer account and the payment creditor, keeping the last 4 characters', async () => {
    const stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(71_001), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
    const policyholderId = opened.body.policyholderId as string;
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 })) }).expect(200);
    await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: 'FR7630006000011234567890189', holderName: 'Camille Martin' }).expect(200);
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/subrogations`, { employerId: 'siret-1', from: '2025-06-13', to: '2025-06-22', employerIban: 'FR7630004000031234567890143', employerName: 'Ateliers Durand SARL' });
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' }).expect(201);

    const history = await ledger.get('auditor', `/v1/policyholders/${policyholderId}/history`).expect(200);
    const text = JSON.stringify(history.body);
    expect(text).not.toContain('FR7630006000011234567890189');
    expect(text).not.toContain('FR7630004000031234567890143');
    expect(text).not.toMatch(/FR76\d{4}/u);
    const account = history.body.find((entry: { type: string }) => entry.type === 'BankAccountRecorded');
    expect(account.data.account).toEqual({ iban: '***********************0189', holderName: 'Camille Martin' });
    const orders = history.body.filter((entry: { type: string }) => entry.type === 'PaymentOrdered');
    expect(orders.map((entry: { data: { creditorAccount: { iban: string } } }) => entry.data.creditorAccount.iban).sort()).toEqual(['***********************0143', '***********************0189']);

    // Bounded answers: at most `limit` entries, and the revision to continue after (issue 21).
    const all = history.body as Array<{ revision: number }>;
    expect(history.headers['ledger-history-next']).toBeUndefined();
    const first = await ledger.get('auditor', `/v1/policyholders/${policyholderId}/history?limit=2`).expect(200);
    expect(first.body.map((entry: { revision: number }) => entry.revision)).toEqual(all.slice(0, 2).map((entry) => entry.revision));
    expect(first.headers['ledger-history-next']).toBe(String(all[1].revision));
    const rest = await ledger.get('auditor', `/v1/policyholders/${policyholderId}/history?after=${first.headers['ledger-history-next']}`).expect(200);
    expect(rest.body.map((entry: { revision: number }) => entry.revision)).toEqual(all.slice(2).map((entry) => entry.revision));
    expect((await ledger.get('auditor', `/v1/policyholders/${policyholderId}/history?limit=1001`)).status).toBe(400);
  });
});
