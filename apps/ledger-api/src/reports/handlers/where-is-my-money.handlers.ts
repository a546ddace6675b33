import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { missingCertificatesReport, policyholderStatus, timelinessReport } from '@ij/projections';
import { LEDGER_CONFIG, type LedgerConfig, statusContext, timelinessWindow } from '@ij/application';
import { GetPolicyholderStatusQuery } from '../../policyholders/policyholders.messages';
import { GetMissingCertificatesQuery, GetTimelinessQuery } from '../reports.messages';
import { ReadSide } from '../../read-side/read-side';

@QueryHandler(GetPolicyholderStatusQuery)
export class GetPolicyholderStatusHandler implements IQueryHandler<GetPolicyholderStatusQuery> {
  constructor(private readonly readSide: ReadSide, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute({ policyholderId }: GetPolicyholderStatusQuery) {
    const document = await this.readSide.policyholder(policyholderId);
    return policyholderStatus(document, await statusContext(this.readSide.events, this.readSide.through(undefined), this.config.paymentSchedule));
  }
}

@QueryHandler(GetTimelinessQuery)
export class GetTimelinessHandler implements IQueryHandler<GetTimelinessQuery> {
  constructor(private readonly readSide: ReadSide, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute(query: GetTimelinessQuery) {
    const context = await statusContext(this.readSide.events, this.readSide.through(undefined), this.config.paymentSchedule);
    const { from, to } = timelinessWindow(context.today, query.from, query.to);
    return timelinessReport(this.readSide.models, context, from, to);
  }
}

@QueryHandler(GetMissingCertificatesQuery)
export class GetMissingCertificatesHandler implements IQueryHandler<GetMissingCertificatesQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ olderThanDays }: GetMissingCertificatesQuery) {
    return missingCertificatesReport(this.readSide.models, await this.readSide.activeRules(), this.readSide.through(undefined), olderThanDays);
  }
}
