import { randomUUID } from 'node:crypto';
import { startTestLedger, testNir, type TestLedger } from '../support/ledger-harness';

/**
 * Issue 21, high: no bound on dates. An extension to 9999-12-31 was accepted and the advance cap (maximum ×
 * days to the end) let 20 M€ through. Dates are bounded (2000-01-01 … 2099-12-31 at the entrance, 3 years per
 * chain in the domain) and advances are capped by the days elapsed through the command's date.
 */
describe('date bounds', () => {
  let ledger: TestLedger;
  let serial = 31_000;

  beforeAll(async () => {
    ledger = await startTestLedger('sqlite', '2025-06-20');
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function opened(endDate = '2025-06-29') {
    const stoppageId = randomUUID();
    const response = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(++serial), kind: 'SICKNESS', startDate: '2025-06-10', endDate });
    expect(response.status).toBe(201);
    return stoppageId;
  }

  it('refuses 9999-12-31 as an extension or an end date with 400, one entry for the field', async () => {
    const stoppageId = await opened();
    const extension = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/extensions`, { newEndDate: '9999-12-31' });
    expect(extension.status).toBe(400);
    expect(extension.body.errors).toEqual([{ field: 'newEndDate', message: expect.stringContaining('2099-12-31') }]);
    const opening = await ledger.command('clerk', '/v1/stoppages', { stoppageId: randomUUID(), nir: testNir(++serial), kind: 'SICKNESS', startDate: '1999-12-31', endDate: '9999-12-31' });
    expect(opening.status).toBe(400);
    expect(opening.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['endDate', 'startDate']);
  });

  it('refuses with 409 an extension past 3 years from the chain start (2025-06-10 → last day 2028-06-09)', async () => {
    const stoppageId = await opened();
    const tooLong = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/extensions`, { newEndDate: '2028-06-10' });
    expect(tooLong.status).toBe(409);
    expect(tooLong.body).toMatchObject({ type: expect.stringMatching(/\/stoppage-beyond-longest-period$/u), latestEndDate: '2028-06-09' });
    expect((await ledger.command('clerk', `/v1/stoppages/${stoppageId}/extensions`, { newEndDate: '2028-06-09' })).status).toBe(200);
  });

  it('caps advances by the days elapsed through today, not through the end date', async () => {
    // Opened 06-10, today 06-20: 11 days × the published maximum 41.47 € = 456.17 €, whatever the end date.
    const stoppageId = await opened('2028-06-09');
    const tooMuch = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 45_618, reason: 'hardship' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ type: expect.stringMatching(/\/advance-exceeds-maximum$/u), maximumCents: 45_617, prescribedDays: 11, countedThrough: '2025-06-20' });
    expect((await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 45_617, reason: 'hardship' })).status).toBe(201);
  });
});
