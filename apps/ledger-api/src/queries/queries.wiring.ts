import type { Provider } from '@nestjs/common';
import type { ReadModelStore } from '@ij/projections';
import { GetBacklogHandler } from './handlers/backlog.handler';
import { FindPolicyholderHandler, GetBalanceHandler, GetHistoryHandler, GetStatementHandler } from './handlers/policyholder-queries.handlers';
import { ExplainEntitlementHandler, GetStoppageHandler } from './handlers/stoppage-queries.handlers';
import { GetMissingCertificatesHandler, GetPolicyholderStatusHandler, GetTimelinessHandler } from './handlers/where-is-my-money.handlers';
import { PolicyholdersController } from './policyholders.controller';
import { ProjectionShutdown } from './projection-shutdown';
import { ReadSide } from './read-side';
import { READ_MODELS } from '@ij/application';
import { ReportsController } from './reports.controller';
import { StoppageQueriesController } from './stoppage-queries.controller';

/** The Queries table of api.md: its controllers, and the providers AppModule adds for them. */
export const QUERY_CONTROLLERS = [StoppageQueriesController, PolicyholdersController, ReportsController];

export function queryProviders(readModels: ReadModelStore): Provider[] {
  return [
    { provide: READ_MODELS, useValue: readModels },
    ReadSide,
    ProjectionShutdown,
    GetStoppageHandler,
    ExplainEntitlementHandler,
    FindPolicyholderHandler,
    GetBalanceHandler,
    GetHistoryHandler,
    GetStatementHandler,
    GetBacklogHandler,
    GetPolicyholderStatusHandler,
    GetTimelinessHandler,
    GetMissingCertificatesHandler,
  ];
}
