import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestLedger, testNir, TEST_KEYS, TEST_TODAY, type TestLedger } from '../support/ledger-harness';

/**
 * The Queries table of api.md, end to end over HTTP on each store: every query answers right after the
 * command that changed it (read-your-writes), with its roles, its 404s and its validation.
 */
const PROBLEM = /application\/problem\+json/u;
const salaries2025 = (grossCents = 200_000) => ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents }));
/** ij-rules §3: 3 × 2 000 € → IJ 32.87 €; 2025-06-10 … 2025-06-29 is 20 days, 3 of carence. */
const DAILY_CENTS = 3_287;
const FULL_ENTITLEMENT_CENTS = 55_879;

describe.each(['sqlite', 'postgres'] as const)('queries on the %s store', (kind) => {
  let ledger: TestLedger;
  let serial = 0;

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function openSickness(nir = testNir(++serial), overrides: Record<string, unknown> = {}) {
    const stoppageId = randomUUID();
    const response = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29', ...overrides });
    expect(response.status).toBe(201);
    return { stoppageId, policyholderId: response.body.policyholderId as string, nir };
  }

  describe('GET /v1/stoppages/{id}', () => {
    it('shows the facts, the payments and the amounts under the active rules right after the command', async () => {
      const { stoppageId, policyholderId } = await openSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 30_000, reason: 'certificate pending' }).expect(201);
      const beforeCertificate = await ledger.get('clerk', `/v1/stoppages/${stoppageId}`).expect(200);
      expect(beforeCertificate.body).toMatchObject({
        stoppageId, policyholderId, kind: 'SICKNESS', status: 'open', startDate: '2025-06-10', endDate: '2025-06-29',
        through: TEST_TODAY, entitlementStatus: 'MISSING_SALARY_CERTIFICATE', entitlementCents: 0, paidCents: 30_000, balanceCents: -30_000,
        missingSalaryMonths: ['2025-03', '2025-04', '2025-05'],
      });
      expect(beforeCertificate.body.advances).toEqual([expect.objectContaining({ amountCents: 30_000, reason: 'certificate pending' })]);

      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries2025() }).expect(200);
      const rules = await ledger.get('clerk', '/v1/rules').expect(200);
      const view = await ledger.get('auditor', `/v1/stoppages/${stoppageId}`).expect(200);
      expect(view.body).toMatchObject({
        rulesVersion: rules.body.active, entitlementStatus: 'COMPUTED', entitlementCents: FULL_ENTITLEMENT_CENTS,
        paidCents: 30_000, balanceCents: FULL_ENTITLEMENT_CENTS - 30_000, overpaymentOutstandingCents: 0, salaries: salaries2025(),
      });
      expect(view.body).not.toHaveProperty('missingSalaryMonths');
    });

    it('computes through a given date', async () => {
      const { stoppageId } = await openSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries2025() }).expect(200);
      const view = await ledger.get('clerk', `/v1/stoppages/${stoppageId}?through=2025-06-19`).expect(200);
      expect(view.body).toMatchObject({ through: '2025-06-19', entitlementCents: 7 * DAILY_CENTS, balanceCents: 7 * DAILY_CENTS });
    });

    it('answers 404 problem for an unknown stoppage, 403 to a supervisor, 401 without a key', async () => {
      const unknown = await ledger.get('clerk', `/v1/stoppages/${randomUUID()}`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(PROBLEM);
      expect(unknown.body.type).toMatch(/\/stoppage-not-found$/u);
      const { stoppageId } = await openSickness();
      expect((await ledger.get('supervisor', `/v1/stoppages/${stoppageId}`)).status).toBe(403);
      expect((await ledger.http.get(`/v1/stoppages/${stoppageId}`)).status).toBe(401);
    });
  });

  describe('GET /v1/stoppages/{id}/entitlement', () => {
    it('explains day by day and step by step, with legal references', async () => {
      const { stoppageId } = await openSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries2025() }).expect(200);
      const response = await ledger.get('clerk', `/v1/stoppages/${stoppageId}/entitlement?through=2025-06-29`).expect(200);
      expect(response.body).toMatchObject({ stoppageId, through: '2025-06-29', status: 'COMPUTED', dailyBaseCents: 6_575, entitlementCents: FULL_ENTITLEMENT_CENTS });
      expect(response.body.days).toHaveLength(20);
      expect(response.body.days.slice(0, 4)).toEqual([
        { date: '2025-06-10', paid: false, amountCents: 0, reason: 'CARENCE' },
        { date: '2025-06-11', paid: false, amountCents: 0, reason: 'CARENCE' },
        { date: '2025-06-12', paid: false, amountCents: 0, reason: 'CARENCE' },
        { date: '2025-06-13', paid: true, amountCents: DAILY_CENTS, reason: 'PAID' },
      ]);
      expect(response.body.steps.length).toBeGreaterThan(0);
      for (const step of response.body.steps) expect(step).toEqual({ label: expect.any(String), value: expect.any(String), legalRef: expect.any(String) });
    });

    it('computes under any released version, not only the active one', async () => {
      const { stoppageId } = await openSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries2025() }).expect(200);
      const rules = await ledger.get('clerk', '/v1/rules').expect(200);
      for (const { version } of rules.body.versions as Array<{ version: string }>) {
        const response = await ledger.get('auditor', `/v1/stoppages/${stoppageId}/entitlement?through=2025-06-29&rulesVersion=${version}`).expect(200);
        expect(response.body.rulesVersion).toBe(version);
      }
    });

    it('refuses an unknown rules version (404) and a bad date (400 naming the field)', async () => {
      const { stoppageId } = await openSickness();
      const unknown = await ledger.get('clerk', `/v1/stoppages/${stoppageId}/entitlement?rulesVersion=1999.9`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.type).toMatch(/\/unknown-rules-version$/u);
      expect(unknown.body).toMatchObject({ title: 'Unknown rules version', version: '1999.9', knownVersions: expect.arrayContaining(['2026.1', '2026.2']) });
      const badDate = await ledger.get('clerk', `/v1/stoppages/${stoppageId}/entitlement?through=2025-02-30`);
      expect(badDate.status).toBe(400);
      expect(badDate.headers['content-type']).toMatch(PROBLEM);
      expect(badDate.body.errors).toEqual([{ field: 'through', message: expect.any(String) }]);
    });
  });

  describe('POST /v1/policyholders/search', () => {
    it('finds the policyholder of a NIR without an Idempotency-Key', async () => {
      const { policyholderId, nir } = await openSickness();
      const response = await request(ledger.ledger.app.getHttpServer())
        .post('/v1/policyholders/search')
        .set('Authorization', `Bearer ${TEST_KEYS.auditor}`)
        .send({ nir });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ policyholderId });
    });

    it('answers 404 for a valid NIR nobody holds, without echoing it, and 400 for a bad key', async () => {
      const nir = testNir(99_999);
      const unknown = await ledger.command('clerk', '/v1/policyholders/search', { nir });
      expect(unknown.status).toBe(404);
      expect(unknown.body.type).toMatch(/\/policyholder-not-found$/u);
      expect(JSON.stringify(unknown.body)).not.toContain(nir.slice(0, 13));
      const invalid = await ledger.command('clerk', '/v1/policyholders/search', { nir: '185057800608499' });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors).toEqual([{ field: 'nir', message: expect.any(String) }]);
      expect((await ledger.command('supervisor', '/v1/policyholders/search', { nir })).status).toBe(403);
    });
  });

  describe('GET /v1/policyholders/{id}/balance', () => {
    it('sums the stoppages of the policyholder (ij-rules §5)', async () => {
      const first = await openSickness();
      const second = await openSickness(first.nir, { startDate: '2025-09-01', endDate: '2025-09-10' });
      await ledger.command('clerk', `/v1/stoppages/${first.stoppageId}/salary-certificate`, { salaries: salaries2025() }).expect(200);
      await ledger.command('clerk', `/v1/stoppages/${first.stoppageId}/advances`, { amountCents: 10_000, reason: 'advance' }).expect(201);
      await ledger.command('clerk', `/v1/stoppages/${second.stoppageId}/advances`, { amountCents: 5_000, reason: 'advance' }).expect(201);
      const response = await ledger.get('supervisor', `/v1/policyholders/${first.policyholderId}/balance?through=2025-06-29`).expect(200);
      expect(response.body).toMatchObject({
        policyholderId: first.policyholderId, through: '2025-06-29', rulesVersion: expect.any(String),
        entitlementCents: FULL_ENTITLEMENT_CENTS, paidCents: 15_000, balanceCents: FULL_ENTITLEMENT_CENTS - 15_000, overpaymentOutstandingCents: 0,
      });
      expect(response.body.stoppages).toEqual([
        expect.objectContaining({ stoppageId: first.stoppageId, kind: 'SICKNESS', status: 'open', entitlementCents: FULL_ENTITLEMENT_CENTS, paidCents: 10_000, balanceCents: FULL_ENTITLEMENT_CENTS - 10_000 }),
        expect.objectContaining({ stoppageId: second.stoppageId, entitlementCents: 0, paidCents: 5_000, balanceCents: -5_000 }),
      ]);
    });

    it('answers a read again after each command, never a balance from before it', async () => {
      const { stoppageId, policyholderId } = await openSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries2025() }).expect(200);
      const path = `/v1/policyholders/${policyholderId}/balance?through=2025-06-29`;
      const read = async () => (await ledger.get('clerk', path).expect(200)).body;
      expect(await read()).toMatchObject({ paidCents: 0, balanceCents: FULL_ENTITLEMENT_CENTS });
      expect(await read()).toMatchObject({ paidCents: 0, balanceCents: FULL_ENTITLEMENT_CENTS });
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 10_000, reason: 'advance' }).expect(201);
      expect(await read()).toMatchObject({ paidCents: 10_000, balanceCents: FULL_ENTITLEMENT_CENTS - 10_000 });
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 2_500, reason: 'advance' }).expect(201);
      expect(await read()).toMatchObject({ paidCents: 12_500, balanceCents: FULL_ENTITLEMENT_CENTS - 12_500 });
    });

    it('validates the query string every time, also after answering many reads without one', async () => {
      const { policyholderId } = await openSickness();
      for (let read = 0; read < 3; read++) await ledger.get('clerk', `/v1/policyholders/${policyholderId}/balance`).expect(200);
      const bad = await ledger.get('clerk', `/v1/policyholders/${policyholderId}/balance?through=2025-02-30`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'through', message: expect.any(String) }]);
      const unknown = await ledger.get('clerk', `/v1/policyholders/${policyholderId}/balance?since=2025-01-01`);
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([{ field: 'since', message: expect.any(String) }]);
    });

    it('answers 404 for an unknown policyholder', async () => {
      const response = await ledger.get('clerk', '/v1/policyholders/unknown-policyholder-id/balance');
      expect(response.status).toBe(404);
      expect(response.body.type).toMatch(/\/policyholder-not-found$/u);
    });
  });

  describe('GET /v1/policyholders/{id}/history', () => {
    it('gives the auditor every event in order with its position, revision, actor, ids and rules version', async () => {
      const { stoppageId, policyholderId } = await openSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries2025() }).expect(200);
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' }).expect(201);
      const response = await ledger.get('auditor', `/v1/policyholders/${policyholderId}/history`).expect(200);
      // The regularization's payment is ordered as a transfer in the same append (#17).
      expect(response.body.map((entry: { type: string }) => entry.type)).toEqual(['StoppageOpened', 'SalaryCertificateRecorded', 'StoppageRegularized', 'PaymentOrdered', 'TransferOrdered']);
      expect(response.body.map((entry: { revision: number }) => entry.revision)).toEqual([0, 1, 2, 3, 4]);
      const positions = response.body.map((entry: { position: number }) => entry.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      for (const entry of response.body) {
        expect(entry).toMatchObject({ position: expect.any(Number), actor: 'clerk-1', correlationId: expect.any(String), causationId: expect.any(String), recordedAt: expect.any(String) });
      }
      expect(response.body[0]).not.toHaveProperty('rulesVersion');
      expect(response.body[2]).toMatchObject({ rulesVersion: expect.any(String), data: expect.objectContaining({ stoppageId, entitlementCents: FULL_ENTITLEMENT_CENTS }) });
    });

    it('is for auditors only, and 404 for an unknown policyholder', async () => {
      const { policyholderId } = await openSickness();
      expect((await ledger.get('clerk', `/v1/policyholders/${policyholderId}/history`)).status).toBe(403);
      expect((await ledger.get('auditor', '/v1/policyholders/unknown-policyholder-id/history')).status).toBe(404);
    });
  });
});

