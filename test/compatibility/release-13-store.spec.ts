import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@ij/event-store';
import { startTestLedger, type TestLedger } from '../support/ledger-harness';

/**
 * A store written by release 13 (before transfers): its events, in their old shapes, appended as that
 * release wrote them — BankAccountRecorded v1 (no actor, no confirmation), PaymentOrdered without a
 * TransferOrdered, PaymentRunCompleted v1 holding its payments. The new release loads it, finds the same
 * amounts, still serves the old run's bank file, reconciles the old payments as paid before transfers,
 * and pays new money to the old account (it does not wait for a confirmation).
 */
const POLICYHOLDER = 'release13-policyholder';
const IBAN = 'FR7630006000011234567890189';
const ACCOUNT = { iban: IBAN, holderName: 'Release Thirteen' };
const SALARIES = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));

function envelope(type: string, data: unknown, schemaVersion = 1): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { actor: 'clerk-1', correlationId: 'release-13', causationId: 'release-13', recordedAt: '2025-07-01T10:00:00.000Z', schemaVersion } };
}

describe.each(['sqlite', 'postgres'] as const)('a store written by release 13, on the %s store', (kind) => {
  let ledger: TestLedger;
  const stoppageId = randomUUID();
  const secondStoppage = randomUUID();
  const regularizationId = randomUUID();
  const runId = randomUUID();
  const paymentId = `${regularizationId.replace(/-/gu, '')}H`;
  // 17 payable days × 32.87 € = 558.79 €; 300.00 € advanced, 258.79 € paid: net 241.45 € (× 0.933), CSG 16.04, CRDS 1.30.
  const payment = { paymentId, stoppageId, regularizationId, payee: 'POLICYHOLDER', creditorAccount: ACCOUNT, grossCents: 25_879, offsetCents: 0, transferredGrossCents: 25_879, csgCents: 1_604, crdsCents: 130, netCents: 24_145, orderedOn: '2025-07-01' };

  beforeAll(async () => {
    ledger = await startTestLedger(kind, '2025-07-01');
    const events = ledger.ledger.storage.events;
    await events.append(`stoppage-${stoppageId}`, [envelope('StoppageIdReserved', { stoppageId, policyholderId: POLICYHOLDER })], { expectedRevision: 'no_stream' });
    await events.append(
      `policyholder-${POLICYHOLDER}`,
      [
        envelope('StoppageOpened', { stoppageId, policyholderId: POLICYHOLDER, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29', openedOn: '2025-06-10' }),
        envelope('BankAccountRecorded', { policyholderId: POLICYHOLDER, account: ACCOUNT, recordedOn: '2025-06-10' }),
        envelope('AdvanceIssued', { stoppageId, advanceId: randomUUID(), amountCents: 30_000, reason: 'certificate pending', issuedOn: '2025-06-15' }),
        envelope('SalaryCertificateRecorded', { stoppageId, salaries: SALARIES, recordedOn: '2025-06-30' }),
        envelope('StoppageRegularized', { stoppageId, regularizationId, through: '2025-06-29', rulesVersion: '2026.2', entitlementCents: 55_879, paidBeforeCents: 30_000, overpaymentOutstandingBeforeCents: 0, deltaCents: 25_879, outcome: 'PAID', paymentCents: 25_879, overpaymentAssessedCents: 0, overpaymentCancelledCents: 0, regularizedOn: '2025-07-01' }),
        envelope('PaymentOrdered', payment),
        envelope('StoppageOpened', { stoppageId: secondStoppage, policyholderId: POLICYHOLDER, kind: 'SICKNESS', startDate: '2025-07-10', endDate: '2025-07-31', prolongationOf: stoppageId, openedOn: '2025-07-10' }),
      ],
      { expectedRevision: 'no_stream' },
    );
    await events.append(`stoppage-${secondStoppage}`, [envelope('StoppageIdReserved', { stoppageId: secondStoppage, policyholderId: POLICYHOLDER })], { expectedRevision: 'no_stream' });
    await events.append(
      `payment-run-${runId}`,
      [
        envelope('PaymentRunStarted', { runId, through: '2025-06-30', requestedBy: 'supervisor-1', startedAt: '2025-07-01T10:00:00.000Z' }),
        envelope('PaymentRunCompleted', { runId, through: '2025-06-30', rulesVersion: '2026.2', completedAt: '2025-07-01T10:05:00.000Z', processed: 1, total: 1, regularized: 1, paidCount: 1, paidGrossCents: 25_879, offsetCents: 0, paidCents: 24_145, skipped: [], payments: [payment] }),
      ],
      { expectedRevision: 'no_stream' },
    );
    await ledger.command('supervisor', '/v1/rules/active', { version: '2026.2' }).expect(200);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('finds the same amounts: 558.79 € due, 558.79 € paid, nothing owed', async () => {
    const balance = await ledger.get('clerk', `/v1/policyholders/${POLICYHOLDER}/balance?through=2025-06-29`).expect(200);
    expect(balance.body).toMatchObject({ entitlementCents: 55_879, paidCents: 55_879, balanceCents: 0, returnedOwedCents: 0 });
  });

  it("still serves the old run and its bank file, written from the payments its completion held", async () => {
    const run = await ledger.get('supervisor', `/v1/payment-runs/${runId}`).expect(200);
    expect(run.body).toMatchObject({ status: 'done', paidCount: 1, exported: { count: 1, netCents: 24_145 } });
    expect(run.body.legacyPayments).toBeUndefined();
    const file = await ledger.get('supervisor', `/v1/payment-runs/${runId}/pain001`).expect(200);
    expect(file.text).toContain(`<EndToEndId>${paymentId}</EndToEndId>`);
    expect(file.text).toContain('<InstdAmt Ccy="EUR">241.45</InstdAmt>');
  });

  it('reconciles the old payments as paid before transfers, and the audit finds nothing wrong', async () => {
    const report = await ledger.get('auditor', '/v1/reports/disbursements?through=2025-12-31').expect(200);
    expect(report.body).toMatchObject({ allowancesPaidCents: 55_879, paidBeforeTransfersCents: 55_879, unreconciledCents: 0, transfers: { ORDERED: { count: 0 } } });
    const audit = await ledger.get('auditor', '/v1/audit/verify').expect(200);
    expect(audit.body).toMatchObject({ ok: true, failures: [] });
  });

  it('pays new money to the account release 13 recorded, without waiting for a confirmation, and never re-exports the old payment', async () => {
    ledger.setToday('2025-07-20');
    const advance = await ledger.command('clerk', `/v1/stoppages/${secondStoppage}/advances`, { amountCents: 10_000, reason: 'prolongation' }).expect(201);
    const started = await ledger.command('supervisor', '/v1/payment-runs', { through: '2025-07-19' }).expect(202);
    let run;
    for (let attempt = 0; attempt < 400; attempt++) {
      run = await ledger.get('supervisor', `/v1/payment-runs/${started.body.runId}`);
      if (run.body.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // 100.00 € advanced: net 93.30 € (× 0.933).
    expect(run!.body).toMatchObject({ status: 'done', exported: { count: 1, netCents: 9_330 } });
    const file = await ledger.get('supervisor', `/v1/payment-runs/${started.body.runId}/pain001`).expect(200);
    expect(file.text).toContain(`<EndToEndId>${(advance.body.advanceId as string).replace(/-/gu, '')}A</EndToEndId>`);
    expect(file.text).not.toContain(paymentId);
  });
});
