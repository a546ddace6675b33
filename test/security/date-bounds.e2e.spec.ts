import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@ij/event-store';
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

  it('folds a stoppage stored before the bounds, ending 9999-12-31, as ending after 3 years: its reads stay small and quick', async () => {
    // As an earlier release stored it (it accepted any end date): opened 2025-06-10, ending 9999-12-31.
    const stoppageId = randomUUID();
    const policyholderId = `legacy-${stoppageId}`;
    const envelope = (type: string, data: unknown): EventToAppend => ({ id: randomUUID(), type, data, metadata: { actor: 'clerk-1', correlationId: 'legacy', causationId: 'legacy', recordedAt: '2025-06-10T10:00:00.000Z', schemaVersion: 1 } });
    const events = ledger.ledger.storage.events;
    await events.append(`stoppage-${stoppageId}`, [envelope('StoppageIdReserved', { stoppageId, policyholderId })], { expectedRevision: 'no_stream' });
    const stored = await events.append(
      `policyholder-${policyholderId}`,
      [envelope('StoppageOpened', { stoppageId, policyholderId, kind: 'SICKNESS', startDate: '2025-06-10', endDate: '9999-12-31', openedOn: '2025-06-10' })],
      { expectedRevision: 'no_stream' },
    );
    // Folded with the end the ledger would have accepted: reading it walks 3 years of days, not 2.9 million.
    const view = await ledger.get('auditor', `/v1/stoppages/${stoppageId}`).set('Ledger-Min-Position', String(stored.position)).expect(200);
    expect(view.body.endDate).toBe('2028-06-09');
    const answer = await ledger.get('auditor', `/v1/stoppages/${stoppageId}/entitlement?through=2099-12-31`).set('Ledger-Min-Position', String(stored.position)).expect(200);
    // The chain's last possible day is 2028-06-09: the days end there, and the answer says so.
    expect(answer.body.through).toBe('2028-06-09');
    expect(answer.body.days.length).toBeLessThanOrEqual(1096);
    expect(answer.body.days[answer.body.days.length - 1].date).toBe('2028-06-09');
    // Within the period, the answer is the one asked for.
    const within = await ledger.get('auditor', `/v1/stoppages/${stoppageId}/entitlement?through=2025-06-20`).expect(200);
    expect(within.body.through).toBe('2025-06-20');
  });
});
