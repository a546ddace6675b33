import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { serveConsole } from '../console/server/serve-console';
import { AppModule } from './app.module';
import { type Clock, type LedgerConfig, type LedgerStorage, loadOrGenerateApiKeys, loadPolicyholderIds, openStorage, type ProjectionSync, systemClock } from '@ij/application';
import { jsonBody } from './http/json-body';
import { createLedgerLogger, PinoNestLogger, requestLogMiddleware } from './http/request-log';
import { isXmlRoute, xmlBody } from './http/xml-body';
import type { NextFunction, Request, Response } from 'express';
import { minPositionQuery } from './http/min-position-query';
import { ledgerOpenApiDocument } from './http/openapi/ledger-document';
import { ledgerValidationPipe } from './http/validation';
import { Projector } from '@ij/projections';
import { ShutdownGate } from './operations/graceful-shutdown';
import { httpMetricsMiddleware } from './operations/http-metrics.middleware';
import { LedgerMetrics } from './operations/ledger-metrics';
import { TimedEventStore } from './operations/timed-event-store';

export interface LedgerApp {
  app: NestExpressApplication;
  storage: LedgerStorage;
  /** Path of the generated keys file when keys were generated or read from the data directory. */
  generatedKeysFile?: string;
  metrics: LedgerMetrics;
  close(): Promise<void>;
  /** SIGTERM: stop accepting, let the requests in flight answer (config.shutdownGraceMs), then close; false when some were cut. */
  shutdown(): Promise<boolean>;
  requestsInFlight(): number;
}

export interface LedgerAppOptions {
  clock?: Clock;
}

/** LEDGER_ROLE=api: another process projects, so a command does not wait for the read models. */
const noProjections: ProjectionSync = { waitFor: async () => undefined };

/** Builds the HTTP application on the configured store (used by main.ts and by the end-to-end tests). */
export async function createLedgerApp(config: LedgerConfig, options: LedgerAppOptions = {}): Promise<LedgerApp> {
  const metrics = new LedgerMetrics();
  const opened = await openStorage(config, { onSqliteBatch: (batch) => metrics.observeGroupCommit(batch) });
  const storage: LedgerStorage = { ...opened, events: new TimedEventStore(opened.events, metrics) };
  // The embedded default (LEDGER_ROLE=all) projects in this process: a command answers once its events are in the read models.
  const projector =
    config.role === 'all'
      ? new Projector(storage.events, storage.readModels, { onError: (error) => new NestLogger('Projector').error(error) })
      : undefined;
  await projector?.start();
  const { ring, generatedFile } = loadOrGenerateApiKeys(config.apiKeys, config.dataDirectory);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      config,
      storage,
      clock: options.clock ?? systemClock,
      keys: ring,
      policyholderIds: loadPolicyholderIds(config.dataDirectory, config.policyholderSecret),
      projectionSync: projector ?? noProjections,
      metrics,
    }),
    { bodyParser: false, bufferLogs: true },
  );
  const logger = createLedgerLogger(config.logLevel);
  app.useLogger(new PinoNestLogger(logger));
  app.disable('x-powered-by');
  // First, so that every request has its one line, those answered by the middleware below included.
  app.use(requestLogMiddleware(logger));
  const shutdownGate = new ShutdownGate();
  app.use(shutdownGate.middleware);
  app.use(httpMetricsMiddleware(metrics));
  app.use(helmet());
  serveConsole(app);
  app.use(minPositionQuery);
  app.use((request: Request, response: Response, next: NextFunction) => (isXmlRoute(request) ? xmlBody : jsonBody)(request, response, next));
  app.useGlobalPipes(ledgerValidationPipe());
  SwaggerModule.setup('docs', app, ledgerOpenApiDocument(app));
  const close = async () => {
    await app.close();
    // The last commands' events are in the read models and under their checkpoint before the store closes.
    await projector?.catchUp().catch((error: unknown) => new NestLogger('Projector').error(error));
    await projector?.stop();
    await storage.close();
    logger.flush();
  };
  return {
    app,
    storage,
    generatedKeysFile: generatedFile,
    metrics,
    close,
    shutdown: async () => {
      const drained = await shutdownGate.drain(app.getHttpServer(), config.shutdownGraceMs);
      await close();
      return drained;
    },
    requestsInFlight: () => shutdownGate.requestsInFlight,
  };
}
