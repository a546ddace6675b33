import { randomUUID } from 'node:crypto';
import { startTestLedger, testNir, type TestLedger, untilFinished } from '../support/ledger-harness';

/**
 * POST /v1/replays end to end on each store: the replay runs in the background, GET shows it done with the
 * figures of api.md, and the diff answers in pages and as CSV. Issue #8's case: a sickness stoppage from
 * 2025-03-20 through 2025-04-10 with 3 × 4 000 € is 1 012.89 € under 2026.2 (active) and 894.49 € under 2026.1.
 */
const PROBLEM = /application\/problem\+json/u;
const SALARIES_4000 = ['2024-12', '2025-01', '2025-02'].map((month) => ({ month, grossCents: 400_000 }));
const CORRECT_CENTS = 101_289;
const DEFECTIVE_CENTS = 89_449;
const THROUGH = '2025-04-10';

describe.each(['sqlite', 'postgres'] as const)('replays on the %s store', (kind) => {
  let ledger: TestLedger;
  const straddling: Array<{ stoppageId: string; policyholderId: string }> = [];

  beforeAll(async () => {
    ledger = await startTestLedger(kind);
    for (let serial = 1; serial <= 3; serial++) {
      const stoppageId = randomUUID();
      const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(9_000 + serial), kind: 'SICKNESS', startDate: '2025-03-20', endDate: '2025-04-10' }).expect(201);
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: SALARIES_4000 }).expect(200);
      if (serial === 1) await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 50_000, reason: 'certificate pending' }).expect(201);
      straddling.push({ stoppageId, policyholderId: opened.body.policyholderId });
    }
    // Not touched by the rules change: starts after 2025-04-01, so both versions apply the 1.4 SMIC cap.
    const untouched = randomUUID();
    await ledger.command('clerk', '/v1/stoppages', { stoppageId: untouched, nir: testNir(9_100), kind: 'SICKNESS', startDate: '2025-04-02', endDate: '2025-04-10' }).expect(201);
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function finished(replayId: string) {
    const response = await untilFinished(ledger, 'auditor', `/v1/replays/${replayId}`, 200);
    expect(response.status).toBe(200);
    return response.body;
  }

  it('replays a rules version in the background and reports who is over- or under-paid', async () => {
    const started = await ledger.command('auditor', '/v1/replays', { rulesVersion: '2026.1', through: THROUGH }).expect(202);
    expect(started.body).toEqual({ replayId: expect.any(String) });
    const replay = await finished(started.body.replayId);
    expect(replay).toMatchObject({
      replayId: started.body.replayId, status: 'done', rulesVersion: '2026.1', currentRulesVersion: '2026.2', through: THROUGH,
      processed: 4, total: 4, affected: 3, underpaidCents: 0, overpaidCents: 3 * (CORRECT_CENTS - DEFECTIVE_CENTS), requestedBy: 'auditor-1',
    });

    const diff = await ledger.get('supervisor', `/v1/replays/${started.body.replayId}/diff`).expect(200);
    expect(diff.body.next).toBeNull();
    expect(diff.body.rows).toHaveLength(3);
    const ordered = [...straddling].sort((left, right) => (left.policyholderId < right.policyholderId ? -1 : 1));
    expect(diff.body.rows.map((row: { policyholderId: string }) => row.policyholderId)).toEqual(ordered.map((entry) => entry.policyholderId));
    const advanced = diff.body.rows.find((row: { stoppageId: string }) => row.stoppageId === straddling[0].stoppageId);
    expect(advanced).toEqual({
      policyholderId: straddling[0].policyholderId, stoppageId: straddling[0].stoppageId, kind: 'SICKNESS', entitlementStatus: 'COMPUTED',
      currentCents: CORRECT_CENTS, replayedCents: DEFECTIVE_CENTS, paidCents: 50_000, deltaCents: DEFECTIVE_CENTS - CORRECT_CENTS, settlementCents: DEFECTIVE_CENTS - 50_000,
    });
  });

  it('pages the diff with a cursor and answers it as CSV', async () => {
    const { body } = await ledger.command('supervisor', '/v1/replays', { rulesVersion: '2026.1', through: THROUGH }).expect(202);
    await finished(body.replayId);
    const first = await ledger.get('auditor', `/v1/replays/${body.replayId}/diff?limit=2`).expect(200);
    expect(first.body.rows).toHaveLength(2);
    const second = await ledger.get('auditor', `/v1/replays/${body.replayId}/diff?limit=2&after=${first.body.next}`).expect(200);
    expect(second.body.rows).toHaveLength(1);
    expect(second.body.next).toBeNull();

    const csv = await ledger.get('auditor', `/v1/replays/${body.replayId}/diff?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/u);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('policyholderId,stoppageId,kind,currentCents,replayedCents,paidCents,deltaCents,settlementCents,entitlementStatus');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((line) => line.includes(`,${CORRECT_CENTS},${DEFECTIVE_CENTS},`))).toBe(true);
  });

  it('lists with all=true the rows a Regularize would settle although the rules change does not move them', async () => {
    const { body } = await ledger.command('auditor', '/v1/replays', { rulesVersion: '2026.2', through: THROUGH }).expect(202);
    const replay = await finished(body.replayId);
    expect(replay).toMatchObject({ status: 'done', affected: 0, underpaidCents: 0, overpaidCents: 0 });
    expect((await ledger.get('auditor', `/v1/replays/${body.replayId}/diff`).expect(200)).body.rows).toEqual([]);
    const all = await ledger.get('auditor', `/v1/replays/${body.replayId}/diff?all=true`).expect(200);
    expect(all.body.rows.map((row: { stoppageId: string }) => row.stoppageId).sort()).toEqual(straddling.map((entry) => entry.stoppageId).sort());
    expect(all.body.rows.every((row: { deltaCents: number; settlementCents: number }) => row.deltaCents === 0 && row.settlementCents !== 0)).toBe(true);
  });

  it('answers a retried POST with the same replay', async () => {
    const key = `replay-retry-${kind}-${randomUUID()}`;
    const first = await ledger.command('auditor', '/v1/replays', { rulesVersion: '2026.1', through: THROUGH }, key).expect(202);
    const again = await ledger.command('auditor', '/v1/replays', { rulesVersion: '2026.1', through: THROUGH }, key).expect(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    await finished(first.body.replayId);
  });

  it('refuses an unknown rules version, a bad date, a missing key and the clerk role', async () => {
    const unknown = await ledger.command('auditor', '/v1/replays', { rulesVersion: '1999.1', through: THROUGH });
    expect(unknown.status).toBe(409);
    expect(unknown.headers['content-type']).toMatch(PROBLEM);
    expect(unknown.body.type).toMatch(/\/unknown-rules-version$/u);
    const badDate = await ledger.command('auditor', '/v1/replays', { rulesVersion: '2026.1', through: '2025-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors).toEqual([expect.objectContaining({ field: 'through' })]);
    const noKey = await ledger.http.post('/v1/replays').set('Authorization', 'Bearer test-auditor-key-00000001').send({ rulesVersion: '2026.1', through: THROUGH });
    expect(noKey.status).toBe(400);
    expect((await ledger.command('clerk', '/v1/replays', { rulesVersion: '2026.1', through: THROUGH })).status).toBe(403);
    expect((await ledger.get('clerk', `/v1/replays/${randomUUID()}`)).status).toBe(403);
  });

  it('answers 404 for an unknown replay and 400 for a bad page size', async () => {
    const missing = await ledger.get('auditor', `/v1/replays/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.type).toMatch(/\/replay-not-found$/u);
    expect((await ledger.get('auditor', `/v1/replays/${randomUUID()}/diff`)).status).toBe(404);
    const { body } = await ledger.command('auditor', '/v1/replays', { rulesVersion: '2026.1', through: THROUGH }).expect(202);
    await finished(body.replayId);
    const badLimit = await ledger.get('auditor', `/v1/replays/${body.replayId}/diff?limit=0`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
  });
});
