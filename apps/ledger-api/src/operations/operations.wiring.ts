import { join } from 'node:path';
import { Logger, type Provider } from '@nestjs/common';
import { type LedgerConfig, type LedgerStorage, SQLITE_FILE } from '@ij/application';
import { CommandMetrics } from './command-metrics';
import { LedgerMetrics } from './ledger-metrics';
import { MetricsController } from './metrics.controller';
import { MetricsGauges } from './metrics-gauges';
import { ReadinessController } from './readiness.controller';
import { ReadinessProbe } from './readiness';

/** Issue #20 (metrics, readiness): its controllers, and the providers AppModule adds for them. */
export const OPERATIONS_CONTROLLERS = [MetricsController, ReadinessController];

export function operationsProviders(storage: LedgerStorage, config: LedgerConfig, metrics: LedgerMetrics): Provider[] {
  const logger = new Logger('Readiness');
  const probe = new ReadinessProbe({
    events: storage.events,
    readModels: storage.readModels,
    countLagByReading: storage.kind === 'esdb',
    sqliteFile: storage.kind === 'sqlite' ? join(config.dataDirectory, SQLITE_FILE) : undefined,
    maxLagEvents: config.readyMaxLagEvents,
    onFailure: (error) => logger.warn(`not ready: ${error instanceof Error ? error.message : String(error)}`),
  });
  return [{ provide: LedgerMetrics, useValue: metrics }, { provide: ReadinessProbe, useValue: probe }, CommandMetrics, MetricsGauges];
}
