import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestLedger, TEST_KEYS, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * Issue #18 in a real browser (Debian's chromium): the policyholder page's "Where is my money" panel names
 * what each stoppage waits for, and the Timeliness page shows the figures and the two charts. The API runs
 * in this process on a SQLite store with a clock stopped at a date, the console built into a directory of
 * the test's own (LEDGER_CONSOLE_DIR) so that it never races the other console test's build.
 *
 * Three people, sickness 10–29 June 2025 (carence 10–12 June, 17 payable days 13–29 June); runs on the 5th and 20th:
 * - EMPLOYER: no salary certificate;  - POLICYHOLDER: no bank account;
 * - PAID: paid by the run of 20 June (13–20 June, delays 7 … 0 days), 21–29 June pending until the run of 20 July.
 * Timeliness of June on 10 July: 8 paid days, sorted 0 … 7: p50 = rank 4 → 3, p90 = rank ⌈7.2⌉ = 8 → 7, max 7;
 * waiting 9 (PAID) + 17 + 17 = 43. Weeks: of 9 June (13–15: delays 7 6 5 → p50 6, p90 7; waiting 3 + 3 = 6),
 * of 16 June (16–20: 4 … 0 → p50 2, p90 4; waiting 2 + 7 + 7 = 16), of 23 June (none paid; waiting 21). Nothing
 * paid 30 days (10 June → 10 July) after the start: EMPLOYER and POLICYHOLDER, one each.
 */
const ROOT = join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const SHOTS = join(ROOT, 'test-results', 'console');
const IBAN = 'FR7630006000011234567890189';
const JUNE = { kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' };
const salaries = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));

