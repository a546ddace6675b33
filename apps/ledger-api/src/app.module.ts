import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { KeyThrottlerGuard } from './auth/key-throttler.guard';
import { API_KEY_RING, AuthGuard, FAILED_AUTHENTICATIONS } from './auth/auth.guard';
import { FailedAuthentications } from './auth/failed-authentications';
import { EVENT_STORE, LEDGER_CONFIG, LEDGER_STORAGE, LedgerCommandRunner, PolicyholderLedger, PROJECTION_SYNC, READ_MODELS, REPLAY_STORAGE, REPLAY_WORKERS, CLOCK, POLICYHOLDER_IDS, openReplayStorage, replayWorkersFrom, type ApiKeyRing, type Clock, type LedgerConfig, type LedgerStorage, type PolicyholderIds, type ProjectionSync } from '@ij/application';
import { BankReportsModule } from './bank-reports/bank-reports.module';
import { IDEMPOTENCY_STORE } from './http/idempotency.interceptor';
import { ProblemFilter } from './http/problem.filter';
import { LedgerMetrics } from './operations/ledger-metrics';
import { OperationsModule } from './operations/operations.module';
import { PaymentRunsModule } from './payment-runs/payment-runs.module';
import { PolicyholdersModule } from './policyholders/policyholders.module';
import { ProjectionShutdown } from './read-side/projection-shutdown';
import { ReadSide } from './read-side/read-side';
import { ReadYourWritesGuard } from './read-side/read-your-writes.guard';
import { ReplaysModule } from './replays/replays.module';
import { ReportsModule } from './reports/reports.module';
import { RulesModule } from './rules/rules.module';
import { StoppagesModule } from './stoppages/stoppages.module';
import { TransfersModule } from './transfers/transfers.module';

export interface LedgerAppDependencies {
  config: LedgerConfig;
  storage: LedgerStorage;
  clock: Clock;
  keys: ApiKeyRing;
  policyholderIds: PolicyholderIds;
  projectionSync: ProjectionSync;
  metrics: LedgerMetrics;
}

/**
 * What every resource module shares, given once by the process that starts the API (bootstrap.ts): the
 * configuration, the storage, the clock, the keys, the command runner and the read side.
 */
@Global()
@Module({})
export class LedgerCoreModule {
  static forRoot(dependencies: LedgerAppDependencies): DynamicModule {
    const providers: Provider[] = [
      { provide: LEDGER_CONFIG, useValue: dependencies.config },
      { provide: LEDGER_STORAGE, useValue: dependencies.storage },
      { provide: EVENT_STORE, useValue: dependencies.storage.events },
      { provide: READ_MODELS, useValue: dependencies.storage.readModels },
      { provide: IDEMPOTENCY_STORE, useValue: dependencies.storage.idempotency },
      { provide: REPLAY_STORAGE, useFactory: () => openReplayStorage(dependencies.storage, dependencies.config) },
      { provide: REPLAY_WORKERS, useValue: replayWorkersFrom() },
      { provide: CLOCK, useValue: dependencies.clock },
      { provide: API_KEY_RING, useValue: dependencies.keys },
      { provide: FAILED_AUTHENTICATIONS, useValue: new FailedAuthentications(dependencies.config.authFailuresPerMinute) },
      { provide: POLICYHOLDER_IDS, useValue: dependencies.policyholderIds },
      { provide: PROJECTION_SYNC, useValue: dependencies.projectionSync },
      { provide: LedgerMetrics, useValue: dependencies.metrics },
      LedgerCommandRunner,
      PolicyholderLedger,
      ReadSide,
      ProjectionShutdown,
    ];
    return { module: LedgerCoreModule, providers, exports: providers.map((provider) => ('provide' in provider ? provider.provide : provider)) };
  }
}

/** The HTTP API: one module per resource, on the shared core; guards and the problem filter for every route (the idempotency interceptor is on command routes only). */
@Module({})
export class AppModule {
  static forRoot(dependencies: LedgerAppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        LedgerCoreModule.forRoot(dependencies),
        StoppagesModule,
        PolicyholdersModule,
        RulesModule,
        ReportsModule,
        PaymentRunsModule,
        TransfersModule,
        BankReportsModule,
        ReplaysModule,
        OperationsModule,
      ],
      controllers: [],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: KeyThrottlerGuard },
        // Last: a query waits for the read models only once it is authenticated and within its rate limit.
        { provide: APP_GUARD, useClass: ReadYourWritesGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
