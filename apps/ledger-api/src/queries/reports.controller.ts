import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { backlogCsv, type RegularizationBacklog } from '@ij/projections';
import { Roles } from '../auth/roles.decorator';
import { QueryAnswers } from '../http/openapi/answers';
import { Backlog } from './dto/backlog.answer';
import { BacklogParams } from './dto/query-params';
import { GetBacklogQuery } from './ledger.queries';

@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/reports')
@Roles('supervisor', 'auditor')
export class ReportsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** JSON by default; `?format=csv` answers the rows as text/csv with a header line. */
  @Get('regularization-backlog')
  @QueryAnswers(Backlog, { alternatives: { 'text/csv': { description: '`?format=csv`: the rows with a header line' } } })
  async backlog(@Query() params: BacklogParams, @Res({ passthrough: true }) response: Response) {
    const backlog: RegularizationBacklog = await this.queryBus.execute(new GetBacklogQuery(params.through));
    if (params.format !== 'csv') return backlog;
    response.type('text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="regularization-backlog-${backlog.through}.csv"`);
    return backlogCsv(backlog);
  }
}
