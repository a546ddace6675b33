import { randomUUID } from 'node:crypto';
import { policyholderStream } from '@ij/ledger';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * The Commands table of api.md, end to end over HTTP on each store: every command, every refusal, the
 * validation of bodies, idempotency and concurrency.
 */
const PROBLEM = /application\/problem\+json/u;
const salaries2025 = (grossCents = 200_000) => ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents }));

describe.each(['sqlite', 'postgres'] as const)('commands on the %s store', (kind) => {
  let ledger: TestLedger;
  let serial = 0;

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  /** Opens a 20-day sickness stoppage (2025-06-10 … 2025-06-29) for a new policyholder. */
  async function openSickness(overrides: Record<string, unknown> = {}) {
    const stoppageId = randomUUID();
    const response = await ledger.command('clerk', '/v1/stoppages', {
      stoppageId,
      nir: testNir(++serial),
      kind: 'SICKNESS',
      startDate: '2025-06-10',
      endDate: '2025-06-29',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return { stoppageId, policyholderId: response.body.policyholderId as string };
  }

  const eventTypes = async (policyholderId: string) =>
    (await ledger.ledger.storage.events.readStream(policyholderStream(policyholderId))).map((event) => event.type);

  describe('OpenStoppage', () => {
    it('answers 201 with the stoppage id and an opaque policyholder id that does not reveal the NIR', async () => {
      const nir = testNir(9_001);
      const stoppageId = randomUUID();
      const response = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ stoppageId, policyholderId: expect.any(String) });
      expect(response.body.policyholderId).not.toContain(nir.slice(0, 13));
      // the command answered once its events were in the read models: the NIR finds the same opaque id
      const again = await ledger.command('clerk', '/v1/policyholders/search', { nir });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ policyholderId: response.body.policyholderId });
    });

    it('gives the same policyholder id to two stoppages of the same NIR', async () => {
      const nir = testNir(9_002);
      const first = await ledger.command('clerk', '/v1/stoppages', { stoppageId: randomUUID(), nir, kind: 'SICKNESS', startDate: '2025-01-10', endDate: '2025-01-12' });
      const second = await ledger.command('clerk', '/v1/stoppages', { stoppageId: randomUUID(), nir, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-12' });
      expect(first.body.policyholderId).toBe(second.body.policyholderId);
    });

    it('refuses a stoppage id already used by another policyholder (409 stoppage-id-taken)', async () => {
      const { stoppageId } = await openSickness();
      const response = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(++serial), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });
      expect(response.status).toBe(409);
      expect(response.body.type).toMatch(/\/stoppage-id-taken$/u);
    });

    it('refuses a prolongation of an unknown stoppage (409)', async () => {
      const response = await ledger.command('clerk', '/v1/stoppages', {
        stoppageId: randomUUID(), nir: testNir(++serial), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29', prolongationOf: randomUUID(),
      });
      expect(response.status).toBe(409);
      expect(response.body.type).toMatch(/\/prolongation-of-unknown-stoppage$/u);
    });

    it('refuses a start date that no parameter row covers (409 no-parameters-for-date)', async () => {
      const response = await ledger.command('clerk', '/v1/stoppages', { stoppageId: randomUUID(), nir: testNir(++serial), kind: 'SICKNESS', startDate: '2019-06-10', endDate: '2019-06-29' });
      expect(response.status).toBe(409);
      expect(response.body.type).toMatch(/\/no-parameters-for-date$/u);
    });
  });

  describe('the life of a sickness stoppage', () => {
    it('advance, certificate, regularization: pays the remainder under the active rules (ij-rules §3: IJ 32.87 €, 17 payable days)', async () => {
      const { stoppageId, policyholderId } = await openSickness();
      const advance = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 30_000, reason: 'certificate not received' });
      expect(advance.status).toBe(201);
      expect(advance.body).toEqual({ advanceId: expect.any(String) });

      const certificate = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries2025() });
      expect(certificate.status).toBe(200);

      const regularization = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' });
      expect(regularization.status).toBe(201);
      // 20 days less 3 days of carence = 17 × 32.87 € = 558.79 €.
      expect(regularization.body).toMatchObject({ entitlementCents: 55_879, paidBeforeCents: 30_000, deltaCents: 25_879, outcome: 'PAID' });
      expect(regularization.body.rulesVersion).toEqual(expect.any(String));
      // The advance and the payment are each ordered as a transfer in the same append (#17).
      expect(await eventTypes(policyholderId)).toEqual(['StoppageOpened', 'AdvanceIssued', 'TransferOrdered', 'SalaryCertificateRecorded', 'StoppageRegularized', 'PaymentOrdered', 'TransferOrdered']);
    });

    it('assesses an overpayment when the advance exceeded the entitlement, then records its recovery', async () => {
      const { stoppageId } = await openSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 80_000, reason: 'estimate' }).expect(201);
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries2025() }).expect(200);
      const regularization = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' });
      expect(regularization.body).toMatchObject({ entitlementCents: 55_879, paidBeforeCents: 80_000, deltaCents: -24_121, outcome: 'OVERPAYMENT_ASSESSED' });

      const tooMuch = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/recoveries`, { amountCents: 24_122 });
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body.type).toMatch(/\/recovery-exceeds-overpayment$/u);
      const recovery = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/recoveries`, { amountCents: 24_121 });
      expect(recovery.status).toBe(201);
      const again = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' });
      expect(again.body).toMatchObject({ entitlementCents: 55_879, paidBeforeCents: 55_879, deltaCents: 0, outcome: 'NOTHING_DUE' });
    });

    it('extends a stoppage and refuses an extension that is not later', async () => {
      const { stoppageId } = await openSickness();
      const extension = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/extensions`, { newEndDate: '2025-07-15' });
      expect(extension.status).toBe(200);
      expect(extension.body).toMatchObject({ stoppageId, endDate: '2025-07-15' });
      const notLater = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/extensions`, { newEndDate: '2025-07-15' });
      expect(notLater.status).toBe(409);
      expect(notLater.body.type).toMatch(/\/extension-not-later$/u);
    });

    it('ends a stoppage early and refuses an early end outside it', async () => {
      const { stoppageId } = await openSickness();
      const outside = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/early-end`, { lastDay: '2025-06-09' });
      expect(outside.status).toBe(409);
      expect(outside.body.type).toMatch(/\/early-end-outside-stoppage$/u);
      const early = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/early-end`, { lastDay: '2025-06-20' });
      expect(early.status).toBe(200);
      expect(early.body).toMatchObject({ stoppageId, lastDay: '2025-06-20' });
    });

    it('refuses to regularize without the salary certificate the kind needs (409 missing-salary-certificate)', async () => {
      const { stoppageId } = await openSickness();
      const response = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' });
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.type).toMatch(/\/missing-salary-certificate$/u);
    });

    it('refuses a certificate with the wrong months', async () => {
      const { stoppageId } = await openSickness();
      const response = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, {
        salaries: ['2025-02', '2025-03', '2025-04'].map((month) => ({ month, grossCents: 200_000 })),
      });
      expect(response.status).toBe(409);
      expect(response.body.type).toMatch(/\/salary-certificate-months-mismatch$/u);
    });

    it('refuses an advance above the published maximum × prescribed days (41.47 € × 20 days)', async () => {
      const { stoppageId } = await openSickness();
      const response = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 82_941, reason: 'too much' });
      expect(response.status).toBe(409);
      expect(response.body.type).toMatch(/\/advance-exceeds-maximum$/u);
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 82_940, reason: 'the most' }).expect(201);
    });

    it('refuses a regularization through a date after today', async () => {
      const { stoppageId } = await openSickness({ startDate: '2025-11-20', endDate: '2025-12-20' });
      const response = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-12-02' });
      expect(response.status).toBe(409);
      expect(response.body.type).toMatch(/\/regularization-in-future$/u);
    });

    it('closes a stoppage settled through its last day: no more advances or extensions', async () => {
      const { stoppageId } = await openSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: salaries2025() }).expect(200);
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' }).expect(201);
      const advance = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 100, reason: 'late' });
      expect(advance.status).toBe(409);
      expect(advance.body.type).toMatch(/\/stoppage-closed$/u);
    });

    it('answers 404 for an unknown stoppage', async () => {
      const response = await ledger.command('clerk', `/v1/stoppages/${randomUUID()}/advances`, { amountCents: 100, reason: 'x' });
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.type).toMatch(/\/stoppage-not-found$/u);
    });
  });

  describe('invalid bodies', () => {
    const valid = () => ({ stoppageId: randomUUID(), nir: testNir(++serial), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' });

    it.each([
      ['a NIR with a wrong key', { nir: '185057800608499' }, 'nir'],
      ['a NIR of the wrong length', { nir: '1850578' }, 'nir'],
      ['an impossible date', { startDate: '2025-02-30' }, 'startDate'],
      ['an end before the start', { endDate: '2025-06-01' }, 'endDate'],
      ['an unknown kind', { kind: 'HOLIDAY' }, 'kind'],
      ['a stoppage id that is not a UUID', { stoppageId: 'abc' }, 'stoppageId'],
      ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour'],
      // Found by fuzzing: class-validator's whitelist does not see a field named like a prototype member.
      ['a field named constructor', { constructor: -1 }, 'constructor'],
      ['an accident date on a sickness stoppage', { accidentDate: '2025-06-10' }, 'accidentDate'],
      ['a therapeutic part-time without its daily loss of earnings', { kind: 'THERAPEUTIC_PART_TIME' }, 'dailyLossOfEarningsCents'],
    ])('refuses %s with a 400 naming the field', async (_label, change, field) => {
      const before = await ledger.ledger.storage.events.headPosition();
      const response = await ledger.command('clerk', '/v1/stoppages', { ...valid(), ...change });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await ledger.ledger.storage.events.headPosition()).toBe(before);
    });

    it('gives one entry per bad field', async () => {
      const response = await ledger.command('clerk', '/v1/stoppages', { ...valid(), nir: 'x', startDate: 'tomorrow', kind: 3 });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['kind', 'nir', 'startDate']);
      expect(JSON.stringify(response.body)).not.toContain('stack');
    });

    it.each([
      ['zero', 0],
      ['negative', -100],
      ['a float', 100.5],
      ['a string', '100'],
      ['huge', 1e15],
    ])('refuses an amount that is %s', async (_label, amountCents) => {
      const { stoppageId } = await openSickness();
      const response = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents, reason: 'x' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'amountCents' })]);
    });

    it('names nested fields by their path', async () => {
      const { stoppageId } = await openSickness();
      const response = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: [{ month: '2025-13', grossCents: -1 }] });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['salaries.0.grossCents', 'salaries.0.month']);
    });

    it('requires an Idempotency-Key on every command', async () => {
      const response = await ledger.http.post('/v1/stoppages').set('Authorization', 'Bearer test-clerk-key-0000000001').send(valid());
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    });

    it('refuses malformed JSON, a wrong content type and an oversized body', async () => {
      const post = () => ledger.http.post('/v1/stoppages').set('Authorization', 'Bearer test-clerk-key-0000000001').set('Idempotency-Key', randomUUID());
      const truncated = await post().set('Content-Type', 'application/json').send('{"stoppageId": "abc');
      expect(truncated.status).toBe(400);
      expect(truncated.headers['content-type']).toMatch(PROBLEM);
      const text = await post().set('Content-Type', 'text/plain').send('hello');
      expect(text.status).toBe(415);
      const huge = await post().set('Content-Type', 'application/json').send(JSON.stringify({ reason: 'x'.repeat(200_000) }));
      expect(huge.status).toBe(413);
      expect(huge.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('idempotency', () => {
    it('answers a repeat with the first response, marked as replayed, and records nothing more', async () => {
      const { stoppageId, policyholderId } = await openSickness();
      const body = { amountCents: 10_000, reason: 'first' };
      const first = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, body, `advance-${stoppageId}`);
      const second = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, body, `advance-${stoppageId}`);
      expect(second.status).toBe(first.status);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await eventTypes(policyholderId)).toEqual(['StoppageOpened', 'AdvanceIssued', 'TransferOrdered']);
    });

    it('replays a refusal as well', async () => {
      const { stoppageId } = await openSickness();
      const first = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' }, `reg-${stoppageId}`);
      const second = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/regularizations`, { through: '2025-06-29' }, `reg-${stoppageId}`);
      expect(first.status).toBe(409);
      expect(second.status).toBe(409);
      expect(second.body).toEqual(first.body);
    });

    it('refuses the same key with a different body (422)', async () => {
      const { stoppageId } = await openSickness();
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 10_000, reason: 'a' }, `reuse-${stoppageId}`).expect(201);
      const reused = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 20_000, reason: 'a' }, `reuse-${stoppageId}`);
      expect(reused.status).toBe(422);
      expect(reused.body.type).toMatch(/\/idempotency-key-reused$/u);
    });

    it('scopes keys per actor', async () => {
      const { stoppageId, policyholderId } = await openSickness();
      const body = { amountCents: 1_000, reason: 'same key, two clerks' };
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, body, `shared-${stoppageId}`).expect(201);
      const other = await ledger.command('admin', `/v1/stoppages/${stoppageId}/advances`, body, `shared-${stoppageId}`);
      expect(other.status).toBe(201);
      expect(other.headers['idempotent-replayed']).toBeUndefined();
      expect((await eventTypes(policyholderId)).filter((type) => type === 'AdvanceIssued')).toHaveLength(2);
    });

    it('executes concurrent duplicates exactly once', async () => {
      const { stoppageId, policyholderId } = await openSickness();
      const body = { amountCents: 5_000, reason: 'double click' };
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, body, `burst-${stoppageId}`)),
      );
      expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
      expect(new Set(responses.map((response) => response.body.advanceId)).size).toBe(1);
      expect((await eventTypes(policyholderId)).filter((type) => type === 'AdvanceIssued')).toHaveLength(1);
    });
  });

  describe('concurrency', () => {
    it('loses none of 50 concurrent commands on one policyholder', async () => {
      const { stoppageId, policyholderId } = await openSickness();
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) => ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 100 + index, reason: `advance ${index}` })),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
      const events = await ledger.ledger.storage.events.readStream(policyholderStream(policyholderId));
      const amounts = events.filter((event) => event.type === 'AdvanceIssued').map((event) => (event.data as { amountCents: number }).amountCents);
      expect(amounts.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => 100 + index));
    });
  });

  describe('rules versions', () => {
    it('lets a supervisor activate a released version, and refuses an unknown one', async () => {
      const rules = await ledger.get('clerk', '/v1/rules').expect(200);
      expect(rules.body.versions.length).toBeGreaterThanOrEqual(2);
      const other = rules.body.versions.find((version: { version: string }) => version.version !== rules.body.active).version;
      const activation = await ledger.command('supervisor', '/v1/rules/active', { version: other });
      expect(activation.status).toBe(200);
      expect((await ledger.get('auditor', '/v1/rules')).body.active).toBe(other);
      await ledger.command('supervisor', '/v1/rules/active', { version: rules.body.active }).expect(200);
      const unknown = await ledger.command('supervisor', '/v1/rules/active', { version: '1999.1' });
      expect(unknown.status).toBe(409);
      expect(unknown.body.type).toMatch(/\/unknown-rules-version$/u);
    });
  });
});
