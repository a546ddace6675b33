import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { QueryAnswers } from '../http/openapi/answers';
import { CLOCK, type Clock } from '@ij/application';
import { ThroughParams } from '../http/query-params';
import { Disbursements, TransferPage } from './dto/transfer.answers';
import { TransferListParams } from './dto/transfer-params';
import { PageParams, pageSizeOf } from '../http/query-params';
import { GetDisbursementsQuery, ListPolicyholderTransfersQuery, ListTransfersQuery } from './transfers.messages';

/** Where the money went (api.md "Money that moves"): transfers, and the reconciliation with the ledger. */
@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1')
export class TransfersController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('transfers')
  @Roles('supervisor', 'auditor')
  @QueryAnswers(TransferPage)
  list(@Query() params: TransferListParams) {
    const filter = { ...(params.status ? { status: params.status } : {}), ...(params.from ? { from: params.from } : {}), ...(params.to ? { to: params.to } : {}) };
    return this.queryBus.execute(new ListTransfersQuery(filter, params.after, pageSizeOf(params)));
  }

  @Get('policyholders/:policyholderId/transfers')
  @Roles('clerk', 'auditor')
  @QueryAnswers(TransferPage, { problems: ['policyholder-not-found'] })
  ofPolicyholder(@Param('policyholderId') policyholderId: string, @Query() params: PageParams) {
    return this.queryBus.execute(new ListPolicyholderTransfersQuery(policyholderId, params.after, pageSizeOf(params)));
  }

  /** Allowances paid in the ledger against transfers by status; `unreconciledCents` is 0. */
  @Get('reports/disbursements')
  @Roles('supervisor', 'auditor')
  @QueryAnswers(Disbursements)
  disbursements(@Query() params: ThroughParams) {
    return this.queryBus.execute(new GetDisbursementsQuery(params.through ?? this.clock.today()));
  }
}