describe('where is my money in the console (chromium)', () => {
  let consoleDirectory: string;
  let ledger: TestLedger;
  let baseUrl: string;
  let browser: Browser | undefined;
  let page: Page;
  const people: Record<'employer' | 'policyholder' | 'paid', { nir: string; stoppageId: string }> = {} as never;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  async function open(name: keyof typeof people, serial: number, { certificate, account }: { certificate: boolean; account: boolean }) {
    const stoppageId = randomUUID();
    const nir = testNir(serial);
    const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir, ...JUNE }).expect(201);
    if (account) await ledger.command('clerk', `/v1/policyholders/${opened.body.policyholderId}/bank-account`, { iban: IBAN, holderName: name }).expect(200);
    if (certificate) await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries }).expect(200);
    people[name] = { nir, stoppageId };
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the console tests`);
    mkdirSync(SHOTS, { recursive: true });
    consoleDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-console-build-'));
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/ledger-api/console/vite.config.mjs', '--outDir', consoleDirectory, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
    process.env.LEDGER_CONSOLE_DIR = consoleDirectory;
    ledger = await startTestLedger('sqlite', '2025-06-20', 1_000_000, { LEDGER_PAYMENT_RUN_DAYS: '5,20' });
    await open('employer', 27_001, { certificate: false, account: true });
    await open('policyholder', 27_002, { certificate: true, account: false });
    await open('paid', 27_003, { certificate: true, account: true });
    const { runId } = (await ledger.command('supervisor', '/v1/payment-runs', { through: '2025-06-20' }).expect(202)).body;
    for (let attempt = 0; attempt < 400 && (await ledger.get('supervisor', `/v1/payment-runs/${runId}`)).body.status === 'running'; attempt++) await new Promise((resolve) => setTimeout(resolve, 25));
    ledger.setToday('2025-07-10');
    const server = await ledger.ledger.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (error) => console.error(`console page error: ${error.message}`));
    await page.goto(`${baseUrl}/console/`);
    await page.fill('#login-form input[name="key"]', TEST_KEYS.admin);
    await page.click('#login-form button[type="submit"]');
    await page.waitForSelector('#backlog-totals');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await ledger?.close();
    delete process.env.LEDGER_CONSOLE_DIR;
    if (consoleDirectory) rmSync(consoleDirectory, { recursive: true, force: true });
  });

  async function statusBlockOf(name: keyof typeof people) {
    await page.click('nav a[href="#/policyholders"]');
    await page.fill('#nir-search input[name="nir"]', people[name].nir);
    await page.click('#nir-search button[type="submit"]');
    const block = page.locator(`#policyholder-status article[data-stoppage="${people[name].stoppageId}"]`);
    await block.waitFor();
    return block;
  }

  it('names who each stoppage waits for, with the sentence to read out', async () => {
    const employer = await statusBlockOf('employer');
    expect(await employer.getAttribute('data-waiting-for')).toBe('EMPLOYER');
    expect(await employer.locator('.status-sentence').innerText()).toContain("Nous attendons l'attestation de salaire de votre employeur depuis le 10 juin 2025");
    expect(await employer.locator('[data-field="pending"]').innerText()).toBe('not computable yet');
    await shot('20-status-employer');

    const policyholder = await statusBlockOf('policyholder');
    expect(await policyholder.getAttribute('data-waiting-for')).toBe('POLICYHOLDER');
    expect(await policyholder.locator('[data-field="blocked-by"]').innerText()).toBe('NO_BANK_ACCOUNT since 2025-06-10 — waiting for the policyholder');

    const paid = await statusBlockOf('paid');
    expect(await paid.getAttribute('data-code')).toBe('PAYMENT_PLANNED');
    expect(await paid.getAttribute('data-waiting-for')).toBeNull();
    expect(await paid.locator('[data-field="next-payment"]').innerText()).toBe('2025-07-20');
    // 21–29 June: 9 days × 32.87 € = 295.83 €.
    expect((await paid.locator('[data-field="pending"]').innerText()).replace(/\s/gu, ' ')).toBe('295,83 €');
    expect(await page.locator('#policyholder-status [data-total="days-without-income"] .card-value').innerText()).toBe('9');
    await shot('21-status-paid');
  }, 60_000);

  it('shows the timeliness figures, the delay distribution and the weekly trend', async () => {
    await page.click('nav a[href="#/timeliness"]');
    await page.waitForSelector('#timeliness-totals');
    await page.fill('#timeliness-from', '2025-06-01');
    await page.fill('#timeliness-to', '2025-06-30');
    await page.click('#timeliness-form button[type="submit"]');
    await page.locator('#timeliness-totals [data-total="payable-days"] .card-value').filter({ hasText: /^51$/u }).waitFor();
    const cardOf = (name: string) => page.locator(`#timeliness-totals [data-total="${name}"] .card-value`).innerText();
    expect([await cardOf('p50'), await cardOf('p90'), await cardOf('max'), await cardOf('waiting')]).toEqual(['3 d', '7 d', '7 d', '43']);

    await page.waitForSelector('#chart-delay-distribution[data-figures]');
    const distribution = JSON.parse((await page.getAttribute('#chart-delay-distribution', 'data-figures'))!);
    expect(distribution.labels).toEqual(['0-7 d', '8-14 d', '15-30 d', '31-60 d', '61-90 d', '>90 d', 'waiting']);
    expect(distribution.datasets[0].data).toEqual([8, 0, 0, 0, 0, 0, 43]);

    await page.waitForSelector('#chart-delay-trend[data-figures]');
    const trend = JSON.parse((await page.getAttribute('#chart-delay-trend', 'data-figures'))!);
    expect(trend.labels).toEqual(['2025-06-09', '2025-06-16', '2025-06-23']);
    expect(trend.datasets.map((dataset: { data: unknown[] }) => dataset.data)).toEqual([[6, 2, null], [7, 4, null], [6, 16, 21]]);
    // 10 June → 10 July is 30 days: the two blocked people have had nothing paid 30 days after their start.
    const reasons = await page.locator('#unpaid-by-reason tbody tr').allInnerTexts();
    expect(reasons.map((row) => row.split('\t'))).toEqual([['MISSING_SALARY_CERTIFICATE', 'EMPLOYER', '1', '1'], ['NO_BANK_ACCOUNT', 'POLICYHOLDER', '1', '1']]);
    await shot('22-timeliness');
  }, 60_000);
});
