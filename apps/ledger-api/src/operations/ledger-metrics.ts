import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GroupCommitBatch } from '@ij/event-store';

/** HTTP latency buckets (seconds): a query answers in a few ms, a command waits for its fsync and the read models. */
const HTTP_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const APPEND_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const BATCH_SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256];

let processMetrics: Registry | undefined;

/** prom-client's default metrics, collected once per process (they watch the event loop: one watcher is enough). */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/**
 * The ledger's Prometheus metrics, in a registry of its own (not prom-client's global one), so two
 * applications in one process (tests) never share series. The counters and histograms are fed where things
 * happen (HTTP middleware, command bus, event store); the gauges are read when /metrics is scraped.
 */
export class LedgerMetrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands executed, by command type and outcome (accepted; refused: a 4xx answer; failed: a 5xx answer). Idempotent replays are not executed and are counted apart.',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly idempotentReplays = new Counter({
    name: 'ledger_idempotent_replays_total',
    help: 'Commands answered with their first response again (same Idempotency-Key and body): nothing was executed.',
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'ledger_http_request_duration_seconds',
    help: 'HTTP requests by method, route template (never the raw URL) and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'ledger_event_store_append_duration_seconds',
    help: 'Event store appends, from the call to the durable commit (a group-commit wait included), by outcome.',
    labelNames: ['outcome'] as const,
    buckets: APPEND_BUCKETS,
    registers: [this.registry],
  });

  readonly groupCommitBatchSize = new Histogram({
    name: 'ledger_event_store_group_commit_batch_size',
    help: 'Appends written by one group-commit transaction (embedded SQLite store only).',
    buckets: BATCH_SIZE_BUCKETS,
    registers: [this.registry],
  });

  readonly groupCommitDuration = new Histogram({
    name: 'ledger_event_store_group_commit_duration_seconds',
    help: 'Time of one group-commit transaction, its fsync included (embedded SQLite store only).',
    buckets: APPEND_BUCKETS,
    registers: [this.registry],
  });

  readonly projectorLagEvents = new Gauge({
    name: 'ledger_projector_lag_events',
    help: 'Events in the log that the read models do not include yet.',
    registers: [this.registry],
  });

  readonly projectorLagSeconds = new Gauge({
    name: 'ledger_projector_lag_seconds',
    help: 'Age of the oldest event the read models do not include yet (0 when caught up).',
    registers: [this.registry],
  });

  readonly logHeadPosition = new Gauge({
    name: 'ledger_log_head_position',
    help: 'Global position of the last event in the log.',
    registers: [this.registry],
  });

  readonly projectorCheckpoint = new Gauge({
    name: 'ledger_projector_checkpoint_position',
    help: 'Global position of the last event the read models include.',
    registers: [this.registry],
  });

  readonly replaysRunning = new Gauge({
    name: 'ledger_replays_running',
    help: 'Replays running in this process.',
    registers: [this.registry],
  });

  readonly replayProcessed = new Gauge({
    name: 'ledger_replay_policyholders_processed',
    help: 'Policyholders a running replay has replayed so far.',
    labelNames: ['replay_id'] as const,
    registers: [this.registry],
  });

  readonly replayTotal = new Gauge({
    name: 'ledger_replay_policyholders_total',
    help: 'Policyholders a running replay has to replay.',
    labelNames: ['replay_id'] as const,
    registers: [this.registry],
  });

  readonly paymentRunsRunning = new Gauge({
    name: 'ledger_payment_runs_running',
    help: 'Payment runs running in this process.',
    registers: [this.registry],
  });

  readonly paymentRunProcessed = new Gauge({
    name: 'ledger_payment_run_policyholders_processed',
    help: 'Policyholders a running payment run has settled so far.',
    labelNames: ['run_id'] as const,
    registers: [this.registry],
  });

  readonly paymentRunTotal = new Gauge({
    name: 'ledger_payment_run_policyholders_total',
    help: 'Policyholders a running payment run has to settle.',
    labelNames: ['run_id'] as const,
    registers: [this.registry],
  });

  readonly transfers = new Gauge({
    name: 'ledger_transfers',
    help: 'Transfers by status. Until the transfers read model exists: payments instructed (status "instructed") by the payment runs completed since this process started.',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  constructor(private readonly options: { processMetrics?: boolean } = {}) {}

  /** The exposition: the ledger's series, then Node's own (CPU, memory, event-loop delay, GC). */
  async text(): Promise<string> {
    const ledger = await this.registry.metrics();
    return (this.options.processMetrics ?? true) ? `${ledger}\n${await processRegistry().metrics()}` : ledger;
  }

  observeGroupCommit(batch: GroupCommitBatch): void {
    this.groupCommitBatchSize.observe(batch.size);
    this.groupCommitDuration.observe(batch.durationMs / 1_000);
  }

  /** Times an operation into a histogram labelled by outcome, without changing what it resolves or throws. */
  async timeAppend<T>(operation: () => Promise<T>): Promise<T> {
    const stop = this.appendDuration.startTimer();
    try {
      const result = await operation();
      stop({ outcome: 'committed' });
      return result;
    } catch (error) {
      stop({ outcome: 'refused' });
      throw error;
    }
  }
}
