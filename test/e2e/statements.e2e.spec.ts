import { randomUUID } from 'node:crypto';
import { formatCents } from '@ij/money';
import { pdfText, printedAmount } from '../support/pdf-text';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * Issues #12 and #17, statements: per month, allowances by the month they are paid (an advance in its own
 * month, never moved to the regularization's), with the CSG and CRDS their transfers withheld, what is taxable
 * ((gross − deductible CSG 3.8 %) × occupational half, ALD exempt), overpayments recovered by offsetting; as
 * JSON and as a PDF read back as text.
 */
const IBAN = 'FR7630006000011234567890189';
const salaries = (months: string[]) => months.map((month) => ({ month, grossCents: 200_000 }));
const JUNE_MONTHS = ['2025-03', '2025-04', '2025-05'];
/** supertest's parser for a binary answer: the raw bytes (the response is a Node stream). */
const binary = (response: unknown, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = response as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe.each(['sqlite', 'postgres'] as const)('statements on the %s store', (kind) => {
  let ledger: TestLedger;
  let serial = 16_000;

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
  });
  afterAll(async () => {
    await ledger?.close();
  });
  beforeEach(() => ledger.setToday('2025-12-01'));

  async function open(body: Record<string, unknown>, nir = testNir(++serial)) {
    const stoppageId = randomUUID();
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir, ...body });
    expect(opened.status).toBe(201);
    const policyholderId = opened.body.policyholderId as string;
    await ledger.command('clerk', `/v1/policyholders/${policyholderId}/bank-account`, { iban: IBAN, holderName: 'Camille Martin' }).expect(200);
    return { stoppageId, policyholderId, nir };
  }
  const certify = (stoppageId: string, months: string[]) => ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries(months) }).expect(200);
  const regularize = (stoppageId: string, through: string) => ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through }).expect(201);
  const statementOf = (policyholderId: string, year = 2025) => ledger.get('clerk', `/v1/policyholders/${policyholderId}/statements/${year}`);

  it('counts an advance in the month it is paid, net of its withholdings, and prints the same totals in the PDF', async () => {
    const { stoppageId, policyholderId, nir } = await open({ kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
    ledger.setToday('2025-10-15');
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 30_000, reason: 'certificate pending' }).expect(201);
    ledger.setToday('2025-11-03');
    await certify(stoppageId, JUNE_MONTHS);
    await regularize(stoppageId, '2025-06-29');

    const response = await statementOf(policyholderId).expect(200);
    const statement = response.body;
    const [october, november] = [statement.months[9], statement.months[10]];
    // The advance, 300.00 €, is October's income: CSG 18.60, CRDS 1.50, net 279.90; deductible CSG 11.40 → taxable 288.60.
    expect(october).toMatchObject({ month: '2025-10', advancesCents: 30_000, allowancesGrossCents: 30_000, csgCents: 1_860, crdsCents: 150, netPaidCents: 27_990, taxableCents: 28_860 });
    expect(october.advances).toEqual([expect.objectContaining({ stoppageId, amountCents: 30_000, issuedOn: '2025-10-15' })]);
    // 17 days × 32.87 € = 558.79 €, of which 300.00 € advanced: the payment is 258.79 € gross; CSG 6.2 % = 16.04 €, net × 0.933 = 241.45 €;
    // deductible CSG 258.79 × 3.8 % = 9.834 → 9.83, taxable 248.96.
    expect(november).toMatchObject({
      month: '2025-11', advancesCents: 0,
      allowancesGrossCents: 25_879, allowancesByKind: { SICKNESS: 25_879 },
      csgCents: 1_604, crdsCents: 130, netPaidCents: 24_145, taxableCents: 24_896,
    });
    expect(statement.totals).toMatchObject({ advancesCents: 30_000, allowancesGrossCents: 55_879, netPaidCents: 52_135, taxableCents: 53_756, overpaymentsRecoveredCents: 0 });

    const pdf = await ledger.get('auditor', `/v1/policyholders/${policyholderId}/statements/2025?format=pdf`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/u);
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain(policyholderId);
    expect(text).toContain('2025');
    expect(text).not.toContain(nir);
    for (const cents of [30_000, 55_879, 1_604, 130, 52_135, 53_756]) expect(text).toContain(printedAmount(formatCents(cents)));
    expect(text).toMatch(/novembre/u);
  });

  it('taxes an occupational stoppage for half and exempts a long-term illness (ALD)', async () => {
    const accident = await open({ kind: 'OCCUPATIONAL_ACCIDENT', startDate: '2025-06-02', endDate: '2025-06-21', accidentDate: '2025-05-30' });
    await certify(accident.stoppageId, ['2025-05']);
    await regularize(accident.stoppageId, '2025-06-21');
    const ald = await open({ kind: 'SICKNESS', startDate: '2025-09-01', endDate: '2025-09-30', ald: { affectionId: 'ALD-8' } }, accident.nir);
    await certify(ald.stoppageId, ['2025-06', '2025-07', '2025-08']);
    await regularize(ald.stoppageId, '2025-09-30');

    const december = (await statementOf(accident.policyholderId).expect(200)).body.months[11];
    // 789.00 € gross, deductible CSG 3.8 % = 29.98 €: (789.00 − 29.98) × 50 % = 379.51 € taxable; the ALD allowances add nothing.
    expect(december.allowancesByKind).toEqual({ OCCUPATIONAL_ACCIDENT: 78_900, SICKNESS: 27 * 3_287 });
    expect(december.taxableCents).toBe(37_951);
  });

  it('shows an overpayment recovered by offsetting from a later payment', async () => {
    const first = await open({ kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
    ledger.setToday('2025-07-01');
    await ledger.command('clerk', `/v1/stoppages/${first.stoppageId}/advances`, { amountCents: 80_000, reason: 'certificate pending' }).expect(201);
    ledger.setToday('2025-08-04');
    await certify(first.stoppageId, JUNE_MONTHS);
    await regularize(first.stoppageId, '2025-06-29');
    ledger.setToday('2025-12-01');
    const second = await open({ kind: 'SICKNESS', startDate: '2025-09-01', endDate: '2025-09-30' }, first.nir);
    await certify(second.stoppageId, ['2025-06', '2025-07', '2025-08']);
    await regularize(second.stoppageId, '2025-09-30');

    const statement = (await statementOf(first.policyholderId).expect(200)).body;
    // 800.00 € advanced in July: net 746.40 € (× 0.933), July's income; nothing moves to August.
    expect(statement.months[6]).toMatchObject({ advancesCents: 80_000, allowancesGrossCents: 80_000, netPaidCents: 74_640 });
    expect(statement.months[7]).toMatchObject({ allowancesGrossCents: 0 });
    expect(statement.months[11]).toMatchObject({ allowancesGrossCents: 27 * 3_287, overpaymentsRecoveredCents: 80_000 - 17 * 3_287 });
    expect(statement.totals.overpaymentsRecoveredCents).toBe(80_000 - 17 * 3_287);
  });

  it('refuses a year outside 2000 … 2100 (400, a field error) and an unknown policyholder (404)', async () => {
    const { policyholderId } = await open({ kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
    const badYear = await statementOf(policyholderId, 1999).expect(400);
    expect(badYear.body.errors).toEqual([{ field: 'year', message: expect.stringMatching(/2000 to 2100/u) }]);
    await ledger.get('clerk', `/v1/policyholders/${policyholderId}/statements/2025?format=docx`).expect(400);
    const unknown = await ledger.get('clerk', '/v1/policyholders/no-such-policyholder/statements/2025').expect(404);
    expect(unknown.body.type).toMatch(/policyholder-not-found$/u);
  });
});
