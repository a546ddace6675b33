import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateXML } from 'xmllint-wasm';
import { camt054Document } from '@ij/bank-files';
import { pdfText } from '../support/pdf-text';

/**
 * The story README tells, command for command, on the compiled CLI (test/global-setup.js builds it): seed the
 * Arpège population, see the backlog, replay the fixed rules version to find who the defect underpaid and by
 * how much, activate the fix, settle everyone with `replay --apply`; then the corrections of rules 2026.3 (rules
 * diff and check, replay against the active 2026.2, activate, apply), ending with an empty backlog and a clean
 * audit; then the payment run (its bank file valid against the pain.001 schema) and a statement. The
 * timeliness report is read before the fix and after it is applied and paid.
 */
const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', 'dist', 'apps', 'ledger-cli', 'src', 'main.js');
const XSD = readFileSync(join(__dirname, '..', 'fixtures', 'pain.001.001.03.xsd'), 'utf8');

describe('the Arpège story (README)', () => {
  let dataDirectory: string;
  const ledger = (...args: string[]) =>
    run(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: dataDirectory, LEDGER_POLICYHOLDER_SECRET: 'story-secret-0123456789abcdef0123' }, maxBuffer: 64 * 1024 * 1024 });

  beforeAll(() => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-story-'));
  });
  afterAll(() => {
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('finds who the defect underpaid, settles them; then releases 2026.3, settles who its corrections change, and ends with an empty backlog and a clean audit', async () => {
    await ledger('seed', '--policyholders', '200', '--scenario', 'arpege');

    const before = JSON.parse((await ledger('report', 'backlog', '--format', 'json')).stdout);
    expect(before.rulesVersion).toBe('2026.1');
    expect(before.totals.count).toBeGreaterThan(0);

    // How late the money is before the fix: some payable days of 2026 still wait (advances never regularized).
    const timeliness = async () => JSON.parse((await ledger('report', 'timeliness', '--from', '2026-01-01', '--to', '2026-10-31', '--format', 'json')).stdout);
    const lateBefore = await timeliness();
    expect(lateBefore.rulesVersion).toBe('2026.1');
    expect(lateBefore.payableDays).toBeGreaterThan(0);
    expect(lateBefore.waiting.days).toBeGreaterThan(0);
    expect(lateBefore.delays.days + lateBefore.waiting.days).toBe(lateBefore.payableDays);

    const diffFile = join(dataDirectory, 'diff.csv');
    const replay = await ledger('replay', '--rules', '2026.2', '--through', '2026-10-31', '--out', diffFile);
    expect(replay.stdout).toContain('against the active 2026.1');
    const rows = readFileSync(diffFile, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    expect(rows.length).toBeGreaterThan(0);
    // Every row the fix changes is an underpayment of a sickness or therapeutic part-time stoppage (the defect's reach).
    for (const row of rows) {
      expect(['SICKNESS', 'THERAPEUTIC_PART_TIME']).toContain(row[2]);
      expect(Number(row[6])).toBeGreaterThan(0);
    }

    await ledger('rules', 'activate', '2026.2');
    const applied = await ledger('replay', '--rules', '2026.2', '--through', '2026-10-31', '--apply');
    expect(applied.stdout).toMatch(/applied: \d+ regularizations/u);
    // Every payment replay --apply decided is a transfer, ORDERED until a payment run exports it (#17).
    const ordered = JSON.parse((await ledger('report', 'disbursements')).stdout);
    expect(ordered.transfers.ORDERED.count).toBeGreaterThan(0);
    expect(ordered.unreconciledCents).toBe(0);

    // What 2026.2 cannot settle is left: the leaves started in 2024 (no 2024 maternity minimum in 2026.1 / 2026.2).
    // Through the scenario's today, as the replays: a long-term illness prescribed into 2027 owes its later days.
    const after = JSON.parse((await ledger('report', 'backlog', '--through', '2026-10-31', '--format', 'json')).stdout);
    expect(after.rulesVersion).toBe('2026.2');
    expect(after.totals.count).toBeGreaterThan(0);
    for (const row of after.rows) expect(['MATERNITY', 'PATERNITY']).toContain(row.kind);
    const audit = await ledger('audit', 'verify');
    expect(audit.stdout).toMatch(/^OK: .* 0 failures/mu);

    // Applying again pays nobody twice.
    const again = await ledger('replay', '--rules', '2026.2', '--through', '2026-10-31', '--apply');
    expect(again.stdout).toMatch(/applied: 0 regularizations|nothing to settle/u);

    // Release 2026.3 (ij-rules 2026-11 corrections): what it changes, then who it changes and by how much, against the active 2026.2.
    const rulesDiff = await ledger('rules', 'diff', '2026.2', '2026.3');
    expect(rulesDiff.stdout).toContain('behaviour aldLimit: PAID_DAYS_PER_AFFECTION → PERIOD_DATE_TO_DATE');
    expect((await ledger('rules', 'check')).stdout).toMatch(/^OK: 3 versions/mu);
    const correctionsFile = join(dataDirectory, 'diff-2026.3.csv');
    const corrections = await ledger('replay', '--rules', '2026.3', '--through', '2026-10-31', '--out', correctionsFile);
    expect(corrections.stdout).toContain('against the active 2026.2');
    const correctionRows = readFileSync(correctionsFile, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    // Weekend prolongations (sickness, occupational accident), part-time after a full-time stoppage, leaves of 2024.
    expect(new Set(correctionRows.map((row) => row[2]))).toEqual(new Set(['SICKNESS', 'OCCUPATIONAL_ACCIDENT', 'THERAPEUTIC_PART_TIME', leaveKindOf(after.rows)]));
    for (const row of correctionRows) expect(Number(row[7])).toBeGreaterThan(0);

    await ledger('rules', 'activate', '2026.3');
    const correctionsApplied = await ledger('replay', '--rules', '2026.3', '--through', '2026-10-31', '--apply');
    expect(correctionsApplied.stdout).toMatch(new RegExp(`applied: ${correctionRows.length} regularizations`, 'u'));
    const settled = JSON.parse((await ledger('report', 'backlog', '--through', '2026-10-31', '--format', 'json')).stdout);
    expect(settled.rulesVersion).toBe('2026.3');
    expect(settled.totals).toEqual({ count: 0, amountCents: 0 });
    expect((await ledger('audit', 'verify')).stdout).toMatch(/^OK: .* 0 failures/mu);

    // The payment run settles what replay --apply left (every seeded policyholder has a bank account): it may pay
    // remainders or nothing; either way it completes, and its bank file is a valid pain.001.
    const bankFile = join(dataDirectory, 'pain001.xml');
    const paid = await ledger('pay', '--through', '2026-10-31', '--out', bankFile);
    expect(paid.stdout).toMatch(/^payment run \S+ through 2026-10-31: \d+ payments, .* ordered; \d+ transfers exported \(.*\); \d+ skipped$/mu);
    expect(paid.stdout).not.toMatch(/NO_BANK_ACCOUNT/u);
    // Its bank file carries every transfer replay --apply ordered (and the seed's advances, and its own), each once.
    const exported = Number(/; (\d+) transfers exported/u.exec(paid.stdout)![1]);
    const reconciled = JSON.parse((await ledger('report', 'disbursements')).stdout);
    expect(reconciled.transfers.ORDERED.count).toBe(0);
    expect(reconciled.transfers.EXPORTED.count).toBe(exported);
    expect(exported).toBeGreaterThanOrEqual(ordered.transfers.ORDERED.count);
    expect(reconciled.unreconciledCents).toBe(0);
    const xml = readFileSync(bankFile, 'utf8');
    expect(xml.match(/<CdtTrfTxInf>/gu)).toHaveLength(exported);
    expect(new Set(xml.match(/<EndToEndId>[^<]+<\/EndToEndId>/gu)).size).toBe(exported);
    const validation = await validateXML({ xml: [{ fileName: 'pain001.xml', contents: xml }], schema: [{ fileName: 'pain.001.001.03.xsd', contents: XSD }] });
    expect(validation.errors).toEqual([]);

    // The bank books the first two transfers (camt.054): `ledger bank-report` settles them; the same file again changes nothing.
    const transactions = [...xml.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>\s*<\/PmtId>\s*<Amt>\s*<InstdAmt Ccy="EUR">(\d+)\.(\d{2})<\/InstdAmt>/gu)].slice(0, 2);
    expect(transactions).toHaveLength(2);
    const camtFile = join(dataDirectory, 'camt054.xml');
    writeFileSync(camtFile, camt054Document({
      messageId: 'ARPEGE-CAMT-1',
      createdOn: '2026-11-02',
      entries: transactions.map(([, endToEndId, euros, cents]) => ({ endToEndId, amountCents: Number(`${euros}${cents}`), bookedOn: '2026-11-02' })),
    }));
    expect(JSON.parse((await ledger('bank-report', camtFile)).stdout)).toEqual({ messageId: 'ARPEGE-CAMT-1', settled: 2, returned: 0, unknown: [], alreadyApplied: 0 });
    expect(JSON.parse((await ledger('bank-report', camtFile)).stdout)).toMatchObject({ settled: 0, alreadyApplied: 2 });

    // After the fixes are applied and paid, no payable day waits any more (2026.3 may count a few more payable
    // days: a weekend prolongation continues its chain); the days that waited were paid late, so the worst delay
    // is now at least the longest wait before (both counted up to today).
    const lateAfter = await timeliness();
    expect(lateAfter.rulesVersion).toBe('2026.3');
    expect(lateAfter.waiting).toEqual({ days: 0, longestDays: null });
    expect(lateAfter.delays.days).toBe(lateAfter.payableDays);
    expect(lateAfter.delays.max).toBeGreaterThanOrEqual(lateBefore.waiting.longestDays);
    expect(lateAfter.unpaidAfter30Days.stoppages).toBeLessThanOrEqual(lateBefore.unpaidAfter30Days.stoppages);

    // A policyholder the backlog listed: their 2026 statement has months with allowances paid, and its PDF prints the totals.
    const policyholderId = before.rows[0].policyholderId as string;
    const statement = JSON.parse((await ledger('statement', '--policyholder', policyholderId, '--year', '2026')).stdout);
    expect(statement.months).toHaveLength(12);
    expect(statement.months.some((month: { allowancesGrossCents: number }) => month.allowancesGrossCents > 0)).toBe(true);
    expect(statement.totals.netPaidCents).toBeGreaterThan(0);
    const pdfFile = join(dataDirectory, 'statement.pdf');
    await ledger('statement', '--policyholder', policyholderId, '--year', '2026', '--format', 'pdf', '--out', pdfFile);
    const text = await pdfText(readFileSync(pdfFile));
    expect(text).toContain(policyholderId);
    expect(text).toContain('Total 2026');
  }, 480_000);
});

/** The kind of the 2024 leaves still in the backlog under 2026.2 (a maternity or a paternity leave, by the seeded sex). */
function leaveKindOf(rows: { kind: string }[]): string {
  return rows[0].kind;
}
