import { randomUUID } from 'node:crypto';
import { startTestLedger, TEST_KEYS, testNir, type TestLedger } from '../support/ledger-harness';
import { parsePrometheusText, sampleValue, type Sample } from '../support/prometheus-text';
import { UNMATCHED_ROUTE } from '../../apps/ledger-api/src/operations/http-metrics';

/**
 * GET /metrics: scraped before and after a few commands, the series move by exactly what was done:
 * commands by type and outcome, an idempotent replay, HTTP latency by route template, appends, and
 * (embedded store) group-commit batches.
 */
const SALARIES = ['2025-03', '2025-04', '2025-05'].map((month) => ({ month, grossCents: 200_000 }));

describe.each(['sqlite', 'postgres'] as const)('metrics on the %s store', (kind) => {
  let ledger: TestLedger;

  beforeAll(async () => {
    // transfers recounted at every scrape, so that a scrape right after a payment run sees its transfers
    ledger = await startTestLedger(kind, undefined, undefined, { LEDGER_METRICS_TRANSFERS_RECOUNT_MS: '1' });
  });
  afterAll(async () => {
    await ledger?.close();
  });

  async function scrape(): Promise<{ text: string; samples: Sample[] }> {
    const response = await ledger.get('auditor', '/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/u);
    return { text: response.text, samples: parsePrometheusText(response.text) };
  }

  it('is served to a supervisor or an auditor key only', async () => {
    await ledger.get('supervisor', '/metrics').expect(200);
    await ledger.get('clerk', '/metrics').expect(403);
    await ledger.http.get('/metrics').expect(401);
  });

  it('moves the command, replay, HTTP and append series by what the commands did', async () => {
    const before = (await scrape()).samples;
    const stoppageId = randomUUID();
    await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(20_001), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' }).expect(201);
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 10_000, reason: 'metrics' }, 'metrics-advance-1').expect(201);
    // the same key and body again: answered from the first response, nothing executed
    const replayed = await ledger.command('clerk', `/v1/stoppages/${stoppageId}/advances`, { amountCents: 10_000, reason: 'metrics' }, 'metrics-advance-1').expect(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    // an extension that is not later than the end date: refused by the domain (409)
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/extensions`, { newEndDate: '2025-06-20' }).expect(409);
    await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: SALARIES }).expect(200);
    const { text, samples: after } = await scrape();

    const moved = (name: string, labels: Record<string, string> = {}) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(moved('ledger_commands_total', { type: 'OpenStoppage', outcome: 'accepted' })).toBe(1);
    expect(moved('ledger_commands_total', { type: 'IssueAdvance', outcome: 'accepted' })).toBe(1); // the replay is not executed
    expect(moved('ledger_commands_total', { type: 'ExtendStoppage', outcome: 'refused' })).toBe(1);
    expect(moved('ledger_commands_total', { type: 'RecordSalaryCertificate', outcome: 'accepted' })).toBe(1);
    expect(moved('ledger_idempotent_replays_total')).toBe(1);

    // two POSTs answered 201 on the advances route (the first and its replay), labelled by the template
    expect(moved('ledger_http_request_duration_seconds_count', { method: 'POST', route: '/v1/stoppages/:stoppageId/advances', status: '201' })).toBe(2);
    expect(moved('ledger_http_request_duration_seconds_count', { method: 'POST', route: '/v1/stoppages/:stoppageId/extensions', status: '409' })).toBe(1);
    expect(text).not.toContain(stoppageId);

    // appends: open (2: the stoppage id's reservation stream, then the policyholder's), advance (1),
    // certificate (1) = 4; the refusal and the replay append nothing
    expect(moved('ledger_event_store_append_duration_seconds_count', { outcome: 'committed' })).toBe(4);
    if (kind === 'sqlite') {
      // the commands were sent one after the other, so each append had a batch of its own: 4 batches of 1
      expect(moved('ledger_event_store_group_commit_batch_size_count')).toBe(4);
      expect(moved('ledger_event_store_group_commit_batch_size_sum')).toBe(4);
    }

    // every command waited for its read models: nothing is behind
    expect(sampleValue(after, 'ledger_projector_lag_events')).toBe(0);
    expect(sampleValue(after, 'ledger_projector_lag_seconds')).toBe(0);
    expect(sampleValue(after, 'ledger_log_head_position')).toBe(sampleValue(after, 'ledger_projector_checkpoint_position'));
    expect(sampleValue(after, 'ledger_log_head_position')).toBeGreaterThan(sampleValue(before, 'ledger_log_head_position'));
    expect(after.some((sample) => sample.name === 'ledger_transfers' && sample.labels.status === 'ORDERED')).toBe(true);
    expect(after.some((sample) => sample.name === 'ledger_replays_running')).toBe(true);
    expect(after.some((sample) => sample.name === 'ledger_payment_runs_running')).toBe(true);
    expect(after.some((sample) => sample.name === 'process_cpu_user_seconds_total')).toBe(true);
  });

  it('counts the transfers a payment run orders and exports, and shows no run running after it', async () => {
    const before = (await scrape()).samples;
    // two stoppages with a certificate and a bank account: the run pays both (17 payable days × 32.87 € each)
    for (const serial of [20_101, 20_102]) {
      const stoppageId = randomUUID();
      const opened = await ledger.command('clerk', '/v1/stoppages', { stoppageId, nir: testNir(serial), kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29' }).expect(201);
      await ledger.command('clerk', `/v1/stoppages/${stoppageId}/salary-certificate`, { salaries: SALARIES }).expect(200);
      await ledger.command('clerk', `/v1/policyholders/${opened.body.policyholderId}/bank-account`, { iban: 'FR7630006000011234567890189', holderName: `Holder ${serial}` }).expect(200);
    }
    const started = await ledger.command('supervisor', '/v1/payment-runs', { through: '2025-11-30' }).expect(202);
    let run = await ledger.get('supervisor', `/v1/payment-runs/${started.body.runId}`);
    for (let attempt = 0; run.body.status === 'running' && attempt < 400; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      run = await ledger.get('supervisor', `/v1/payment-runs/${started.body.runId}`);
    }
    expect(run.body).toMatchObject({ status: 'done', paidCount: 2 });
    const after = (await scrape()).samples;
    // the run orders one transfer per payment (2 more transfers in all) and exports them with any earlier ORDERED one
    const total = (samples: typeof after) => ['ORDERED', 'EXPORTED', 'SETTLED', 'RETURNED'].reduce((sum, status) => sum + sampleValue(samples, 'ledger_transfers', { status }), 0);
    expect(total(after) - total(before)).toBe(2);
    expect(sampleValue(after, 'ledger_transfers', { status: 'EXPORTED' }) - sampleValue(before, 'ledger_transfers', { status: 'EXPORTED' })).toBeGreaterThanOrEqual(2);
    expect(sampleValue(after, 'ledger_payment_runs_running')).toBe(0);
    expect(after.filter((sample) => sample.name === 'ledger_payment_run_policyholders_total')).toEqual([]);
    expect(sampleValue(after, 'ledger_commands_total', { type: 'StartPaymentRun', outcome: 'accepted' })).toBe(1);
  });

  it('labels a request no route matched without its URL', async () => {
    await ledger.get('auditor', '/v1/no-such-route/abc-secret-segment').expect(404);
    const { text, samples } = await scrape();
    // No route matched: the label says so (before issue 19 it was the '/{*path}' template of the logger's catch-all middleware route)
    const notFound = samples.filter((sample) => sample.name === 'ledger_http_request_duration_seconds_count' && sample.labels.status === '404');
    expect(notFound.map((sample) => sample.labels.route)).toEqual([UNMATCHED_ROUTE]);
    expect(notFound[0].value).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('abc-secret-segment');
  });

  it('refuses an unknown key (401)', async () => {
    const response = await ledger.http.get('/metrics').set('Authorization', `Bearer ${TEST_KEYS.clerk}x`);
    expect(response.status).toBe(401);
  });
});
