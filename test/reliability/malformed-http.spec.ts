import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestLedger, TEST_KEYS, type TestLedger } from '../support/ledger-harness';

/**
 * Malformed HTTP: wrong content types, truncated JSON, a 10 MB body, abused headers. Each is refused with a
 * 4xx (problem+json wherever the application answers), nothing is recorded, and the server keeps serving.
 */
describe('malformed HTTP', () => {
  let ledger: TestLedger;
  const advances = `/v1/stoppages/${randomUUID()}/advances`;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  const post = (path = advances) => ledger.http.post(path).set('Authorization', `Bearer ${TEST_KEYS.clerk}`).set('Idempotency-Key', randomUUID());

  it.each([
    ['a bad percent-encoding in a path parameter', '/v1/policyholders/1900175101001%ZZ/balance'],
    ['a truncated percent-encoding', '/v1/stoppages/%E0%A4%A'],
    ['a lone %', '/%'],
  ])('answers %s with a 400 problem that does not repeat the URL, and keeps serving', async (_label, path) => {
    const response = await ledger.get('clerk', path);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/u);
    expect(response.body.type).toMatch(/\/bad-request$/u);
    expect(response.text).not.toContain(path);
    expect(response.text).not.toContain('1900175101001');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect((await ledger.http.get('/health')).status).toBe(200);
  });

  it.each([
    ['text/plain', 'hello', 415],
    ['application/x-www-form-urlencoded', 'amountCents=100&reason=x', 415],
    ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--', 415],
    ['application/json', '{"amountCents": 100, "reason": "x"', 400],
    ['application/json', '', 400],
    ['application/json', 'null', 400],
    ['application/json', '[1,2,3]', 400],
    ['application/json', '"just a string"', 400],
    ['application/json; charset=latin1', '{"amountCents":100,"reason":"x"}', 415],
  ])('refuses a %s body %j with %i', async (contentType, body, status) => {
    const before = await ledger.ledger.storage.events.headPosition();
    const response = await post().set('Content-Type', contentType).send(body);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/u);
    expect(await ledger.ledger.storage.events.headPosition()).toBe(before);
  });

  it.each([
    ['8 000 [ then 8 000 ]', '['.repeat(8000) + ']'.repeat(8000)],
    ['an array 5 000 deep inside a command', `{"amountCents":100,"reason":${'['.repeat(5000)}${']'.repeat(5000)}}`],
    ['objects 17 deep', `${'{"a":'.repeat(17)}1${'}'.repeat(17)}`],
  ])('refuses JSON nested too deep (%s) with 400 nesting-too-deep, and keeps serving', async (_label, body) => {
    const response = await post().set('Content-Type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expect(response.body.type).toMatch(/\/nesting-too-deep$/u);
    expect((await ledger.http.get('/health')).status).toBe(200);
  });

  it('answers a control character in a free-text field with one 400 entry for it', async () => {
    const response = await post().set('Content-Type', 'application/json').send({ amountCents: 100, reason: 'late\u001b[2J' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'reason', message: expect.stringMatching(/control/u) }]);
  });

  it('refuses a 10 MB body with 413 without reading it into a command', async () => {
    const response = await post().set('Content-Type', 'application/json').send(`{"reason":"${'x'.repeat(10 * 1024 * 1024)}"}`);
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/u);
  });

  it.each([
    ['no scheme', TEST_KEYS.clerk],
    ['Basic', `Basic ${Buffer.from(`clerk:${TEST_KEYS.clerk}`).toString('base64')}`],
    ['an empty bearer', 'Bearer '],
    ['two keys', `Bearer ${TEST_KEYS.clerk} ${TEST_KEYS.clerk}`],
    ['a key with a tab inside', `Bearer ${TEST_KEYS.clerk.slice(0, 5)}\t${TEST_KEYS.clerk.slice(5)}`],
  ])('answers 401 to an Authorization header with %s', async (_label, header) => {
    const response = await ledger.http.get('/v1/rules').set('Authorization', header);
    expect(response.status).toBe(401);
  });

  it('accepts the scheme in any case (RFC 9110: auth schemes are case-insensitive)', async () => {
    expect((await ledger.http.get('/v1/rules').set('Authorization', `bearer ${TEST_KEYS.clerk}`)).status).toBe(200);
  });

  it.each([
    ['too long', 'k'.repeat(129)],
    ['with a space', 'two words'],
    ['with non-ASCII', 'clé-été'],
  ])('refuses an Idempotency-Key %s', async (_label, key) => {
    const response = await ledger.http
      .post(advances)
      .set('Authorization', `Bearer ${TEST_KEYS.clerk}`)
      .set('Idempotency-Key', key)
      .send({ amountCents: 100, reason: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('refuses oversized headers and keeps serving', async () => {
    const server = ledger.ledger.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: '/v1/rules', headers: { Authorization: `Bearer ${'x'.repeat(64 * 1024)}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(431);
    const manyHeaders = ledger.http.get('/v1/rules').set('Authorization', `Bearer ${TEST_KEYS.clerk}`);
    for (let index = 0; index < 90; index++) manyHeaders.set(`X-Filler-${index}`, 'y');
    expect([200, 431]).toContain((await manyHeaders).status);
    expect((await ledger.http.get('/health')).status).toBe(200);
  });
});
