import { Module } from '@nestjs/common';
import { GetBacklogHandler } from './handlers/backlog.handler';
import { GetMissingCertificatesHandler, GetPolicyholderStatusHandler, GetTimelinessHandler } from './handlers/where-is-my-money.handlers';
import { ReportsController } from './reports.controller';

/** Reports: the regularization backlog, timeliness, missing certificates (and the policyholder status they share). */
@Module({
  controllers: [ReportsController],
  providers: [GetBacklogHandler, GetPolicyholderStatusHandler, GetTimelinessHandler, GetMissingCertificatesHandler],
})
export class ReportsModule {}
