import { Module } from '@nestjs/common';
import { IssueAdvanceHandler, RecordRecoveryHandler, RegularizeHandler } from './handlers/payment.handlers';
import { LATE_FACT_HANDLERS } from './handlers/late-fact.handlers';
import { EndStoppageEarlyHandler, ExtendStoppageHandler, OpenStoppageHandler, RecordSalaryCertificateHandler } from './handlers/stoppage-lifecycle.handlers';
import { ExplainEntitlementHandler, GetStoppageHandler } from './handlers/stoppage-queries.handlers';
import { StoppageCommandsController } from './stoppage-commands.controller';
import { StoppageQueriesController } from './stoppage-queries.controller';

/** Stoppages: open, extend, end early, certificate, advances, regularization, recovery, late facts; view and entitlement. */
@Module({
  controllers: [StoppageCommandsController, StoppageQueriesController],
  providers: [
    OpenStoppageHandler,
    ExtendStoppageHandler,
    EndStoppageEarlyHandler,
    RecordSalaryCertificateHandler,
    IssueAdvanceHandler,
    RegularizeHandler,
    RecordRecoveryHandler,
    ...LATE_FACT_HANDLERS,
    GetStoppageHandler,
    ExplainEntitlementHandler,
  ],
})
export class StoppagesModule {}
