import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { QueryAnswers } from '../http/openapi/answers';
import { ExplainedEntitlement } from './dto/entitlement.answer';
import { EntitlementParams, ThroughParams } from '../http/query-params';
import { StoppageView } from './dto/stoppage-view.answer';
import { ExplainEntitlementQuery, GetStoppageQuery } from './stoppages.messages';

const stoppageId = () => Param('stoppageId', new ParseUUIDPipe({ version: undefined }));

@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/stoppages')
@Roles('clerk', 'auditor')
export class StoppageQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':stoppageId')
  @QueryAnswers(StoppageView, { problems: ['stoppage-not-found'] })
  stoppage(@stoppageId() id: string, @Query() params: ThroughParams) {
    return this.queryBus.execute(new GetStoppageQuery(id, params.through));
  }

  @Get(':stoppageId/entitlement')
  @QueryAnswers(ExplainedEntitlement, { problems: ['stoppage-not-found', [404, 'unknown-rules-version']] })
  entitlement(@stoppageId() id: string, @Query() params: EntitlementParams) {
    return this.queryBus.execute(new ExplainEntitlementQuery(id, params.through, params.rulesVersion));
  }
}
