import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { KeyThrottlerGuard } from './auth/key-throttler.guard';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { API_KEY_RING, AuthGuard, FAILED_AUTHENTICATIONS } from './auth/auth.guard';
import { FailedAuthentications } from './auth/failed-authentications';
import { type ApiKeyRing, CLOCK, type Clock, EVENT_STORE, LEDGER_CONFIG, LedgerCommandRunner, type LedgerConfig, type LedgerStorage, POLICYHOLDER_IDS, type PolicyholderIds, PolicyholderLedger, PROJECTION_SYNC, type ProjectionSync } from '@ij/application';
import { ExtendStoppageHandler, EndStoppageEarlyHandler, OpenStoppageHandler, RecordSalaryCertificateHandler } from './commands/handlers/stoppage-lifecycle.handlers';
import { IssueAdvanceHandler, RecordRecoveryHandler, RegularizeHandler } from './commands/handlers/payment.handlers';
import { ActivateRulesVersionHandler } from './commands/handlers/rules.handlers';
import { RulesController } from './commands/rules.controller';
import { StoppagesController } from './commands/stoppages.controller';
import { LATE_FACT_HANDLERS } from './commands/handlers/late-fact.handlers';
import { HealthController } from './health/health.controller';
import { IDEMPOTENCY_STORE, IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ProblemFilter } from './http/problem.filter';
import { QUERY_CONTROLLERS, queryProviders } from './queries/queries.wiring';
import { ReadYourWritesInterceptor } from './queries/read-your-writes.interceptor';
import { REPLAY_CONTROLLERS, replayProviders } from './replay/replay.wiring';
import { PAYMENT_CONTROLLERS, paymentProviders } from './payments/payments.wiring';
import type { LedgerMetrics } from './operations/ledger-metrics';
import { OPERATIONS_CONTROLLERS, operationsProviders } from './operations/operations.wiring';

export interface LedgerAppDependencies {
  config: LedgerConfig;
  storage: LedgerStorage;
  clock: Clock;
  keys: ApiKeyRing;
  policyholderIds: PolicyholderIds;
  projectionSync: ProjectionSync;
  metrics: LedgerMetrics;
}

const VISIBLE_ASCII = /^[\x21-\x7e]{1,128}$/u;

type RoutedRequest = IncomingMessage & { actor?: { actorId: string }; route?: { path?: string } };

function requestFacts(request: RoutedRequest): { actor?: string; route?: string } {
  return { actor: request.actor?.actorId, route: request.route?.path };
}

@Module({})
export class AppModule {
  static forRoot(dependencies: LedgerAppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ThrottlerModule.forRoot({ throttlers: [{ name: 'per-key', ttl: 60_000, limit: dependencies.config.rateLimitPerMinute }] }),
        CqrsModule.forRoot(),
        LoggerModule.forRoot({
          pinoHttp: {
            level: dependencies.config.logLevel,
            genReqId: (request: IncomingMessage) => {
              const given = request.headers['x-request-id'];
              return typeof given === 'string' && VISIBLE_ASCII.test(given) ? given : randomUUID();
            },
            // Keys and NIRs never reach a log line: headers and bodies are never logged, nor the URL (a NIR or a key
            // placed in a path or a query string would reach the log): the route template is added at completion,
            // and an unknown path has none.
            serializers: {
              req: (request: { id: unknown; method: string }) => ({ id: request.id, method: request.method }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
            // Who and which route template, added once the request is done (the actor and the route are known then).
            customSuccessObject: (request: RoutedRequest, _response: unknown, line: object) => ({ ...line, ...requestFacts(request) }),
            customErrorObject: (request: RoutedRequest, _response: unknown, _error: Error, line: object) => ({ ...line, ...requestFacts(request) }),
            redact: { paths: ['req.headers.authorization', '*.nir', '*.*.nir', 'nir'], censor: '[redacted]' },
          },
        }),
      ],
      controllers: [HealthController, StoppagesController, RulesController, ...QUERY_CONTROLLERS, ...REPLAY_CONTROLLERS, ...PAYMENT_CONTROLLERS, ...OPERATIONS_CONTROLLERS],
      providers: [
        { provide: LEDGER_CONFIG, useValue: dependencies.config },
        { provide: EVENT_STORE, useValue: dependencies.storage.events },
        { provide: IDEMPOTENCY_STORE, useValue: dependencies.storage.idempotency },
        { provide: CLOCK, useValue: dependencies.clock },
        { provide: API_KEY_RING, useValue: dependencies.keys },
        { provide: FAILED_AUTHENTICATIONS, useValue: new FailedAuthentications(dependencies.config.authFailuresPerMinute) },
        { provide: POLICYHOLDER_IDS, useValue: dependencies.policyholderIds },
        { provide: PROJECTION_SYNC, useValue: dependencies.projectionSync },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: KeyThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
        LedgerCommandRunner,
        PolicyholderLedger,
        OpenStoppageHandler,
        ExtendStoppageHandler,
        EndStoppageEarlyHandler,
        RecordSalaryCertificateHandler,
        IssueAdvanceHandler,
        RegularizeHandler,
        RecordRecoveryHandler,
        ActivateRulesVersionHandler,
        ...LATE_FACT_HANDLERS,
        ...queryProviders(dependencies.storage.readModels),
        ...replayProviders(dependencies.storage, dependencies.config),
        ...paymentProviders(),
        ...operationsProviders(dependencies.storage, dependencies.config, dependencies.metrics),
      ],
    };
  }
}
