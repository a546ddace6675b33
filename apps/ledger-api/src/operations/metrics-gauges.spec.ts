import type { EventStore, RecordedEvent } from '@ij/event-store';
import type { ReadModelStore } from '@ij/projections';
import type { LedgerConfig, PaymentRunRunner, ReplayRunner } from '@ij/application';
import { LedgerMetrics } from './ledger-metrics';
import { MetricsGauges } from './metrics-gauges';

describe('the gauges read at scrape time', () => {
  const recordedAt = '2026-11-29T08:00:00.000Z';
  const events = {
    headPosition: async () => 120n,
    readAll: async () => [{ position: 101n, metadata: { recordedAt } } as unknown as RecordedEvent],
  } as unknown as EventStore;
  // no policyholder yet: every transfer count is 0
  const readModels = { checkpoint: async () => 100n, policyholders: async () => [] } as unknown as ReadModelStore;
  const replays = { activeReplays: () => [{ replayId: 'replay-1', processed: 3, total: 10 }] } as unknown as ReplayRunner;
  const paymentRuns = { activeRuns: () => [{ runId: 'run-1', processed: 7, total: 40 }], } as unknown as PaymentRunRunner;

  it('show the progress of running replays and payment runs, the lag and the transfers by status', async () => {
    const metrics = new LedgerMetrics({ processMetrics: false });
    const gauges = new MetricsGauges(metrics, events, readModels, { eventStore: 'sqlite', metricsTransfersRecountMs: 60_000 } as LedgerConfig, replays, paymentRuns);
    const now = Date.parse(recordedAt) + 4_500;
    jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      await gauges.refresh();
    } finally {
      jest.restoreAllMocks();
    }
    const text = await metrics.text();
    expect(text).toContain('ledger_replays_running 1');
    expect(text).toContain('ledger_replay_policyholders_processed{replay_id="replay-1"} 3');
    expect(text).toContain('ledger_replay_policyholders_total{replay_id="replay-1"} 10');
    expect(text).toContain('ledger_payment_runs_running 1');
    expect(text).toContain('ledger_payment_run_policyholders_processed{run_id="run-1"} 7');
    expect(text).toContain('ledger_payment_run_policyholders_total{run_id="run-1"} 40');
    for (const status of ['ORDERED', 'EXPORTED', 'SETTLED', 'RETURNED', 'REORDERED']) expect(text).toContain(`ledger_transfers{status="${status}"} 0`);
    // positions 101 … 120 are not in the read models: 20 events, the oldest recorded 4.5 s ago
    expect(text).toContain('ledger_projector_lag_events 20');
    expect(text).toContain('ledger_projector_lag_seconds 4.5');
  });
});
