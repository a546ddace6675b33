import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { SearchPolicyholderBody, ThroughParams } from './dto/query-params';
import { FindPolicyholderQuery, GetBalanceQuery, GetHistoryQuery } from './ledger.queries';

@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/policyholders')
export class PolicyholdersController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A query sent as POST so that the NIR stays out of URLs and logs; not a command (no Idempotency-Key). */
  @Post('search')
  @HttpCode(200)
  @Roles('clerk', 'auditor')
  search(@Body() body: SearchPolicyholderBody) {
    return this.queryBus.execute(new FindPolicyholderQuery(body.nir));
  }

  /** api.md names no role: the back office (clerk), auditors and supervisors all need it. */
  @Get(':policyholderId/balance')
  @Roles('clerk', 'auditor', 'supervisor')
  balance(@Param('policyholderId') policyholderId: string, @Query() params: ThroughParams) {
    return this.queryBus.execute(new GetBalanceQuery(policyholderId, params.through));
  }

  @Get(':policyholderId/history')
  @Roles('auditor')
  history(@Param('policyholderId') policyholderId: string) {
    return this.queryBus.execute(new GetHistoryQuery(policyholderId));
  }
}
