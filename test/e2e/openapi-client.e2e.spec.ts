import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import type { paths } from '../../clients/ledger-api';
import { startTestLedger, TEST_KEYS, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * Issue #22: a client typed by openapi-typescript from the document and called with openapi-fetch replays
 * README's curl session. Every answer it reads is typed by the generated file: `typed()` does not compile
 * when a value is `any` or `unknown` (this file is type-checked by `npm run typecheck`). The committed
 * document and client (`npm run openapi:client`) must be what the application serves now.
 */
const ROOT = join(__dirname, '..', '..');
const SALARIES = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));

type IsLoose<T> = 0 extends 1 & T ? true : unknown extends T ? true : false;

/** Returns its argument; a call on an `any` or `unknown` value does not compile (it would need a second argument of type never). */
function typed<T>(value: T, ...notLoose: IsLoose<T> extends true ? [never] : []): T {
  void notLoose;
  return value;
}

// The check itself can fail: a value typed `any` is refused.
// @ts-expect-error — JSON.parse answers any
typed(JSON.parse('1'));

/** The body of a success, or a failed test saying what the ledger answered. */
function ok<D>(result: { data?: D; error?: unknown; response: Response }): D {
  if (result.data === undefined) throw new Error(`${result.response.status}: ${JSON.stringify(result.error)}`);
  return result.data;
}

describe.each(['sqlite', 'postgres'] as const)('a client generated from the OpenAPI document, on the %s store', (kind) => {
  let ledger: TestLedger;
  let client: ReturnType<typeof createClient<paths>>;

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
    await ledger.ledger.app.listen(0, '127.0.0.1');
    const { port } = ledger.ledger.app.getHttpServer().address() as AddressInfo;
    client = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}`, headers: { Authorization: `Bearer ${TEST_KEYS.clerk}` } });
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it("replays README's curl session: open, advance, certificate, regularize, balance, and a 400", async () => {
    const stoppageId = randomUUID();
    const opening = { stoppageId, nir: testNir(22_100), kind: 'SICKNESS' as const, startDate: '2025-06-10', endDate: '2025-06-29' };
    const opened = ok(await client.POST('/v1/stoppages', { params: { header: { 'Idempotency-Key': 'open-1' } }, body: opening }));
    expect(typed(opened.stoppageId)).toBe(stoppageId);
    const policyholderId: string = typed(opened.policyholderId);
    expect(policyholderId).toMatch(/^[\w-]{20,}$/u);

    const repeated = await client.POST('/v1/stoppages', { params: { header: { 'Idempotency-Key': 'open-1' } }, body: opening });
    expect(repeated.response.status).toBe(201);
    expect(repeated.response.headers.get('Idempotent-Replayed')).toBe('true');
    expect(typed(ok(repeated).policyholderId)).toBe(policyholderId);

    const path = { stoppageId };
    const advance = ok(await client.POST('/v1/stoppages/{stoppageId}/advances', { params: { path, header: { 'Idempotency-Key': 'advance-1' } }, body: { amountCents: 30_000, reason: 'salary certificate not received yet' } }));
    expect(typed(advance.advanceId)).toMatch(/^[0-9a-f-]{36}$/u);

    const certificate = ok(await client.POST('/v1/stoppages/{stoppageId}/salary-certificate', { params: { path, header: { 'Idempotency-Key': 'certificate-1' } }, body: { salaries: SALARIES } }));
    expect(typed(certificate.months)).toEqual(['2025-03', '2025-04', '2025-05']);

    const regularization = await client.POST('/v1/stoppages/{stoppageId}/regularizations', { params: { path, header: { 'Idempotency-Key': 'regularize-1' } }, body: { through: '2025-06-29' } });
    expect(regularization.response.headers.get('Ledger-Position')).toMatch(/^\d+$/u);
    const outcome = ok(regularization);
    // 20 days less 3 days of carence = 17 paid days; daily base 3 × 2 000 € / 91.25 = 65.75 €, IJ 50 % = 32.87 €; 17 × 32.87 € = 558.79 €.
    expect(typed(outcome.entitlementCents)).toBe(55_879);
    expect(typed(outcome.paidBeforeCents)).toBe(30_000);
    // 558.79 − 300.00 (the advance) = 258.79 € paid now.
    expect(typed(outcome.deltaCents)).toBe(25_879);
    const paid: 'PAID' | 'OVERPAYMENT_ASSESSED' | 'NOTHING_DUE' = typed(outcome.outcome);
    expect(paid).toBe('PAID');
    expect(typed(outcome.rulesVersion)).toBe('2026.2');

    const balance = ok(await client.GET('/v1/policyholders/{policyholderId}/balance', { params: { path: { policyholderId }, query: { through: '2025-06-29' } } }));
    expect(typed(balance.entitlementCents)).toBe(55_879);
    // paid = the 300 € advance + the 258.79 € regularization.
    expect(typed(balance.paidCents)).toBe(55_879);
    expect(typed(balance.balanceCents)).toBe(0);
    expect(typed(balance.bankAccount)).toBeNull();
    const [only] = typed(balance.stoppages);
    expect(typed(only.stoppageId)).toBe(stoppageId);
    expect(typed(only.status)).toBe('closed');
    expect(typed(only.payees).map((payee) => typed(payee.payee))).toEqual(['POLICYHOLDER']);

    const refused = await client.POST('/v1/stoppages/{stoppageId}/advances', { params: { path, header: { 'Idempotency-Key': 'advance-2' } }, body: { amountCents: -5, reason: '' } });
    expect(refused.response.status).toBe(400);
    expect(refused.response.headers.get('content-type')).toMatch(/^application\/problem\+json/u);
    expect(refused.data).toBeUndefined();
    const problem = refused.error!;
    expect(typed(problem.type)).toBe('https://ij-ledger.dev/problems/validation-failed');
    expect(typed(problem.status)).toBe(400);
    expect((typed(problem.errors) ?? []).map((entry) => typed(entry.field))).toEqual(['amountCents', 'reason']);
  });
});

describe('the committed client (npm run openapi:client)', () => {
  let ledger: TestLedger;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('is generated from the document the application serves now', async () => {
    const served = await ledger.http.get('/docs-json').expect(200);
    const committed = JSON.parse(readFileSync(join(ROOT, 'clients', 'openapi.json'), 'utf8')) as unknown;
    // A difference here: the committed client is stale. Run `npm run openapi:client` and commit clients/.
    expect(committed).toEqual(served.body);

    const directory = mkdtempSync(join(tmpdir(), 'ij-openapi-client-'));
    try {
      const out = join(directory, 'ledger-api.d.ts');
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), join(ROOT, 'clients', 'openapi.json'), '--output', out], { stdio: 'pipe' });
      // A difference here: clients/ledger-api.d.ts was edited by hand or not regenerated (`npm run openapi:client`).
      expect(readFileSync(join(ROOT, 'clients', 'ledger-api.d.ts'), 'utf8')).toBe(readFileSync(out, 'utf8'));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
