import { startTestLedger, type TestLedger } from '../support/ledger-harness';

/** A runaway client gets 429 problem+json once it exceeds its key's budget; other keys are not affected. */
describe('rate limit per API key', () => {
  let ledger: TestLedger;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite', undefined, 5);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  it('answers 429 after the budget, per key', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 7; index++) statuses.push((await ledger.get('clerk', '/v1/rules')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await ledger.get('clerk', '/v1/rules');
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/u);
    expect(limited.body).toMatchObject({ status: 429, type: expect.stringMatching(/\/too-many-requests$/u) });
    expect((await ledger.get('auditor', '/v1/rules')).status).toBe(200);
  });
});
