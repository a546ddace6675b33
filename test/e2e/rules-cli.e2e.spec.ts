import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** `ledger rules check` and `ledger rules diff` on the compiled CLI (no store needed: they read the released data). */
const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', 'dist', 'apps', 'ledger-cli', 'src', 'main.js');
const ledger = (...args: string[]) => run(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '' } });

describe('ledger rules check / diff', () => {
  it('check: every released version passes; the 2024 maternity gaps of 2026.1 and 2026.2 are reported', async () => {
    const { stdout } = await ledger('rules', 'check');
    expect(stdout).toMatch(/^OK: 3 versions, \d+ checks, 0 failures, 4 known gaps$/mu);
    expect(stdout).toMatch(/^KNOWN_GAP 2026\.2 {2}MATERNITY_MINIMUM_DAILY_ALLOWANCE: no row 2024-01-01 … 2024-12-31/mu);
    const verbose = await ledger('rules', 'check', '--verbose');
    expect(verbose.stdout).toMatch(/^OK +2026\.3 {2}MATERNITY_MAXIMUM_DAILY_ALLOWANCE: start 2024-01-01: 95,22.€ = 3.666,00.€ × 3 × 0.79 ÷ 91.25 \(R331-5\)$/mu);
  });

  it('diff 2026.2 2026.3: the behaviours and parameter rows of the corrections', async () => {
    const { stdout } = await ledger('rules', 'diff', '2026.2', '2026.3');
    expect(stdout).toContain('rules 2026.2 → 2026.3');
    expect(stdout).toContain('behaviour prolongationAcrossKinds: OWN_CHAIN → THERAPEUTIC_PART_TIME_CONTINUES_FULL_TIME');
    expect(stdout).toContain('behaviour aldLimit: PAID_DAYS_PER_AFFECTION → PERIOD_DATE_TO_DATE');
    expect(stdout).toMatch(/^parameter MATERNITY_MAXIMUM_DAILY_ALLOWANCE\n {2}\+ 2024-01-01 … 2024-01-31 {2}9522 {2}\(derived: 3 × 3 666 € × 0\.79 ÷ 91\.25/mu);
    expect(stdout).toMatch(/^ {2}\+ from 2024-01-01 {2}\{"carenceDays":3,"prolongationMaximumStartAfterEndDays":3,/mu);
    const json = JSON.parse((await ledger('rules', 'diff', '2026.1', '2026.2', '--format', 'json')).stdout);
    expect(json).toEqual({ from: '2026.1', to: '2026.2', behaviours: [{ flag: 'sicknessCapSelectedBy', from: 'PAID_DAY_DATE', to: 'CHAIN_START_DATE' }], parameters: [], fixed: [] });
  });

  it('diff of a version never released: exit 2, nothing printed on stdout', async () => {
    await expect(ledger('rules', 'diff', '2026.2', '2027.9')).rejects.toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('no released version 2027.9') });
  });
});
