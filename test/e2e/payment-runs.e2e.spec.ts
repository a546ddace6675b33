import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { policyholderStream } from '@ij/ledger';
import { derivedId, paymentRunIdOf, PolicyholderLedger, runCommandContext } from '@ij/application';
import { startTestLedger, testNir, type TestLedger, untilFinished } from '../support/ledger-harness';

/**
 * Issue #12, payment runs: one idempotent batch settles every stoppage with a certificate and an amount
 * due, lists what it skipped and why, resumes after a crash without paying twice, and exports an ISO
 * 20022 pain.001.001.03 file that validates against the official schema.
 */
const XSD = readFileSync(join(__dirname, '..', 'fixtures', 'pain.001.001.03.xsd'), 'utf8');
const IBAN = 'FR7630006000011234567890189';
const EMPLOYER_IBAN = 'FR7630004000031234567890143';
const THROUGH = '2025-11-30';
const salaries = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));

describe.each(['sqlite', 'postgres'] as const)('payment runs on the %s store', (kind) => {
  let ledger: TestLedger;
  let serial = 14_000;

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function stoppage({ certificate = true, bankAccount = true } = {}) {
    const stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(++serial), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
    const policyholderId = opened.body.policyholderId as string;
    if (certificate) await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries });
    if (bankAccount) await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: IBAN, holderName: `Holder ${serial}` });
    return { stoppageId, policyholderId };
  }

  const finished = (runId: string) => untilFinished(ledger, 'supervisor', `/v1/payment-runs/${runId}`, 200);

  const eventsOf = async (policyholderId: string) => ledger.ledger.storage.events.readStream(policyholderStream(policyholderId));

  it('pays every stoppage due, skips the others with a reason, resumes without paying twice, and exports a valid pain.001', async () => {
    const paid = await stoppage();
    const subrogated = await stoppage();
    await ledger.command('clerk', `/v1/stoppages/${subrogated.stoppageId}/subrogations`, { employerId: 'siret-1', from: '2025-06-13', to: '2025-06-22', employerIban: EMPLOYER_IBAN, employerName: 'Ateliers Durand SARL' });
    const noAccount = await stoppage({ bankAccount: false });
    const noCertificate = await stoppage({ certificate: false });
    const alreadyPaid = await stoppage();
    await ledger.command('clerk', `/v1/stoppages/${alreadyPaid.stoppageId}/regularizations`, { through: '2025-06-29' });

    // A crash after the run had settled one stoppage: that Regularize is already recorded under the run's key.
    const runId = paymentRunIdOf(THROUGH);
    const crashed = runCommandContext(runId, paid.stoppageId, THROUGH);
    await ledger.ledger.app.get(PolicyholderLedger).decideOnStoppage({ type: 'Regularize', stoppageId: paid.stoppageId, regularizationId: derivedId(crashed, 'regularization'), through: THROUGH }, crashed);

    expect((await ledger.command('clerk', '/v1/payment-runs', { through: THROUGH })).status).toBe(403);
    const started = await ledger.command('supervisor', '/v1/payment-runs', { through: THROUGH });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ runId });
    const run = await finished(runId);
    expect(run.body).toMatchObject({ runId, through: THROUGH, status: 'done', paidCount: 3, paidGrossCents: 2 * 17 * 3_287 });
    // 3 transfers: the first policyholder, and the subrogated stoppage's employer and policyholder.
    expect(run.body.skipped).toEqual(expect.arrayContaining([
      expect.objectContaining({ stoppageId: noAccount.stoppageId, reason: 'NO_BANK_ACCOUNT' }),
      expect.objectContaining({ stoppageId: noCertificate.stoppageId, reason: 'MISSING_SALARY_CERTIFICATE' }),
    ]));
    expect(run.body.skipped).toHaveLength(2);
    expect(run.body.skippedCount).toBe(2);
    expect(run.body.skippedNext).toBeUndefined();
    // A page at a time (issue 21: a national run may skip tens of thousands): one, then the other, each once.
    const first = await ledger.get('supervisor', `/v1/payment-runs/${runId}?limit=1`).expect(200);
    expect(first.body).toMatchObject({ skippedCount: 2, skippedNext: '1' });
    const second = await ledger.get('supervisor', `/v1/payment-runs/${runId}?limit=1&after=${first.body.skippedNext}`).expect(200);
    expect(second.body.skippedNext).toBeUndefined();
    expect([...first.body.skipped, ...second.body.skipped]).toEqual(run.body.skipped);
    const badCursor = await ledger.get('supervisor', `/v1/payment-runs/${runId}?after=x`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors).toEqual([{ field: 'after', message: expect.any(String) }]);
    // The stoppage settled before the crash was regularized once, and is in the run's file.
    expect((await eventsOf(paid.policyholderId)).filter((event) => event.type === 'StoppageRegularized')).toHaveLength(1);

    const file = await ledger.get('supervisor', `/v1/payment-runs/${runId}/pain001`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/application\/xml/u);
    const validation = await validateXML({ xml: [{ fileName: 'run.xml', contents: file.text }], schema: [{ fileName: 'pain.001.001.03.xsd', contents: XSD }] });
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);
    // The run's 3 transfers, and the clerk's Regularize of the fourth stoppage (#17: every payment is a transfer).
    expect(file.text.match(/<CdtTrfTxInf>/gu)).toHaveLength(4);
    expect(run.body.exported).toMatchObject({ count: 4, byPayee: { EMPLOYER: { count: 1 }, POLICYHOLDER: { count: 3 } } });
    // 17 × 32.87 € = 558.79 € gross, less CSG and CRDS: × 0.933 = 521.35 € net (ij-rules §3).
    expect(file.text).toContain('<InstdAmt Ccy="EUR">521.35</InstdAmt>');
  });

  it('re-running the same run is a no-op: same id, nobody paid twice', async () => {
    const again = await ledger.command('supervisor', '/v1/payment-runs', { through: THROUGH });
    expect(again.body).toEqual({ runId: paymentRunIdOf(THROUGH) });
    const run = await finished(again.body.runId);
    expect(run.body.status).toBe('done');
    expect(run.body.paidCount).toBe(3);
  });

  it('refuses a run through a future date, and answers 404 for an unknown run', async () => {
    const future = await ledger.command('supervisor', '/v1/payment-runs', { through: '2026-01-31' });
    expect(future.status).toBe(409);
    expect(future.body.type).toMatch(/payment-run-in-future$/u);
    expect((await ledger.get('supervisor', '/v1/payment-runs/unknown')).status).toBe(404);
  });
});
