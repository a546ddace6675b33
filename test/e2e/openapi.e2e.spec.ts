import SwaggerParser from '@apidevtools/swagger-parser';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { camt054Document } from '@ij/bank-files';
import { DOMAIN_ERROR_CODES } from '@ij/ledger';
import { HTTP_PROBLEM_STATUS } from '../../apps/ledger-api/src/http/problem-catalog';
import { PROBLEM_BASE } from '../../apps/ledger-api/src/http/problem';
import { OpenApiAnswers, type Answer, type OpenApiDocument } from '../support/openapi-answers';
import { servedRoutes } from '../support/served-routes';
import { startTestLedger, TEST_KEYS, testNir, type TestLedger, type TestRole } from '../support/ledger-harness';

/**
 * Issue #22: GET /docs-json is a document a client can be generated from. It is valid OpenAPI 3.0, it
 * names every route the application serves, and every answer the routes really give on a small history
 * (successes and problems, for every route) matches the schema the document gives for its status.
 */
const SALARIES = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));
const IBAN = 'FR7630006000011234567890189';
const EMPLOYER_IBAN = 'FR7630004000031234567890143';
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';

describe.each(['sqlite', 'postgres'] as const)('the OpenAPI document (GET /docs-json), on the %s store', (kind) => {
  let ledger: TestLedger;
  let document: OpenApiDocument;
  let answers: OpenApiAnswers;
  const wrong: string[] = [];

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
    const served = await ledger.http.get('/docs-json').expect(200);
    document = served.body as OpenApiDocument;
    answers = new OpenApiAnswers(document);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  /** Calls `METHOD template` (path parameters filled in) as `role` (none: no key) and checks the answer against the document. */
  async function call(role: TestRole | null, method: 'GET' | 'POST', template: string, options: { params?: Record<string, string>; body?: unknown; xml?: string; key?: string; query?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const path = template.replace(/\{(\w+)\}/gu, (_all, name: string) => encodeURIComponent(options.params?.[name] ?? UNKNOWN_ID)) + (options.query ? `?${options.query}` : '');
    const server = request(ledger.ledger.app.getHttpServer());
    let test = method === 'GET' ? server.get(path) : server.post(path);
    if (role) test = test.set('Authorization', `Bearer ${TEST_KEYS[role]}`);
    if (method === 'POST' && template !== '/v1/policyholders/search') test = test.set('Idempotency-Key', options.key ?? randomUUID());
    for (const [name, value] of Object.entries(options.headers ?? {})) test = test.set(name, value);
    if (options.body !== undefined) test = test.send(options.body as object);
    if (options.xml !== undefined) test = test.set('Content-Type', 'application/xml').send(options.xml);
    const response = await test.buffer(true);
    const answer: Answer = { status: response.status, headers: response.headers, body: response.body, text: response.text };
    wrong.push(...answers.problems(method, template, answer));
    return answer;
  }

  const body = <T>(answer: Answer) => answer.body as T;

  it('is valid OpenAPI 3.0 (swagger-parser)', async () => {
    expect(document.openapi).toMatch(/^3\.0\./u);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('describes API keys honestly: an http bearer scheme, no JWT', () => {
    expect(document.components.securitySchemes).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    expect(document.components.securitySchemes?.bearer).not.toHaveProperty('bearerFormat');
  });

  it('names every route the application serves, and only those', () => {
    const served = servedRoutes(ledger.ledger).map((route) => `${route.method} ${route.path}`);
    const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(served.length).toBeGreaterThanOrEqual(26);
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !served.includes(route))).toEqual([]);
  });

  it('documents for every operation a named success body, its problems as problem+json, and the command headers on commands', () => {
    const routes = new Map(servedRoutes(ledger.ledger).map((route) => [`${route.method} ${route.path}`, route]));
    const commands = [...routes.values()].filter((route) => route.command).map((route) => `${route.method} ${route.path}`);
    expect(commands.length).toBeGreaterThanOrEqual(10);
    const known = new Set([...DOMAIN_ERROR_CODES, ...Object.keys(HTTP_PROBLEM_STATUS)].map((code) => `${PROBLEM_BASE}${code}`));
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        const statuses = Object.keys(operation.responses);
        const success = statuses.filter((status) => status.startsWith('2'));
        expect([name, success.length]).toEqual([name, 1]);
        const successContent = operation.responses[success[0]].content ?? {};
        const json = successContent['application/json']?.schema;
        // A JSON answer is a named schema of the components; a file answer (the bank file, the metrics) says its one media type.
        if (json) expect([name, document.components.schemas[String(json.$ref).split('/').pop()!]]).toEqual([name, expect.any(Object)]);
        else expect([name, Object.keys(successContent)]).toEqual([name, [expect.stringMatching(/^(application\/xml|text\/plain)$/u)]]);
        // Security and the refusals follow the route's roles: public (none), any valid key (401), some roles (401, 403).
        const allowed = routes.get(name)!.allowed;
        expect([name, operation.security === undefined]).toEqual([name, allowed === 'public']);
        expect([name, statuses.filter((status) => ['401', '403'].includes(status))]).toEqual([name, allowed === 'public' ? [] : allowed === 'any' ? ['401'] : ['401', '403']]);
        for (const status of statuses.filter((code) => Number(code) >= 400)) {
          const failure = operation.responses[status].content ?? {};
          // A failure is a problem, or a named JSON body of its own (readiness answers 503 with its verdict).
          if (!failure['application/problem+json']) {
            expect([name, status, Object.keys(failure), String(failure['application/json']?.schema.$ref)]).toEqual([name, status, ['application/json'], expect.stringMatching(/^#\/components\/schemas\/\w+$/u)]);
            continue;
          }
          const schema = failure['application/problem+json'].schema as { allOf: Array<{ $ref?: string; properties?: { type: { enum: string[] }; status: { enum: number[] } } }> };
          expect([name, status, schema.allOf[0].$ref]).toEqual([name, status, '#/components/schemas/Problem']);
          expect([name, status, schema.allOf[1].properties!.status.enum]).toEqual([name, status, [Number(status)]]);
          expect([name, status, schema.allOf[1].properties!.type.enum.filter((type) => !known.has(type))]).toEqual([name, status, []]);
        }
        const idempotencyKey = operation.parameters?.find((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key');
        const isCommand = commands.includes(name);
        expect([name, idempotencyKey?.required ?? false]).toEqual([name, isCommand]);
        if (isCommand) {
          expect([name, Object.keys(operation.responses[success[0]].headers ?? {}).sort()]).toEqual([name, ['Idempotent-Replayed', 'Ledger-Position']]);
          expect([name, statuses]).toEqual([name, expect.arrayContaining(['400', '422', '429'])]);
        }
      }
    }
  });

  it('answers every route as documented, successes and problems, on a small history', async () => {
    // README's session: open, advance, certificate, regularize (and a repeat of a command).
    const stoppageId = randomUUID();
    const opening = { stoppageId, nir: testNir(22_001), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-25' };
    const opened = await call('clerk', 'POST', '/v1/stoppages', { body: opening, key: 'openapi-open-1' });
    expect(opened.status).toBe(201);
    const again = await call('clerk', 'POST', '/v1/stoppages', { body: opening, key: 'openapi-open-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    const policyholderId = body<{ policyholderId: string }>(opened).policyholderId;
    const onStoppage = { params: { stoppageId, policyholderId } };
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/regularizations', { ...onStoppage, body: { through: '2025-06-29' } })).status).toBe(409);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/extensions', { ...onStoppage, body: { newEndDate: '2025-06-29' } })).status).toBe(200);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/extensions', { ...onStoppage, body: { newEndDate: '2025-06-20' } })).status).toBe(409);
    expect((await call('clerk', 'POST', '/v1/policyholders/{policyholderId}/bank-account', { ...onStoppage, body: { iban: IBAN, holderName: 'Camille Martin' } })).status).toBe(200);
    const subrogation = { employerId: 'siret-12345678900017', from: '2025-06-13', to: '2025-06-22', employerIban: EMPLOYER_IBAN, employerName: 'Ateliers Durand SARL' };
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/subrogations', { ...onStoppage, body: subrogation })).status).toBe(201);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/advances', { ...onStoppage, body: { amountCents: 30_000, reason: 'certificate not received yet' } })).status).toBe(201);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/advances', { ...onStoppage, body: { amountCents: -5, reason: '' } })).status).toBe(400);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/salary-certificate', { ...onStoppage, body: { salaries: SALARIES } })).status).toBe(200);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/regularizations', { ...onStoppage, body: { through: '2025-06-29' }, key: 'openapi-regularize-1' })).status).toBe(201);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/regularizations', { ...onStoppage, body: { through: '2025-06-28' }, key: 'openapi-regularize-1' })).status).toBe(422);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/recoveries', { ...onStoppage, body: { amountCents: 100 } })).status).toBe(409);

    // An overpayment (an advance above what is due, ended early), then a recovery of part of it.
    const overpaid = randomUUID();
    const second = await call('clerk', 'POST', '/v1/stoppages', { body: { stoppageId: overpaid, nir: testNir(22_002), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' } });
    const onOverpaid = { params: { stoppageId: overpaid, policyholderId: body<{ policyholderId: string }>(second).policyholderId } };
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/salary-certificate', { ...onOverpaid, body: { salaries: SALARIES } })).status).toBe(200);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/advances', { ...onOverpaid, body: { amountCents: 40_000, reason: 'before the early end' } })).status).toBe(201);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/early-end', { ...onOverpaid, body: { lastDay: '2025-06-15' } })).status).toBe(200);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/early-end', { ...onOverpaid, body: { lastDay: '2025-07-15' } })).status).toBe(409);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/regularizations', { ...onOverpaid, body: { through: '2025-06-29' } })).status).toBe(201);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/recoveries', { ...onOverpaid, body: { amountCents: 1_000 } })).status).toBe(201);

    // A third stoppage with a certificate, left for the payment run.
    const unpaid = randomUUID();
    expect((await call('clerk', 'POST', '/v1/stoppages', { body: { stoppageId: unpaid, nir: testNir(22_001), kind: 'SICKNESS', startDate: '2025-09-01', endDate: '2025-09-20' } })).status).toBe(201);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/salary-certificate', { params: { stoppageId: unpaid }, body: { salaries: ['2025-06', '2025-07', '2025-08'].map((month) => ({ month, grossCents: 200_000 })) } })).status).toBe(200);

    // Rules.
    expect((await call('clerk', 'GET', '/v1/rules')).status).toBe(200);
    expect((await call('supervisor', 'POST', '/v1/rules/active', { body: { version: '2026.2' } })).status).toBe(200);
    expect((await call('supervisor', 'POST', '/v1/rules/active', { body: { version: '1999.1' } })).status).toBe(409);

    // Queries, and their problems.
    expect((await call('clerk', 'GET', '/v1/stoppages/{stoppageId}', onStoppage)).status).toBe(200);
    // Read-your-writes: a position the read models have (200, with theirs), one they will not reach (503 after the wait), one that is not a position (400).
    const position = String(again.headers['ledger-position']);
    expect((await call('clerk', 'GET', '/v1/stoppages/{stoppageId}', { ...onStoppage, headers: { 'Ledger-Min-Position': position } })).headers['ledger-projection-position']).toMatch(/^\d+$/u);
    expect((await call('clerk', 'GET', '/v1/stoppages/{stoppageId}', { ...onStoppage, headers: { 'Ledger-Min-Position': '999999999' } })).status).toBe(503);
    expect((await call('clerk', 'GET', '/v1/stoppages/{stoppageId}', { ...onStoppage, headers: { 'Ledger-Min-Position': 'soon' } })).status).toBe(400);
    expect((await call('auditor', 'GET', '/v1/stoppages/{stoppageId}', { params: { stoppageId: UNKNOWN_ID } })).status).toBe(404);
    expect((await call('clerk', 'GET', '/v1/stoppages/{stoppageId}', { params: { stoppageId: 'not-a-uuid' } })).status).toBe(400);
    expect((await call('clerk', 'GET', '/v1/stoppages/{stoppageId}/entitlement', { ...onStoppage, query: 'through=2025-06-29' })).status).toBe(200);
    expect((await call('clerk', 'GET', '/v1/stoppages/{stoppageId}/entitlement', { ...onStoppage, query: 'rulesVersion=1999.1' })).status).toBe(404);
    expect((await call('clerk', 'GET', '/v1/stoppages/{stoppageId}/entitlement', { ...onStoppage, query: 'through=2025-02-30' })).status).toBe(400);
    expect((await call('clerk', 'POST', '/v1/policyholders/search', { body: { nir: testNir(22_001) } })).status).toBe(200);
    expect((await call('clerk', 'POST', '/v1/policyholders/search', { body: { nir: testNir(22_999) } })).status).toBe(404);
    expect((await call('auditor', 'POST', '/v1/policyholders/search', { body: { nir: '123' } })).status).toBe(400);
    expect((await call('clerk', 'GET', '/v1/policyholders/{policyholderId}/balance', onStoppage)).status).toBe(200);
    expect((await call('clerk', 'GET', '/v1/policyholders/{policyholderId}/balance', onOverpaid)).status).toBe(200);
    expect((await call('supervisor', 'GET', '/v1/policyholders/{policyholderId}/balance', { params: { policyholderId: 'nobody' } })).status).toBe(404);
    expect((await call('auditor', 'GET', '/v1/policyholders/{policyholderId}/history', onStoppage)).status).toBe(200);
    expect((await call('auditor', 'GET', '/v1/policyholders/{policyholderId}/history', { ...onStoppage, query: 'limit=1' })).headers['ledger-history-next']).toBe('0');
    expect((await call('auditor', 'GET', '/v1/policyholders/{policyholderId}/history', { params: { policyholderId: 'nobody' } })).status).toBe(404);
    expect((await call('clerk', 'GET', '/v1/policyholders/{policyholderId}/statements/{year}', { params: { policyholderId, year: '2025' } })).status).toBe(200);
    expect((await call('clerk', 'GET', '/v1/policyholders/{policyholderId}/statements/{year}', { params: { policyholderId, year: '2025' }, query: 'format=pdf' })).status).toBe(200);
    expect((await call('clerk', 'GET', '/v1/policyholders/{policyholderId}/statements/{year}', { params: { policyholderId, year: '1999' } })).status).toBe(400);
    expect((await call('supervisor', 'GET', '/v1/reports/regularization-backlog', { query: 'through=2025-12-01' })).status).toBe(200);
    expect((await call('auditor', 'GET', '/v1/reports/regularization-backlog', { query: 'format=csv' })).status).toBe(200);
    expect((await call('auditor', 'GET', '/v1/reports/regularization-backlog', { query: 'format=xls' })).status).toBe(400);

    // A replay of the other rules version, its figures and its diff.
    const started = await call('auditor', 'POST', '/v1/replays', { body: { rulesVersion: '2026.1', through: '2025-11-30' } });
    expect(started.status).toBe(202);
    const replayId = body<{ replayId: string }>(started).replayId;
    await until(async () => body<{ status: string }>(await call('auditor', 'GET', '/v1/replays/{replayId}', { params: { replayId } })).status !== 'running');
    expect((await call('supervisor', 'GET', '/v1/replays/{replayId}/diff', { params: { replayId }, query: 'all=true' })).status).toBe(200);
    expect((await call('supervisor', 'GET', '/v1/replays/{replayId}/diff', { params: { replayId }, query: 'format=csv' })).status).toBe(200);
    expect((await call('auditor', 'GET', '/v1/replays/{replayId}', { params: { replayId: UNKNOWN_ID } })).status).toBe(404);
    expect((await call('auditor', 'GET', '/v1/replays/{replayId}/diff', { params: { replayId: UNKNOWN_ID } })).status).toBe(404);
    expect((await call('auditor', 'POST', '/v1/replays', { body: { rulesVersion: '1999.1', through: '2025-11-30' } })).status).toBe(409);
    expect((await call('auditor', 'GET', '/v1/audit/verify')).status).toBe(200);

    // A payment run: it settles the third stoppage and exports its transfer.
    const run = await call('supervisor', 'POST', '/v1/payment-runs', { body: { through: '2025-12-01' } });
    expect(run.status).toBe(202);
    const runId = body<{ runId: string }>(run).runId;
    await until(async () => body<{ status: string }>(await call('auditor', 'GET', '/v1/payment-runs/{runId}', { params: { runId } })).status !== 'running');
    expect((await call('supervisor', 'GET', '/v1/payment-runs/{runId}/pain001', { params: { runId } })).status).toBe(200);
    expect((await call('supervisor', 'GET', '/v1/payment-runs/{runId}/pain001', { params: { runId: UNKNOWN_ID } })).status).toBe(404);
    expect((await call('supervisor', 'GET', '/v1/payment-runs/{runId}', { params: { runId: UNKNOWN_ID } })).status).toBe(404);
    expect((await call('supervisor', 'POST', '/v1/payment-runs', { body: { through: '2026-01-31' } })).status).toBe(409);

    // Money that moves: the transfers, the reconciliation, the bank's report on an exported transfer.
    const exported = body<{ items: Array<{ transferId: string; netCents: number }> }>(await call('supervisor', 'GET', '/v1/transfers', { query: 'status=EXPORTED' })).items;
    expect(exported.length).toBeGreaterThan(0);
    expect((await call('auditor', 'GET', '/v1/transfers', { query: 'status=LOST' })).status).toBe(400);
    expect((await call('clerk', 'GET', '/v1/policyholders/{policyholderId}/transfers', { ...onStoppage, query: 'limit=1' })).status).toBe(200);
    expect((await call('auditor', 'GET', '/v1/policyholders/{policyholderId}/transfers', { params: { policyholderId: 'nobody' } })).status).toBe(404);
    const booked = camt054Document({ messageId: 'OPENAPI-CAMT-1', createdOn: '2025-12-01', entries: [{ endToEndId: exported[0].transferId, amountCents: exported[0].netCents, bookedOn: '2025-12-01' }] });
    expect(body<{ settled: number }>(await call('supervisor', 'POST', '/v1/bank-reports', { xml: booked })).settled).toBe(1);
    expect((await call('supervisor', 'POST', '/v1/bank-reports', { xml: '<Document/>' })).status).toBe(400);
    expect((await call('auditor', 'GET', '/v1/reports/disbursements')).status).toBe(200);
    expect((await call('supervisor', 'GET', '/v1/reports/disbursements', { query: 'through=2025-02-30' })).status).toBe(400);

    // Where is my money: a policyholder's status, the timeliness report, the missing certificates (JSON, CSV, reminder letters).
    expect((await call('clerk', 'GET', '/v1/policyholders/{policyholderId}/status', onStoppage)).status).toBe(200);
    expect((await call('clerk', 'GET', '/v1/policyholders/{policyholderId}/status', { params: { policyholderId: 'nobody' } })).status).toBe(404);
    expect((await call('auditor', 'GET', '/v1/reports/timeliness', { query: 'from=2025-06-01&to=2025-12-01' })).status).toBe(200);
    expect((await call('supervisor', 'GET', '/v1/reports/timeliness', { query: 'from=2025-02-30' })).status).toBe(400);
    expect((await call('supervisor', 'GET', '/v1/reports/missing-certificates')).status).toBe(200);
    expect((await call('supervisor', 'GET', '/v1/reports/missing-certificates', { query: 'format=csv' })).status).toBe(200);
    expect((await call('supervisor', 'GET', '/v1/reports/missing-certificates', { query: 'format=pdf' })).status).toBe(200);
    expect((await call('supervisor', 'GET', '/v1/reports/missing-certificates', { query: 'olderThan=-1' })).status).toBe(400);

    // A changed IBAN waits for a second person: a supervisor confirms it, once.
    expect(body<{ awaitsConfirmation: boolean }>(await call('clerk', 'POST', '/v1/policyholders/{policyholderId}/bank-account', { ...onStoppage, body: { iban: EMPLOYER_IBAN, holderName: 'Camille Martin' } })).awaitsConfirmation).toBe(true);
    expect((await call('supervisor', 'POST', '/v1/policyholders/{policyholderId}/bank-account/confirmation', { ...onStoppage, body: {} })).status).toBe(200);
    expect((await call('supervisor', 'POST', '/v1/policyholders/{policyholderId}/bank-account/confirmation', { ...onStoppage, body: {} })).status).toBe(409);

    // Late facts: the overpaid stoppage recognised as occupational, then annulled (each refused the second time).
    const requalification = { kind: 'OCCUPATIONAL_DISEASE', recognizedOn: '2025-11-20' };
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/requalification', { ...onOverpaid, body: requalification })).status).toBe(200);
    expect((await call('clerk', 'POST', '/v1/stoppages/{stoppageId}/requalification', { ...onOverpaid, body: requalification })).status).toBe(409);
    expect((await call('supervisor', 'POST', '/v1/stoppages/{stoppageId}/annulment', { ...onOverpaid, body: { reason: 'entered on the wrong policyholder' } })).status).toBe(200);
    expect((await call('supervisor', 'POST', '/v1/stoppages/{stoppageId}/annulment', { ...onOverpaid, body: { reason: 'entered on the wrong policyholder' } })).status).toBe(409);
    const view = body<{ annulled?: object; requalifications?: object[] }>(await call('auditor', 'GET', '/v1/stoppages/{stoppageId}', onOverpaid));
    expect([view.annulled, view.requalifications?.length]).toEqual([expect.objectContaining({ annulledOn: '2025-12-01' }), 1]);

    // Operating: the probes (no key; a bad Ledger-Min-Position is refused there too) and the metrics.
    expect((await call(null, 'GET', '/health')).status).toBe(200);
    expect((await call(null, 'GET', '/health', { headers: { 'Ledger-Min-Position': 'soon' } })).status).toBe(400);
    expect((await call(null, 'GET', '/health/ready')).status).toBe(200);
    expect((await call(null, 'GET', '/health/ready', { headers: { 'Ledger-Min-Position': 'soon' } })).status).toBe(400);
    expect((await call('auditor', 'GET', '/metrics')).status).toBe(200);

    // Every route's refusals: a POST without a body (415, before anything else), no key (401), a role that may not call it (403).
    for (const route of servedRoutes(ledger.ledger)) {
      if (route.allowed === 'public') continue;
      const verb = route.method as 'GET' | 'POST';
      // The bank-report route reads XML (a JSON body is refused with 415 before the key is looked at).
      const refused = route.path === '/v1/bank-reports' ? { xml: '<Document/>' } : { ...onStoppage, body: verb === 'POST' ? {} : undefined };
      if (verb === 'POST') expect((await call('admin', verb, route.path, onStoppage)).status).toBe(415);
      expect((await call(null, verb, route.path, refused)).status).toBe(401);
      const { allowed } = route;
      const forbidden = (['clerk', 'supervisor', 'auditor'] as const).find((role) => allowed !== 'any' && !allowed.includes(role));
      if (forbidden) expect((await call(forbidden, verb, route.path, refused)).status).toBe(403);
    }

    expect(wrong).toEqual([]);
    // Every operation answered at least one success and one problem, each as documented.
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const seen = answers.checked.filter((entry) => entry.startsWith(`${method.toUpperCase()} ${path} `)).map((entry) => entry.split(' ')[2]);
        expect([method, path, seen.some((status) => status.startsWith('2'))]).toEqual([method, path, true]);
        expect([method, path, seen.some((status) => status.startsWith('4'))]).toEqual([method, path, true]);
      }
    }
  }, 60_000);
});

async function until(done: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the background work did not finish');
}
