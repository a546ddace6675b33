import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { camt054Document, pain002Document } from '@ij/application';
import { startTestLedger, testNir, type TestLedger, untilFinished } from '../support/ledger-harness';

/**
 * Issue #17 done-when, end to end: an advance → a payment run → its pain.001 holds it; a camt.054 return →
 * owed again, account unusable → a new IBAN, held until a second person confirms it (#21) → the next run
 * pays it once; the bank's reports applied twice change nothing; the reconciliation stays at 0.
 */
const XSD = readFileSync(join(__dirname, '..', 'fixtures', 'pain.001.001.03.xsd'), 'utf8');
const FIRST_IBAN = 'FR7630006000011234567890189';
const NEW_IBAN = 'FR7630004000031234567890143';
// 300.00 € advanced: CSG 300 × 6.2 % = 18.60 €, net 300 × 0.933 = 279.90 €, CRDS the rest 1.50 € (ij-rules §5).
const ADVANCE_CENTS = 30_000;
const NET_CENTS = 27_990;

describe.each(['sqlite', 'postgres'] as const)('money that moves on the %s store', (kind) => {
  let ledger: TestLedger;

  beforeAll(async () => {
    ledger = await startTestLedger(kind, '2025-12-01');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  const finished = (runId: string) => untilFinished(ledger, 'supervisor', `/v1/payment-runs/${runId}`);

  /** A payment run through the day before today, and its bank file (or the refusal). */
  async function paymentRun(today: string, through: string) {
    ledger.setToday(today);
    const started = await ledger.command('supervisor', '/v1/payment-runs', { through });
    expect(started.status).toBe(202);
    const run = await finished(started.body.runId);
    expect(run.body.status).toBe('done');
    const file = await ledger.get('supervisor', `/v1/payment-runs/${started.body.runId}/pain001`);
    return { run: run.body, file };
  }

  async function validPain001(xml: string) {
    const validation = await validateXML({ xml: [{ fileName: 'run.xml', contents: xml }], schema: [{ fileName: 'pain.001.001.03.xsd', contents: XSD }] });
    expect(validation.errors).toEqual([]);
  }

  const postReport = (xml: string, role: 'supervisor' | 'clerk' = 'supervisor', contentType = 'application/xml') =>
    ledger.http.post('/v1/bank-reports').set('Authorization', `Bearer ${role === 'supervisor' ? 'test-supervisor-key-00001' : 'test-clerk-key-0000000001'}`).set('Content-Type', contentType).send(xml);

  it('pays an advance, takes it back on a return, holds a changed IBAN until confirmed, then pays it once', async () => {
    const stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(17_001), kind: 'SICKNESS', startDate: '2025-11-03', endDate: '2025-11-28' });
    const policyholderId = opened.body.policyholderId as string;
    expect((await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: FIRST_IBAN, holderName: 'Jeanne Martin' })).body.awaitsConfirmation).toBe(false);
    const advance = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: ADVANCE_CENTS, reason: 'certificate pending' });
    expect(advance.status).toBe(201);
    const transferId = `${(advance.body.advanceId as string).replace(/-/gu, '')}A`;

    // 1. The advance is a transfer, net of CSG and CRDS, and the next run's pain.001 carries it.
    const ordered = await ledger.get('clerk', `/v1/policyholders/${policyholderId}/transfers`);
    expect(ordered.body.items).toEqual([expect.objectContaining({ transferId, source: 'ADVANCE', status: 'ORDERED', grossCents: 30_000, csgCents: 1_860, crdsCents: 150, netCents: NET_CENTS, orderedOn: '2025-12-01' })]);
    const first = await paymentRun('2025-12-01', '2025-11-30');
    expect(first.run.exported).toEqual({ count: 1, netCents: NET_CENTS, byPayee: { POLICYHOLDER: { count: 1, netCents: NET_CENTS }, EMPLOYER: { count: 0, netCents: 0 } } });
    expect(first.file.status).toBe(200);
    await validPain001(first.file.text);
    expect(first.file.text).toContain(`<EndToEndId>${transferId}</EndToEndId>`);
    expect(first.file.text).toContain('<InstdAmt Ccy="EUR">279.90</InstdAmt>');
    expect(first.file.text).toContain(`<IBAN>${FIRST_IBAN}</IBAN>`);

    // 2. The bank returns it (closed account): owed again, the account unusable; the same report twice changes nothing.
    const camt = camt054Document({ messageId: 'CAMT-RETURN-1', createdOn: '2025-12-02', entries: [{ endToEndId: transferId, amountCents: NET_CENTS, bookedOn: '2025-12-02', returned: { reasonCode: 'AC04', reasonText: 'Closed account' } }, { endToEndId: 'NOT-OURS-0001', amountCents: 100, bookedOn: '2025-12-02' }] });
    expect((await postReport(camt, 'clerk')).status).toBe(403);
    const applied = await postReport(camt);
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({ messageId: 'CAMT-RETURN-1', settled: 0, returned: 1, unknown: ['NOT-OURS-0001'], alreadyApplied: 0 });
    expect((await postReport(camt)).body).toEqual({ messageId: 'CAMT-RETURN-1', settled: 0, returned: 0, unknown: ['NOT-OURS-0001'], alreadyApplied: 1 });
    const balance = await ledger.get('clerk', `/v1/policyholders/${policyholderId}/balance?through=2025-11-30`);
    // The advance never reached the policyholder: nothing is paid, 300 € returned and owed again.
    expect(balance.body).toMatchObject({ paidCents: 0, returnedOwedCents: ADVANCE_CENTS });

    // 3. The next run cannot pay it: the account the bank refused is unusable.
    const second = await paymentRun('2025-12-02', '2025-12-01');
    expect(second.run.exported.count).toBe(0);
    // (The stoppage itself waits for its salary certificate: listed too, without a transfer.)
    expect(second.run.skipped.filter((item: { transferId?: string }) => item.transferId)).toEqual([expect.objectContaining({ transferId, reason: 'BANK_ACCOUNT_UNUSABLE' })]);
    expect(second.file.status).toBe(409);

    // 4. A new IBAN, changed by a clerk, waits for a supervisor who is not that clerk (#21).
    const changed = await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: NEW_IBAN, holderName: 'Jeanne Martin' });
    expect(changed.body.awaitsConfirmation).toBe(true);
    const third = await paymentRun('2025-12-03', '2025-12-02');
    expect(third.run.skipped.filter((item: { transferId?: string }) => item.transferId)).toEqual([expect.objectContaining({ transferId, reason: 'BANK_ACCOUNT_UNCONFIRMED' })]);
    expect((await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account/confirmation`, {})).status).toBe(403);
    const confirmed = await ledger.command('supervisor', `/v1/policyholders/${policyholderId}/bank-account/confirmation`, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ policyholderId, confirmedBy: 'supervisor-1' });

    // 5. The next run orders it again, under a new EndToEndId, to the new account: once.
    const fourth = await paymentRun('2025-12-04', '2025-12-03');
    expect(fourth.run).toMatchObject({ reordered: 1, exported: { count: 1, netCents: NET_CENTS } });
    await validPain001(fourth.file.text);
    expect(fourth.file.text.match(/<CdtTrfTxInf>/gu)).toHaveLength(1);
    expect(fourth.file.text).toContain(`<IBAN>${NEW_IBAN}</IBAN>`);
    expect(fourth.file.text).not.toContain(`<EndToEndId>${transferId}</EndToEndId>`);
    const transfers = (await ledger.get('auditor', `/v1/policyholders/${policyholderId}/transfers`)).body.items;
    expect(transfers).toEqual([
      expect.objectContaining({ transferId, status: 'RETURNED', returnReason: { code: 'AC04', text: 'Closed account', rejected: false }, reorderedAs: transfers[1].transferId }),
      expect.objectContaining({ source: 'REORDER', replaces: transferId, status: 'EXPORTED', netCents: NET_CENTS, creditorIban: expect.stringMatching(/0143$/u) }),
    ]);
    expect(transfers[1].transferId.length).toBeLessThanOrEqual(35);
    const fifth = await paymentRun('2025-12-05', '2025-12-04');
    expect(fifth.run.exported.count).toBe(0);

    // 6. Booked: settled once; the balance is paid again, and the reconciliation holds.
    const booked = camt054Document({ messageId: 'CAMT-BOOKED-1', createdOn: '2025-12-06', entries: [{ endToEndId: transfers[1].transferId, amountCents: NET_CENTS, bookedOn: '2025-12-06' }] });
    expect((await postReport(booked)).body).toEqual({ messageId: 'CAMT-BOOKED-1', settled: 1, returned: 0, unknown: [], alreadyApplied: 0 });
    expect((await ledger.get('clerk', `/v1/policyholders/${policyholderId}/balance?through=2025-11-30`)).body).toMatchObject({ paidCents: ADVANCE_CENTS, returnedOwedCents: 0 });
    const settledPage = await ledger.get('supervisor', '/v1/transfers?status=SETTLED');
    expect(settledPage.body.items.map((transfer: { transferId: string }) => transfer.transferId)).toEqual([transfers[1].transferId]);
    const report = await ledger.get('auditor', '/v1/reports/disbursements?through=2025-12-31');
    expect(report.body).toMatchObject({
      allowancesPaidCents: ADVANCE_CENTS,
      paidBeforeTransfersCents: 0,
      transfers: { SETTLED: { count: 1, grossCents: ADVANCE_CENTS, netCents: NET_CENTS }, RETURNED: { count: 0 }, ORDERED: { count: 0 }, EXPORTED: { count: 0 } },
      returnedAndReordered: { count: 1, grossCents: ADVANCE_CENTS },
      unreconciledCents: 0,
    });
  });

  it('treats a pain.002 rejection as a return, refuses the same actor confirming their own change, and answers 400 on a bad document', async () => {
    ledger.setToday('2025-12-10');
    const stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(17_002), kind: 'SICKNESS', startDate: '2025-11-03', endDate: '2025-11-28' });
    const policyholderId = opened.body.policyholderId as string;
    await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: FIRST_IBAN, holderName: 'Paul Durand' });
    const advance = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: ADVANCE_CENTS, reason: 'certificate pending' });
    const transferId = `${(advance.body.advanceId as string).replace(/-/gu, '')}A`;
    const run = await paymentRun('2025-12-10', '2025-12-09');
    expect(run.file.text).toContain(`<EndToEndId>${transferId}</EndToEndId>`);

    const rejection = pain002Document({ messageId: 'PAIN002-1', createdOn: '2025-12-11', originalMessageId: run.run.runId.replace(/-/gu, ''), rejections: [{ endToEndId: transferId, amountCents: NET_CENTS, reasonCode: 'AC01', reasonText: 'Incorrect account number' }] });
    expect((await postReport(rejection)).body).toEqual({ messageId: 'PAIN002-1', settled: 0, returned: 1, unknown: [], alreadyApplied: 0 });
    const [rejected] = (await ledger.get('clerk', `/v1/policyholders/${policyholderId}/transfers`)).body.items;
    expect(rejected).toMatchObject({ status: 'RETURNED', returnReason: { code: 'AC01', rejected: true } });

    // The admin key holds clerk and supervisor: it may change the IBAN, not confirm its own change.
    await ledger.command('admin', `/v1/policyholders/${policyholderId}/bank-account`, { iban: NEW_IBAN, holderName: 'Paul Durand' });
    const own = await ledger.command('admin', `/v1/policyholders/${policyholderId}/bank-account/confirmation`, {});
    expect(own.status).toBe(409);
    expect(own.body.type).toMatch(/bank-account-confirmation-by-same-actor$/u);

    const invalid = await postReport('<Document><NotAReport/></Document>');
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toMatch(/application\/problem\+json/u);
    expect(invalid.body.errors.length).toBeGreaterThan(0);
    expect((await postReport(rejection, 'supervisor', 'application/json')).status).toBe(415);
  });
});