describe.each(['sqlite', 'postgres'] as const)('the regularization backlog on the %s store', (kind) => {
  let ledger: TestLedger;
  let serial = 500;
  const ids: Record<string, string> = {};

  /** A realistic mix: each policyholder's situation is named after what the backlog should say of it. */
  beforeAll(async () => {
    ledger = await startTestLedger(kind);
    const open = async (name: string, body: Record<string, unknown> = {}) => {
      const stoppageId = randomUUID();
      await ledger
        .command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(++serial), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29', ...body })
        .expect(201);
      ids[name] = stoppageId;
      return `/v1/stoppages/${stoppageId}`;
    };
    const advanceWithoutCertificate = await open('advanceWithoutCertificate');
    await ledger.command('clerk', `${advanceWithoutCertificate}/advances`, { amountCents: 30_000, reason: 'certificate pending' }).expect(201);

    const advanceNotRegularized = await open('advanceNotRegularized');
    await ledger.command('clerk', `${advanceNotRegularized}/salary-certificate`, { salaries: salaries2025() }).expect(200);
    await ledger.command('clerk', `${advanceNotRegularized}/advances`, { amountCents: 20_000, reason: 'advance' }).expect(201);

    const neverPaid = await open('neverPaid');
    await ledger.command('clerk', `${neverPaid}/salary-certificate`, { salaries: salaries2025() }).expect(200);

    const partlyRegularized = await open('partlyRegularized');
    await ledger.command('clerk', `${partlyRegularized}/salary-certificate`, { salaries: salaries2025() }).expect(200);
    await ledger.command('clerk', `${partlyRegularized}/regularizations`, { through: '2025-06-19' }).expect(201);

    const overpaid = await open('overpaid');
    await ledger.command('clerk', `${overpaid}/advances`, { amountCents: 80_000, reason: 'estimate' }).expect(201);
    await ledger.command('clerk', `${overpaid}/salary-certificate`, { salaries: salaries2025() }).expect(200);
    await ledger.command('clerk', `${overpaid}/regularizations`, { through: '2025-06-29' }).expect(201);

    const settled = await open('settled');
    await ledger.command('clerk', `${settled}/advances`, { amountCents: 10_000, reason: 'advance' }).expect(201);
    await ledger.command('clerk', `${settled}/salary-certificate`, { salaries: salaries2025() }).expect(200);
    await ledger.command('clerk', `${settled}/regularizations`, { through: '2025-06-29' }).expect(201);

    const accident = await open('accident', { kind: 'OCCUPATIONAL_ACCIDENT', startDate: '2025-06-02', endDate: '2025-06-21', accidentDate: '2025-05-30' });
    await ledger.command('clerk', `${accident}/salary-certificate`, { salaries: [{ month: '2025-05', grossCents: 200_000 }] }).expect(200);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('lists each unsettled stoppage once, with its reason, amount and age since the oldest unsettled fact', async () => {
    const response = await ledger.get('supervisor', '/v1/reports/regularization-backlog').expect(200);
    const rowOf = (name: string) => response.body.rows.find((row: { stoppageId: string }) => row.stoppageId === ids[name]);
    expect(response.body.through).toBe(TEST_TODAY);
    expect(rowOf('advanceWithoutCertificate')).toMatchObject({ reason: 'MISSING_SALARY_CERTIFICATE', amountCents: 30_000, since: '2025-06-10', ageDays: 174, ageBucket: '>90' });
    expect(rowOf('advanceNotRegularized')).toMatchObject({ reason: 'ADVANCE_NOT_REGULARIZED', amountCents: 20_000, since: TEST_TODAY, ageDays: 0, ageBucket: '0-14' });
    expect(rowOf('neverPaid')).toMatchObject({ reason: 'UNDERPAID', amountCents: FULL_ENTITLEMENT_CENTS, since: '2025-06-10', ageBucket: '>90' });
    // Settled through 19 June (7 payable days): the 10 days after are owed since 20 June.
    expect(rowOf('partlyRegularized')).toMatchObject({ reason: 'UNDERPAID', amountCents: 10 * DAILY_CENTS, since: '2025-06-20', ageDays: 164 });
    expect(rowOf('overpaid')).toMatchObject({ reason: 'OVERPAID', amountCents: 80_000 - FULL_ENTITLEMENT_CENTS, since: TEST_TODAY, ageBucket: '0-14' });
    expect(rowOf('accident')).toMatchObject({ reason: 'UNDERPAID', kind: 'OCCUPATIONAL_ACCIDENT', amountCents: 78_900, since: '2025-06-02', ageBucket: '>90' });
    expect(rowOf('settled')).toBeUndefined();
  });

  it('totals by reason, kind and age bucket, in count and cents', async () => {
    const { body } = await ledger.get('auditor', '/v1/reports/regularization-backlog').expect(200);
    const underpaid = FULL_ENTITLEMENT_CENTS + 10 * DAILY_CENTS + 78_900;
    const total = 30_000 + 20_000 + underpaid + (80_000 - FULL_ENTITLEMENT_CENTS);
    expect(body.totals).toEqual({ count: 6, amountCents: total });
    expect(body.byReason).toEqual([
      { reason: 'MISSING_SALARY_CERTIFICATE', count: 1, amountCents: 30_000 },
      { reason: 'ADVANCE_NOT_REGULARIZED', count: 1, amountCents: 20_000 },
      { reason: 'UNDERPAID', count: 3, amountCents: underpaid },
      { reason: 'OVERPAID', count: 1, amountCents: 80_000 - FULL_ENTITLEMENT_CENTS },
    ]);
    expect(body.byKind).toEqual(expect.arrayContaining([
      { kind: 'SICKNESS', count: 5, amountCents: total - 78_900 },
      { kind: 'OCCUPATIONAL_ACCIDENT', count: 1, amountCents: 78_900 },
      { kind: 'MATERNITY', count: 0, amountCents: 0 },
    ]));
    expect(body.byAgeBucket).toEqual([
      { ageBucket: '0-14', count: 2, amountCents: 20_000 + 80_000 - FULL_ENTITLEMENT_CENTS },
      { ageBucket: '15-30', count: 0, amountCents: 0 },
      { ageBucket: '31-60', count: 0, amountCents: 0 },
      { ageBucket: '61-90', count: 0, amountCents: 0 },
      { ageBucket: '>90', count: 4, amountCents: 30_000 + underpaid },
    ]);
  });

  it('only counts stoppages started on or before `through`', async () => {
    const { body } = await ledger.get('supervisor', '/v1/reports/regularization-backlog?through=2025-06-05').expect(200);
    expect(body.rows.map((row: { stoppageId: string }) => row.stoppageId)).toEqual([ids.accident]);
  });

  it('answers the rows as CSV with a header line', async () => {
    const response = await ledger.get('supervisor', '/v1/reports/regularization-backlog?format=csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/u);
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe('policyholderId,stoppageId,kind,reason,amountCents,ageDays,ageBucket,since');
    expect(lines).toHaveLength(7);
    expect(lines.find((line) => line.includes(ids.overpaid))).toMatch(/,SICKNESS,OVERPAID,24121,0,0-14,2025-12-01$/u);
  });

  it('answers its rows a page at a time, every row once in order, with totals over every row (issue 21: bounded answers)', async () => {
    const whole = await ledger.get('supervisor', '/v1/reports/regularization-backlog?limit=1000').expect(200);
    expect(whole.body.next).toBeUndefined();
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const { body } = await ledger.get('supervisor', `/v1/reports/regularization-backlog?limit=4${after ? `&after=${after}` : ''}`).expect(200);
      expect(body.rows.length).toBeLessThanOrEqual(4);
      expect(body.totals).toEqual(whole.body.totals);
      seen.push(...body.rows.map((row: { stoppageId: string }) => row.stoppageId));
      after = body.next;
      pages++;
    } while (after !== undefined);
    expect(pages).toBe(2);
    expect(seen).toEqual(whole.body.rows.map((row: { stoppageId: string }) => row.stoppageId));
  });

  it('refuses a page cursor it did not give, and a limit out of 1 to 1000', async () => {
    const badCursor = await ledger.get('supervisor', '/v1/reports/regularization-backlog?after=not-a-cursor');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors).toEqual([{ field: 'after', message: expect.any(String) }]);
    const badLimit = await ledger.get('supervisor', '/v1/reports/regularization-backlog?limit=1001');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errors).toEqual([{ field: 'limit', message: expect.any(String) }]);
  });

  it('is for supervisors and auditors, and validates its parameters', async () => {
    expect((await ledger.get('clerk', '/v1/reports/regularization-backlog')).status).toBe(403);
    const badFormat = await ledger.get('supervisor', '/v1/reports/regularization-backlog?format=xml');
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.errors).toEqual([{ field: 'format', message: expect.any(String) }]);
  });
});
