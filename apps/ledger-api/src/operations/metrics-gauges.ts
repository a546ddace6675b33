import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventStore } from '@ij/event-store';
import type { ReadModelStore } from '@ij/projections';
import { PaymentRunRunner } from '../payments/payment-run-runner';
import { EVENT_STORE, LEDGER_CONFIG } from '../infrastructure/tokens';
import { READ_MODELS } from '../queries/read-side';
import { ReplayRunner } from '../replay/replay-runner';
import type { LedgerConfig } from '../config/ledger-config';
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

    metrics.transfers.set({ status: 'instructed' }, this.paymentRuns.paymentsInstructed);
  }
}
