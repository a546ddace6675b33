import inject from 'light-my-request';
import { startTestLedger, TEST_KEYS, type TestLedger } from '../support/ledger-harness';

/**
 * A request that still arrives while the instance closes (on a keep-alive connection the drain did not close
 * yet: seen in the SIGTERM test) is answered by the shutdown gate, as during the drain: the problem 503
 * shutting-down, with helmet's headers, and nothing run. Once closing, Fastify's router stays closed, so the
 * request is handed to its routing function as the server would hand it (Fastify's own inject refuses then).
 */
describe('a request that arrives while the instance closes', () => {
  let ledger: TestLedger | undefined;

  afterEach(async () => {
    await ledger?.close().catch(() => undefined);
  });

  it('gets the problem 503 shutting-down, not a bare 503', async () => {
    ledger = await startTestLedger('sqlite');
    await ledger.ledger.shutdown();
    const fastify = ledger.ledger.app.getHttpAdapter().getInstance();
    const answer = await inject(fastify.routing, {
      method: 'POST',
      url: '/v1/stoppages',
      headers: { authorization: `Bearer ${TEST_KEYS.clerk}`, 'idempotency-key': 'closing-1', 'content-type': 'application/json' },
      payload: JSON.stringify({}),
    });
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['content-type']).toMatch(/application\/problem\+json/u);
    expect(answer.json()).toMatchObject({ type: expect.stringMatching(/\/shutting-down$/u), status: 503 });
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });
});
