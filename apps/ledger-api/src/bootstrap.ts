import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { serveConsole } from '../console/server/serve-console';
import { AppModule } from './app.module';
import { type Clock, type LedgerConfig, type LedgerStorage, loadOrGenerateApiKeys, loadPolicyholderIds, openStorage, type ProjectionSync, systemClock } from '@ij/application';
import { registerBodyParsers } from './http/body-parsing';
import { BODY_LIMIT_BYTES } from './http/json-body';
import { createLedgerLoggers, PinoNestLogger, requestId } from './http/request-log';
import { RequestLifecycle } from './http/request-lifecycle';
import { minPositionQuery } from './http/min-position-query';
import { ledgerOpenApiDocument } from './http/openapi/ledger-document';
import { ledgerValidationPipe } from './http/validation';
import { Projector } from '@ij/projections';
import { ShutdownGate } from './operations/graceful-shutdown';
import { LedgerMetrics } from './operations/ledger-metrics';
import { TimedEventStore } from './operations/timed-event-store';

export interface LedgerApp {
  app: NestFastifyApplication;
  storage: LedgerStorage;
  /** Path of the generated keys file when keys were generated or read from the data directory. */
  generatedKeysFile?: string;
  metrics: LedgerMetrics;
  close(): Promise<void>;
  /** SIGTERM: stop accepting, let the requests in flight answer (config.shutdownGraceMs), then close; false when some were cut. */
  shutdown(): Promise<boolean>;
  requestsInFlight(): number;
  /** Every route the HTTP router serves (method and path template), in the order they were registered. */
  routes: ReadonlyArray<{ method: string; url: string }>;
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
  const loggers = createLedgerLoggers(config.logLevel);
  const shutdownGate = new ShutdownGate();
  const lifecycle = new RequestLifecycle({ logger: loggers.requests, metrics, gate: shutdownGate });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      storage,
      clock: options.clock ?? systemClock,
      keys: ring,
      policyholderIds: loadPolicyholderIds(config.dataDirectory, config.policyholderSecret),
      projectionSync: projector ?? noProjections,
      metrics,
    }),
    new FastifyAdapter({
      // Fastify's own logger is off: one line per request comes from RequestLifecycle.
      logger: false,
      bodyLimit: BODY_LIMIT_BYTES,
      requestIdHeader: false,
      genReqId: requestId,
      rewriteUrl: minPositionQuery,
      frameworkErrors: lifecycle.answerFrameworkError,
      // As Express routed, a path parameter has no length limit of the router's (an over-long id is the DTO's
      // 400, not a 404). Unlike Express, /health/ is not /health: the console's static files need /console/
      // and /console apart (the latter redirects to the former).
      routerOptions: { maxParamLength: 16_384 },
      // node:http's own limits, which Express kept and Fastify turns off or lengthens: a request must arrive
      // whole within 5 minutes (a client trickling bytes cannot hold a socket forever), an idle keep-alive
      // connection closes after 5 s.
      requestTimeout: 300_000,
      keepAliveTimeout: 5_000,
      // No Express-style middleware is used: Nest need not register @fastify/middie.
      skipMiddie: true,
      // A request that arrives on an open connection while the instance closes goes through RequestLifecycle,
      // whose shutdown gate answers the problem 503 shutting-down with helmet's headers and a log line. Fastify's
      // own answer would be a bare JSON 503 without a problem type, headers or line (seen in the SIGTERM test).
      return503OnClosing: false,
    }),
    { bodyParser: false, bufferLogs: true },
  );
  app.useLogger(new PinoNestLogger(loggers.application));
  const fastify = app.getHttpAdapter().getInstance();
  const routes: Array<{ method: string; url: string }> = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  // First, so that every request has its headers and its one log line, those refused by the hooks below included.
  fastify.addHook('onRequest', lifecycle.onRequest);
  registerBodyParsers(fastify);
  serveConsole(app);
  app.useGlobalPipes(ledgerValidationPipe());
  SwaggerModule.setup('docs', app, ledgerOpenApiDocument(app));
  // Routes registered and Fastify ready: the HTTP server answers (the tests send requests to it without listen()).
  await app.init();
  await fastify.ready();
  const close = async () => {
    await app.close();
    // The last commands' events are in the read models and under their checkpoint before the store closes.
    await projector?.catchUp().catch((error: unknown) => new NestLogger('Projector').error(error));
    await projector?.stop();
    await storage.close();
    loggers.application.flush();
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
    routes,
  };
}
