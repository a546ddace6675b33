import { join } from 'node:path';
import { Logger, Module } from '@nestjs/common';
import { LEDGER_CONFIG, LEDGER_STORAGE, type LedgerConfig, type LedgerStorage, SQLITE_FILE } from '@ij/application';
import { PaymentRunsModule } from '../payment-runs/payment-runs.module';
import { ReplaysModule } from '../replays/replays.module';
import { HealthController } from './health.controller';
import { CommandMetrics } from './command-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsGauges } from './metrics-gauges';
import { ReadinessController } from './readiness.controller';
import { ReadinessProbe } from './readiness';

/** Operating it: liveness, readiness, metrics (the gauges follow the running replays and payment runs). */
@Module({
  imports: [ReplaysModule, PaymentRunsModule],
  controllers: [HealthController, MetricsController, ReadinessController],
  providers: [{ provide: ReadinessProbe, useFactory: readinessProbe, inject: [LEDGER_STORAGE, LEDGER_CONFIG] }, CommandMetrics, MetricsGauges],
})
export class OperationsModule {}

function readinessProbe(storage: LedgerStorage, config: LedgerConfig): ReadinessProbe {
  const logger = new Logger('Readiness');
  return new ReadinessProbe({
    events: storage.events,
    readModels: storage.readModels,
    countLagByReading: storage.kind === 'esdb',
    sqliteFile: storage.kind === 'sqlite' ? join(config.dataDirectory, SQLITE_FILE) : undefined,
    maxLagEvents: config.readyMaxLagEvents,
    onFailure: (error) => logger.warn(`not ready: ${error instanceof Error ? error.message : String(error)}`),
  });
}
