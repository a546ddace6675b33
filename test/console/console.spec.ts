import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { getRulesVersion, type RulesVersion } from '@ij/rules';
import { withNirKey } from '@ij/ledger';
import { ARPEGE, planPolicyholder } from '../../libs/replay/src/seed';
import { startLedgerProcess, type LedgerProcess } from '../support/ledger-process';

/**
 * The back-office console in a real browser (Debian's chromium, driven by playwright-core) against the
 * real API on a temporary SQLite store seeded with 200 Arpège policyholders. One page walks through
 * the flows in order; each step saves a screenshot under test-results/console/.
 */
const ROOT = join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const SHOTS = join(ROOT, 'test-results', 'console');
const KEY = 'console-tester-key-0123456789';
const POLICYHOLDERS = 200;
const SEED = 1;

/** The seeded people are planned deterministically: the test knows their NIRs as a clerk would. */
const rules = getRulesVersion(ARPEGE.rulesVersion) as RulesVersion;
const plans = Array.from({ length: 40 }, (_, index) => planPolicyholder(index, SEED, ARPEGE, rules));
const withPendingAdvance = plans.find((plan) => plan.cohort === 'pendingAdvance')!;

describe('the back-office console (/console) in chromium', () => {
  let dataDirectory: string;
  let ledger: LedgerProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const cardValue = (container: string, total: string) => page.locator(`${container} [data-total="${total}"] .card-value`).innerText();
  /** Waits until the element shows text matching the pattern (the API answers asynchronously), then returns it. */
  const textOf = async (selector: string, pattern: RegExp) => {
    await page.locator(selector).filter({ hasText: pattern }).first().waitFor();
    return page.locator(selector).first().innerText();
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does it) to run the console tests`);
    }
    mkdirSync(SHOTS, { recursive: true });
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'apps/ledger-api/console/vite.config.mjs'], { cwd: ROOT, stdio: 'inherit' });
    dataDirectory = mkdtempSync(join(tmpdir(), 'ij-ledger-console-'));
    const seeded = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'apps', 'ledger-cli', 'src', 'main.js'), 'seed', '--policyholders', String(POLICYHOLDERS), '--scenario', 'arpege', '--seed', String(SEED)],
      { env: { PATH: process.env.PATH ?? '', LEDGER_DATA_DIR: dataDirectory, LOG_LEVEL: 'silent' }, encoding: 'utf8' },
    );
    if (seeded.status !== 0) throw new Error(`seed failed:\n${seeded.stdout}\n${seeded.stderr}`);
    ledger = await startLedgerProcess({ LEDGER_DATA_DIR: dataDirectory, LEDGER_API_KEYS: `${KEY}:clerk+supervisor+auditor:console-tester`, LOG_LEVEL: 'warn' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('pageerror', (error) => console.error(`console page error: ${error.message}`));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await ledger?.kill('SIGTERM');
    if (dataDirectory) rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('is served without a key, refuses a wrong key next to the field, then signs in', async () => {
    const response = await page.goto(`${ledger!.baseUrl}/console/`);
    expect(response?.status()).toBe(200);
    await page.fill('#login-form input[name="key"]', 'not-a-key-of-this-ledger');
    await page.click('#login-form button[type="submit"]');
    expect(await textOf('#login-form [data-field="key"] .field-error', /not accepted/u)).toMatch(/not accepted/u);
    await shot('01-login');
    await page.fill('#login-form input[name="key"]', KEY);
    await page.click('#login-form button[type="submit"]');
    await page.waitForSelector('#backlog-totals');
    expect(await page.evaluate('Object.keys(sessionStorage)')).toEqual(['ij-ledger-console.key']);
  }, 60_000);

  it('shows the backlog dashboard: totals, charts, the stoppages behind a bar, CSV export', async () => {
    expect(Number(await cardValue('#backlog-totals', 'count'))).toBeGreaterThan(0);
    for (const dimension of ['reason', 'kind', 'ageBucket']) await page.waitForSelector(`canvas#chart-${dimension}[data-bars]`);
    await shot('02-dashboard');

    const bars: { label: string; x: number; y: number; count: number }[] = JSON.parse((await page.getAttribute('#chart-reason', 'data-bars'))!);
    const bar = bars.find(({ label }) => label === 'ADVANCE_NOT_REGULARIZED')!;
    expect(bar.count).toBeGreaterThan(0);
    await page.click('#chart-reason', { position: { x: bar.x, y: bar.y } });
    await page.waitForSelector('#drill-table tbody tr');
    expect(await page.locator('#drill-table tbody tr').count()).toBe(bar.count);
    expect(await page.locator('#drill-table tbody tr').first().innerText()).toContain('ADVANCE_NOT_REGULARIZED');
    await shot('03-dashboard-drill-down');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-backlog-csv')]);
    const file = join(SHOTS, 'regularization-backlog.csv');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^regularization-backlog-\d{4}-\d{2}-\d{2}\.csv$/u);
    const csv = readFileSync(file, 'utf8').trim().split('\n');
    expect(csv[0]).toContain('stoppageId');
    expect(csv.length).toBeGreaterThan(bar.count);
  }, 60_000);

  it('finds a policyholder by NIR (never in the URL or storage): balance, stoppages, timeline', async () => {
    await page.click('nav a[href="#/policyholders"]');
    await page.fill('#nir-search input[name="nir"]', plans[0].nir.replace(/^(\d)(\d{2})/u, '$1 $2 '));
    await page.click('#nir-search button[type="submit"]');
    await page.waitForSelector('#timeline li');
    await page.waitForSelector('#policyholder-balance');
    expect(page.url()).toMatch(/#\/policyholders\/[\w-]+$/u);
    expect(page.url()).not.toContain(plans[0].nir);
    expect(await page.evaluate('JSON.stringify(sessionStorage)')).not.toContain(plans[0].nir);
    const first = page.locator('#timeline li').last();
    expect(await first.getAttribute('data-type')).toBe('StoppageOpened');
    expect(await first.innerText()).toMatch(/by arpege-clerk-\d{2}/u);
    expect(await page.locator('#timeline').innerText()).toMatch(/rules 2026\.1/u);
    expect(await page.locator('#policyholder-stoppages tbody tr').count()).toBeGreaterThan(0);
    await shot('04-policyholder');
  }, 60_000);

  it("explains a stoppage: facts, the calendar of days, the steps with their legal references", async () => {
    await page.click('#policyholder-stoppages a.stoppage-link >> nth=0');
    await page.waitForSelector('#steps tbody tr');
    expect(await page.locator('#calendar .day.paid').count()).toBeGreaterThan(0);
    expect(await page.locator('#calendar .day.carence').count()).toBeGreaterThan(0);
    const references = await page.locator('#steps .legal-ref').allInnerTexts();
    expect(references.length).toBeGreaterThan(3);
    expect(references.join(' ')).toMatch(/CSS R323-4/u);
    expect(await page.locator('.facts').innerText()).toMatch(/SICKNESS|ACCIDENT|DISEASE|MATERNITY|PATERNITY|PART_TIME/u);
    await shot('05-stoppage');
  }, 60_000);

  it('shows the API field errors next to the fields of an invalid advance', async () => {
    await page.click('nav a[href="#/policyholders"]');
    await page.fill('#nir-search input[name="nir"]', withPendingAdvance.nir);
    await page.click('#nir-search button[type="submit"]');
    await page.click('#policyholder-stoppages a.stoppage-link[data-status="open"] >> nth=0');
    await page.waitForSelector('#stoppage-balance');
    const advance = page.locator('form[data-command="advance"]');
    await advance.locator('input[name="amountCents"]').fill('0');
    await advance.locator('button[type="submit"]').click();
    const advanceForm = 'form[data-command="advance"]';
    expect(await textOf(`${advanceForm} [data-field="amountCents"] .field-error`, /amountCents/u)).toMatch(/amountCents must not be less than 1/u);
    expect(await advance.locator('[data-field="reason"] .field-error').innerText()).toMatch(/reason/u);
    expect(await advance.locator('[data-field="amountCents"]').getAttribute('class')).toContain('invalid');
    await shot('06-stoppage-field-errors');
  }, 60_000);

  it('issues an advance and shows the balance change', async () => {
    const before = await cardValue('#stoppage-balance', 'balance');
    const paidBefore = await cardValue('#stoppage-balance', 'paid');
    const advance = page.locator('form[data-command="advance"]');
    await advance.locator('input[name="amountCents"]').fill('10,00');
    await advance.locator('input[name="reason"]').fill('console test: certificate awaited');
    await advance.locator('button[type="submit"]').click();
    expect(await textOf('form[data-command="advance"] .form-ok', /issued/u)).toMatch(/^Advance [0-9a-f-]{36} issued\.$/u);
    await page.locator('#stoppage-balance [data-total="paid"] .card-value').filter({ hasNotText: new RegExp(`^${paidBefore.replace(/[^\d]/gu, '.')}$`, 'u') }).waitFor();
    const after = await cardValue('#stoppage-balance', 'balance');
    expect(after).not.toBe(before);
    expect(euroCents(before) - euroCents(after)).toBe(1000);
    expect(await page.locator('#payments').innerText()).toContain('console test: certificate awaited');
    await shot('07-stoppage-after-advance');
  }, 60_000);

  it('launches a replay under 2026.2, follows it, and shows its diff with totals and a CSV export', async () => {
    await page.click('nav a[href="#/replays"]');
    await page.selectOption('#replay-rules', '2026.2');
    await page.fill('form[data-command="replay"] input[name="through"]', '2026-10-31');
    await page.click('form[data-command="replay"] button[type="submit"]');
    await page.waitForSelector('#replay-status');
    await page.locator('#replay-status').filter({ hasText: /^done$/u }).waitFor({ timeout: 60_000 });
    await page.waitForSelector('#diff-table tbody tr');
    const affected = Number(await cardValue('#replay-totals', 'affected'));
    expect(affected).toBeGreaterThan(0);
    // the affected rows plus the total line
    expect(await page.locator('#diff-table tbody tr').count()).toBe(affected + 1);
    expect(await page.locator('#diff-table tbody tr').last().innerText()).toMatch(/^Total/u);
    await shot('08-replay');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-replay-csv')]);
    expect(download.suggestedFilename()).toMatch(/^replay-[0-9a-f-]{36}\.csv$/u);
  }, 90_000);

  it('runs the audit verification', async () => {
    await page.click('nav a[href="#/audit"]');
    await page.click('#run-verify');
    await page.waitForSelector('#audit-failures', { timeout: 60_000 });
    expect(await cardValue('#audit-result', 'ok')).toBe('OK');
    await shot('09-audit');
  }, 90_000);

  describe('a form for every command, with the field errors next to the fields (late facts, #16)', () => {
    const ok = (form: string, pattern: RegExp) => textOf(`form[data-command="${form}"] .form-ok`, pattern);
    const fieldError = (form: string, name: string) => textOf(`form[data-command="${form}"] [data-field="${name}"] .field-error`, /\S/u);
    const submit = (form: string) => page.click(`form[data-command="${form}"] button[type="submit"]`);
    const fill = (form: string, name: string, value: string) => page.fill(`form[data-command="${form}"] [name="${name}"]`, value);
    let stoppageUrl = '';

    it('opens a stoppage: bad NIR, SIRET and dates shown next to their fields, then the stoppage page', async () => {
      await page.click('nav a[href="#/stoppages/new"]');
      await fill('open-stoppage', 'nir', '185057800608400');
      await fill('open-stoppage', 'employerId', '73282932000075');
      await submit('open-stoppage');
      expect(await fieldError('open-stoppage', 'nir')).toMatch(/key/u);
      expect(await fieldError('open-stoppage', 'employerId')).toMatch(/SIRET/u);
      expect(await fieldError('open-stoppage', 'startDate')).toMatch(/calendar date/u);
      expect(await page.locator('form[data-command="open-stoppage"] [data-field="employerId"]').getAttribute('class')).toContain('invalid');
      await shot('10-open-stoppage-field-errors');
      await fill('open-stoppage', 'nir', withNirKey('1850578999990'));
      await fill('open-stoppage', 'startDate', '2025-06-02');
      await fill('open-stoppage', 'endDate', '2025-06-15');
      await fill('open-stoppage', 'employerId', '73282932000074');
      await submit('open-stoppage');
      await page.waitForURL(/#\/stoppages\/[0-9a-f-]{36}$/u);
      stoppageUrl = page.url();
      expect(await textOf('.facts', /73282932000074/u)).toMatch(/SICKNESS/u);
    }, 60_000);

    it('pays it on 3 × 2 000 €: 11 days × 32.87 = 361.57 €', async () => {
      for (const row of [0, 1, 2]) await fill('salary-certificate', `salaries.${row}.grossCents`, '2000,00');
      await submit('salary-certificate');
      await ok('salary-certificate', /recorded/u);
      await fill('regularize', 'through', '2025-06-15');
      await submit('regularize');
      expect(await ok('regularize', /PAID/u)).toMatch(/^PAID: 361,57 €/u);
    }, 60_000);

    it('requalifies it as an occupational accident: 14 × 39.45 = 552.30 €, 190.73 € more', async () => {
      await submit('requalification');
      expect(await fieldError('requalification', 'kind')).toMatch(/kind/u);
      expect(await fieldError('requalification', 'recognizedOn')).toMatch(/calendar date/u);
      await shot('11-requalification-field-errors');
      await page.selectOption('form[data-command="requalification"] select[name="kind"]', 'OCCUPATIONAL_ACCIDENT');
      await fill('requalification', 'accidentDate', '2025-06-01');
      await fill('requalification', 'recognizedOn', '2025-09-15');
      await submit('requalification');
      expect(await ok('requalification', /Requalified/u)).toBe('Requalified from SICKNESS to OCCUPATIONAL_ACCIDENT.');
      await submit('regularize');
      expect(await ok('regularize', /190,73/u)).toMatch(/^PAID: 190,73 €/u);
      expect(await textOf('.facts', /OCCUPATIONAL_ACCIDENT/u)).toMatch(/SICKNESS → OCCUPATIONAL_ACCIDENT/u);
    }, 60_000);

    it('records an early end after full payment, assesses and recovers the overpayment: 552.30 − 9 × 39.45 = 197.25 €', async () => {
      await submit('early-end');
      expect(await fieldError('early-end', 'lastDay')).toMatch(/calendar date/u);
      await fill('early-end', 'lastDay', '2025-06-10');
      await submit('early-end');
      expect(await ok('early-end', /Ended early/u)).toBe('Ended early on 2025-06-10 (was 2025-06-15).');
      await fill('regularize', 'through', '2025-06-10');
      await submit('regularize');
      expect(await ok('regularize', /OVERPAYMENT/u)).toMatch(/^OVERPAYMENT_ASSESSED: -197,25 €/u);
      await fill('recovery', 'amountCents', '0');
      await submit('recovery');
      expect(await fieldError('recovery', 'amountCents')).toMatch(/amountCents/u);
      await fill('recovery', 'amountCents', '197,25');
      await submit('recovery');
      expect(await ok('recovery', /recorded/u)).toBe('Recovery of 197,25 € recorded.');
      await shot('12-late-early-end-recovered');
    }, 60_000);

    it('annuls it (supervisor): reason required, then later commands are refused with stoppage-annulled', async () => {
      await submit('annulment');
      expect(await fieldError('annulment', 'reason')).toMatch(/reason/u);
      await fill('annulment', 'reason', 'console test: entered in error');
      await submit('annulment');
      expect(await ok('annulment', /annulled/u)).toMatch(/^Stoppage annulled/u);
      await fill('extend', 'newEndDate', '2025-06-30');
      await submit('extend');
      expect(await textOf('form[data-command="extend"] .form-error', /annulled/iu)).toMatch(/annulled/iu);
      expect(page.url()).toBe(stoppageUrl);
      await shot('13-annulled');
    }, 60_000);

    it('activates a rules version (supervisor): a version is required', async () => {
      await page.click('nav a[href="#/rules"]');
      await page.waitForSelector('#rules-versions tbody tr');
      await submit('activate-rules');
      expect(await fieldError('activate-rules', 'version')).toMatch(/version/u);
      await page.selectOption('form[data-command="activate-rules"] select[name="version"]', '2026.2');
      await submit('activate-rules');
      expect(await ok('activate-rules', /active/u)).toBe('Rules 2026.2 active.');
      expect(await page.locator('#active-rules').innerText()).toBe('2026.2');
      await shot('14-rules');
    }, 60_000);
  });
});

/** "1 234,56 €" (fr-FR, narrow no-break spaces) → 123456. */
function euroCents(text: string): number {
  const digits = text.replace(/[^\d,-]/gu, '');
  const [units, cents = '00'] = digits.split(',');
  return Number(units) * 100 + Number(cents.padEnd(2, '0')) * (units.startsWith('-') ? -1 : 1);
}
