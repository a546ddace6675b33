import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventStore } from '@ij/event-store';
import { disbursementReport, type ReadModelStore } from '@ij/projections';
import { EVENT_STORE, LEDGER_CONFIG, type LedgerConfig, PaymentRunRunner, READ_MODELS, ReplayRunner } from '@ij/application';
import { LedgerMetrics } from './ledger-metrics';
import { measureProjectionLag } from './projection-lag';

/**
 * Sets the gauges that describe state (projector lag, running replays and payment runs, transfers) just
 * before a scrape, so nothing is measured between scrapes. A store that does not answer leaves the lag
 * gauges as they were (readiness reports it) and the scrape still succeeds.
 */
@Injectable()
export class MetricsGauges {
  private readonly logger = new Logger('Metrics');
  /** When the transfers were last counted (ms since epoch): a count reads every policyholder's document. */
  private transfersCountedAt = Number.NEGATIVE_INFINITY;

  constructor(
    @Inject(LedgerMetrics) private readonly metrics: LedgerMetrics,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    private readonly replays: ReplayRunner,
    private readonly paymentRuns: PaymentRunRunner,
  ) {}

  async refresh(): Promise<void> {
    const { metrics } = this;
    try {
      const lag = await measureProjectionLag(this.events, this.readModels, this.config.eventStore === 'esdb');
      metrics.logHeadPosition.set(Number(lag.head));
      metrics.projectorCheckpoint.set(Number(lag.checkpoint));
      metrics.projectorLagEvents.set(lag.events);
      metrics.projectorLagSeconds.set(lag.seconds);
    } catch (error) {
      this.logger.warn(`projector lag not measured: ${error instanceof Error ? error.message : String(error)}`);
    }

    const replays = this.replays.activeReplays();
    metrics.replaysRunning.set(replays.length);
    metrics.replayProcessed.reset();
    metrics.replayTotal.reset();
    for (const replay of replays) {
      metrics.replayProcessed.set({ replay_id: replay.replayId }, replay.processed);
      metrics.replayTotal.set({ replay_id: replay.replayId }, replay.total);
    }

    const runs = this.paymentRuns.activeRuns();
    metrics.paymentRunsRunning.set(runs.length);
    metrics.paymentRunProcessed.reset();
    metrics.paymentRunTotal.reset();
    for (const run of runs) {
      metrics.paymentRunProcessed.set({ run_id: run.runId }, run.processed ?? 0);
      metrics.paymentRunTotal.set({ run_id: run.runId }, run.total ?? 0);
    }

    await this.countTransfers();
  }

  /**
   * Transfers by status, from the same reconciliation as GET /v1/reports/disbursements (a returned transfer
   * ordered again counts once, as its new one; the replaced ones are `REORDERED`). It scans every
   * policyholder's read model, so it runs at most once per LEDGER_METRICS_TRANSFERS_RECOUNT_MS (a minute by default) whatever the scrape rate.
   */
  private async countTransfers(): Promise<void> {
    if (Date.now() - this.transfersCountedAt < this.config.metricsTransfersRecountMs) return;
    try {
      const report = await disbursementReport(this.readModels, EVERY_DECISION);
      for (const [status, totals] of Object.entries(report.transfers)) this.metrics.transfers.set({ status }, totals.count);
      this.metrics.transfers.set({ status: 'REORDERED' }, report.returnedAndReordered.count);
      this.transfersCountedAt = Date.now();
    } catch (error) {
      this.logger.warn(`transfers not counted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Every decision, whatever its date. */
const EVERY_DECISION = '9999-12-31';
