import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { camt054Document } from '@ij/bank-files';
import { csvCell } from '@ij/projections';
import { pdfText } from '../support/pdf-text';
import { startTestLedger, TEST_KEYS, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * Issue #18, where is my money, over HTTP on both stores: the status a clerk reads on the phone (what each
 * stoppage waits for and who must act), the timeliness report on a small history whose delays are worked
 * out by hand, and the missing certificates by employer as JSON, CSV and one PDF reminder letter per employer.
 * Payment runs are planned on the 5th and 20th (LEDGER_PAYMENT_RUN_DAYS).
 */
const IBAN = 'FR7630006000011234567890189';
const EMPLOYER_IBAN = 'FR7630004000031234567890143';
const SIRET = '73282932000074';
const salaries = (months: string[]) => months.map((month) => ({ month, grossCents: 200_000 }));
const JUNE_MONTHS = ['2025-03', '2025-04', '2025-05'];
const binary = (response: unknown, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = response as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};
const CLI = join(__dirname, '..', '..', 'dist', 'apps', 'ledger-cli', 'src', 'main.js');
const run = promisify(execFile);
const plain = (text: string) => text.replace(/[\u00a0\u202f]/gu, ' ');

describe.each(['sqlite', 'postgres'] as const)('where is my money on the %s store', (kind) => {
  let ledger: TestLedger;
  let serial = 18_000;

  beforeAll(async () => {
    ledger = await startTestLedger(kind, '2025-12-01', 1_000_000, { LEDGER_PAYMENT_RUN_DAYS: '5,20' });
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function open(body: Record<string, unknown>, { account = true, months }: { account?: boolean; months?: string[] } = {}) {
    const stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(++serial), ...body }).expect(201);
    const policyholderId = opened.body.policyholderId as string;
    if (account) await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: IBAN, holderName: `Holder ${serial}` }).expect(200);
    if (months) await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries(months) }).expect(200);
    return { stoppageId, policyholderId };
  }
  /** Starts the payment run through `through` (today) and waits for it to finish. */
  async function payThrough(through: string) {
    const { runId } = (await ledger.command('supervisor', '/v1/payment-runs', { through }).expect(202)).body;
    for (let attempt = 0; attempt < 400; attempt++) {
      const run = await ledger.get('supervisor', `/v1/payment-runs/${runId}`).expect(200);
      if (run.body.status !== 'running') return run.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the payment run did not finish');
  }
  const statusOf = async (policyholderId: string) => (await ledger.get('clerk', `/v1/policyholders/${policyholderId}/status`).expect(200)).body;

  describe('the status of a policyholder', () => {
    // Sickness 10–29 June 2025 (20 days): carence 10–12 June, 17 payable days × 32.87 € = 558.79 €. Today 10 July 2025.
    const JUNE = { kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' };
    beforeEach(() => ledger.setToday('2025-07-10'));

    it('EMPLOYER: the salary certificate is missing', async () => {
      const { policyholderId, stoppageId } = await open(JUNE);
      const status = await statusOf(policyholderId);
      expect(status.stoppages[0]).toMatchObject({
        stoppageId, paidThrough: null, pendingCents: 0, pendingKnown: false,
        blockedBy: { reason: 'MISSING_SALARY_CERTIFICATE', since: '2025-06-10', waitingFor: 'EMPLOYER' },
        message: { code: 'MISSING_SALARY_CERTIFICATE', text: expect.stringContaining("l'attestation de salaire de votre employeur depuis le 10 juin 2025") },
      });
      expect(status.stoppages[0].nextPaymentOn).toBeUndefined();
      // 10–29 June, nothing received: 20 days.
      expect(status.daysWithoutIncome).toBe(20);
    });

    it('POLICYHOLDER: computed and due, no bank account', async () => {
      const { policyholderId } = await open(JUNE, { account: false, months: JUNE_MONTHS });
      expect((await statusOf(policyholderId)).stoppages[0]).toMatchObject({
        pendingCents: 55_879, pendingKnown: true,
        blockedBy: { reason: 'NO_BANK_ACCOUNT', since: '2025-06-10', waitingFor: 'POLICYHOLDER' },
      });
    });

    it('paid through the last payment run, the rest planned for the next run (20 July)', async () => {
      ledger.setToday('2025-06-20');
      const { policyholderId } = await open(JUNE, { months: JUNE_MONTHS });
      // The run of 20 June pays 13–20 June: 8 days × 32.87 € = 262.96 €; 21–29 June, 9 days = 295.83 € pending on 10 July.
      await payThrough('2025-06-20');
      ledger.setToday('2025-07-10');
      const status = await statusOf(policyholderId);
      expect(status.stoppages[0]).toMatchObject({ paidThrough: '2025-06-20', pendingCents: 29_583, nextPaymentOn: '2025-07-20', message: { code: 'PAYMENT_PLANNED' } });
      expect(status.stoppages[0].blockedBy).toBeUndefined();
      expect(plain(status.stoppages[0].message.text)).toBe("Cet arrêt est payé jusqu'au 20 juin 2025. 295,83 € sont en attente et seront versés lors du prochain paiement, le 20 juillet 2025.");
      // 21–29 June not covered yet: 9 days.
      expect(status.daysWithoutIncome).toBe(9);
    });

    it('BANK, then FUND: the bank returned the transfer; a new IBAN waits for a supervisor; once confirmed, the next run', async () => {
      // (A run is named by its date: the run of 20 June is the previous test's.)
      ledger.setToday('2025-06-21');
      const { policyholderId } = await open(JUNE, { months: JUNE_MONTHS });
      await payThrough('2025-06-21');
      const [transfer] = (await ledger.get('clerk', `/v1/policyholders/${policyholderId}/transfers`).expect(200)).body.items;
      const camt = camt054Document({ messageId: `CAMT-${policyholderId.slice(0, 8)}`, createdOn: '2025-06-23', entries: [{ endToEndId: transfer.transferId, amountCents: transfer.netCents, bookedOn: '2025-06-23', returned: { reasonCode: 'AC04', reasonText: 'Closed account' } }] });
      await ledger.http.post('/v1/bank-reports').set('Authorization', `Bearer ${TEST_KEYS.supervisor}`).set('Content-Type', 'application/xml').send(camt).expect(200);
      ledger.setToday('2025-07-10');
      // 13–21 June (295.83 €) came back: nothing is paid; all 17 days, 558.79 €, pending.
      expect((await statusOf(policyholderId)).stoppages[0]).toMatchObject({
        paidThrough: null, pendingCents: 55_879,
        blockedBy: { reason: 'TRANSFER_RETURNED', since: '2025-06-23', waitingFor: 'BANK', returnReasonCode: 'AC04' },
      });
      await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: EMPLOYER_IBAN, holderName: 'New account' }).expect(200);
      expect((await statusOf(policyholderId)).stoppages[0]).toMatchObject({ blockedBy: { reason: 'BANK_ACCOUNT_UNCONFIRMED', since: '2025-07-10', waitingFor: 'FUND' } });
      await ledger.command('supervisor', `/v1/policyholders/${policyholderId}/bank-account/confirmation`, {}).expect(200);
      const ready = (await statusOf(policyholderId)).stoppages[0];
      expect(ready).toMatchObject({ pendingCents: 55_879, nextPaymentOn: '2025-07-20', message: { code: 'PAYMENT_PLANNED' } });
      expect(ready.blockedBy).toBeUndefined();
    });

    it('an annulled stoppage owes nothing, and no employer is reminded of it', async () => {
      const { policyholderId, stoppageId } = await open({ ...JUNE, employerId: '35600000000048' });
      await ledger.command('supervisor', `/v1/stoppages/${stoppageId}/annulment`, { reason: 'entered in error' }).expect(200);
      const status = await statusOf(policyholderId);
      expect(status.stoppages[0]).toMatchObject({ pendingCents: 0, message: { code: 'ANNULLED' } });
      expect(status.stoppages[0].blockedBy).toBeUndefined();
      expect(status.daysWithoutIncome).toBe(0);
      const report = (await ledger.get('supervisor', '/v1/reports/missing-certificates').expect(200)).body;
      expect(report.employers.flatMap((employer: { stoppages: { stoppageId: string }[] }) => employer.stoppages.map((row) => row.stoppageId))).not.toContain(stoppageId);
    });

    it('answers 404 for an unknown policyholder and 403 to an auditor', async () => {
      await ledger.get('clerk', '/v1/policyholders/no-such-policyholder/status').expect(404);
      await ledger.get('auditor', '/v1/policyholders/no-such-policyholder/status').expect(403);
    });
  });

  describe('the timeliness report', () => {
    /**
     * March 2024, reported on 15 April 2024:
     * X sickness 4–17 March, certificate, account: carence 4–6, payable 7–17 March (11 days), regularized through
     *   17 March on 20 March and exported by the payment run of 20 March. Delays 7→13 days, 8→12, … 17→3:
     *   sorted 3 … 13; p50 = rank ⌈5.5⌉ = 6 → 8; p90 = rank ⌈9.9⌉ = 10 → 12; max 13.
     * Y sickness 4–10 March, no certificate: payable 7–10 March (4 days) waiting, the longest 7 March → 15 April = 39 days;
     *   nothing paid 42 days after it started: listed, MISSING_SALARY_CERTIFICATE (EMPLOYER).
     */
    it('gives every figure of a small history worked out by hand', async () => {
      ledger.setToday('2024-03-04');
      const x = await open({ kind: 'SICKNESS', startDate: '2024-03-04', endDate: '2024-03-17' }, { months: ['2023-12', '2024-01', '2024-02'] });
      const y = await open({ kind: 'SICKNESS', startDate: '2024-03-04', endDate: '2024-03-10' });
      ledger.setToday('2024-03-20');
      await ledger.command('clerk', `/v1/stoppages/${x.stoppageId}/regularizations`, { through: '2024-03-17' }).expect(201);
      await payThrough('2024-03-20');
      ledger.setToday('2024-04-15');
      const report = (await ledger.get('auditor', '/v1/reports/timeliness?from=2024-03-01&to=2024-03-31').expect(200)).body;
      expect(report).toMatchObject({ from: '2024-03-01', to: '2024-03-31', asOf: '2024-04-15', payableDays: 15 });
      expect(report.delays).toEqual({ days: 11, p50: 8, p90: 12, max: 13 });
      expect(report.byKind.find((row: { kind: string }) => row.kind === 'SICKNESS')).toEqual({ kind: 'SICKNESS', days: 11, p50: 8, p90: 12, max: 13 });
      expect(report.waiting).toEqual({ days: 4, longestDays: 39 });
      // 0–7: 3 … 7 (5 days); 8–14: 8 … 13 (6 days).
      expect(report.distribution.slice(0, 3)).toEqual([{ bucket: '0-7', days: 5 }, { bucket: '8-14', days: 6 }, { bucket: '15-30', days: 0 }]);
      // Weeks of 4 March (X 7–10 → 13 12 11 10; Y 7–10 waiting), 11 March (X 11–17 → 9 … 3).
      expect(report.byWeek).toEqual([
        { weekOf: '2024-03-04', days: 4, p50: 11, p90: 13, max: 13, waitingDays: 4 },
        { weekOf: '2024-03-11', days: 7, p50: 6, p90: 9, max: 9, waitingDays: 0 },
      ]);
      expect(report.unpaidAfter30Days).toEqual({
        stoppages: 1, policyholders: 1,
        byReason: [{ reason: 'MISSING_SALARY_CERTIFICATE', waitingFor: 'EMPLOYER', stoppages: 1, policyholders: 1 }],
        rows: [{ policyholderId: y.policyholderId, stoppageId: y.stoppageId, kind: 'SICKNESS', startDate: '2024-03-04', daysSinceStart: 42, reason: 'MISSING_SALARY_CERTIFICATE', waitingFor: 'EMPLOYER', since: '2024-03-04' }],
      });

      if (kind !== 'sqlite') return;
      // `ledger report timeliness` on the same store: the delays do not depend on the day it is run.
      const cli = await run(process.execPath, [CLI, 'report', 'timeliness', '--from', '2024-03-01', '--to', '2024-03-31', '--format', 'json'], { env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: ledger.dataDirectory, LOG_LEVEL: 'silent' } });
      const fromCli = JSON.parse(cli.stdout);
      expect(fromCli).toMatchObject({ payableDays: 15, delays: { days: 11, p50: 8, p90: 12, max: 13 }, waiting: { days: 4 } });
      const table = await run(process.execPath, [CLI, 'report', 'timeliness', '--from', '2024-03-01', '--to', '2024-03-31'], { env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: ledger.dataDirectory, LOG_LEVEL: 'silent' } });
      expect(table.stdout).toContain('p50 8, p90 12, max 13 (11 days paid)');
    }, 120_000);

    it('refuses a window that ends before it starts (400, one entry for to) and a clerk (403)', async () => {
      const refused = await ledger.get('supervisor', '/v1/reports/timeliness?from=2024-03-31&to=2024-03-01').expect(400);
      expect(refused.body.errors).toEqual([{ field: 'to', message: expect.stringMatching(/from/u) }]);
      await ledger.get('supervisor', '/v1/reports/timeliness?from=2024-02-30').expect(400);
      await ledger.get('clerk', '/v1/reports/timeliness').expect(403);
    });
  });

  describe('the missing certificates', () => {
    it('lists them per employer as JSON and CSV, and writes one reminder letter per employer', async () => {
      ledger.setToday('2025-06-10');
      // The employer's SIRET given at opening (api.md "Late facts") says who owes the certificate.
      const waiting = await open({ kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29', employerId: SIRET });
      ledger.setToday('2025-08-01');
      // 10 June → 1 August: 52 days.
      const report = (await ledger.get('supervisor', '/v1/reports/missing-certificates?olderThan=30').expect(200)).body;
      const employer = report.employers.find((row: { employerId: string | null }) => row.employerId === SIRET);
      expect(employer).toEqual({
        employerId: SIRET, oldestWaitingDays: 52,
        stoppages: [{ employerId: SIRET, policyholderId: waiting.policyholderId, stoppageId: waiting.stoppageId, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29', missingMonths: JUNE_MONTHS, waitingDays: 52 }],
      });
      const recent = (await ledger.get('supervisor', '/v1/reports/missing-certificates?olderThan=53').expect(200)).body;
      expect(recent.employers.find((row: { employerId: string | null }) => row.employerId === SIRET)).toBeUndefined();

      const csv = await ledger.get('supervisor', '/v1/reports/missing-certificates?olderThan=30&format=csv').expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/u);
      expect(csv.text.split('\r\n')).toContain(`${SIRET},${csvCell(waiting.policyholderId)},${waiting.stoppageId},SICKNESS,2025-06-10,2025-06-29,2025-03 2025-04 2025-05,52`);

      const pdf = await ledger.get('supervisor', '/v1/reports/missing-certificates?olderThan=30&format=pdf').buffer(true).parse(binary).expect(200);
      expect(pdf.headers['content-type']).toMatch(/^application\/pdf/u);
      const text = await pdfText(pdf.body as Buffer);
      expect(text).toContain(`Établissement SIRET ${SIRET}`);
      expect(text).toContain('attestation de salaire manquante');
      expect(text).toContain(waiting.stoppageId);
      expect(text).toContain('2025-03 2025-04 2025-05');
      expect(text).toContain('1er août 2025');

      if (kind !== 'sqlite') return;
      // The same report from the command line, on the same store (its clock is the real one: the waits are longer).
      const cli = (...args: string[]) => run(process.execPath, [CLI, 'report', 'missing-certificates', ...args], { env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: ledger.dataDirectory, LOG_LEVEL: 'silent' } });
      const cliCsv = (await cli('--older-than', '30', '--format', 'csv')).stdout;
      expect(cliCsv.split('\r\n')[0]).toBe('employerId,policyholderId,stoppageId,kind,startDate,endDate,missingMonths,waitingDays');
      expect(cliCsv).toContain(`${SIRET},${csvCell(waiting.policyholderId)},${waiting.stoppageId},SICKNESS,2025-06-10,2025-06-29,2025-03 2025-04 2025-05,`);
      expect((await cli('--older-than', '30')).stdout).toMatch(new RegExp(`${SIRET} +1 +\\d+`, 'u'));
      const letters = join(ledger.dataDirectory, 'letters.pdf');
      expect((await cli('--older-than', '30', '--format', 'pdf', '--out', letters)).stdout).toMatch(/reminder letters written/u);
      expect(await pdfText(readFileSync(letters))).toContain(`Établissement SIRET ${SIRET}`);
      await expect(cli('--older-than', 'ten')).rejects.toMatchObject({ stderr: expect.stringMatching(/--older-than/u) });
    }, 120_000);

    it('refuses a bad olderThan or format (400) and an auditor (403)', async () => {
      const refused = await ledger.get('supervisor', '/v1/reports/missing-certificates?olderThan=-3&format=docx').expect(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['format', 'olderThan']);
      await ledger.get('auditor', '/v1/reports/missing-certificates').expect(403);
    });
  });
});
