import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { backlogCsv, missingCertificatesCsv, type MissingCertificatesReport, type RegularizationBacklog } from '@ij/projections';
import { Roles } from '../auth/roles.decorator';
import { QueryAnswers } from '../http/openapi/answers';
import { Backlog } from './dto/backlog.answer';
import { MissingCertificates, Timeliness } from './dto/where-is-my-money.answers';
import { BacklogParams, MissingCertificatesParams, pageSizeOf, TimelinessParams } from '../http/query-params';
import { GetBacklogQuery, GetMissingCertificatesQuery, GetTimelinessQuery } from './reports.messages';
import { reminderLettersPdf } from '@ij/application';

@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/reports')
@Roles('supervisor', 'auditor')
export class ReportsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** JSON by default, its rows a page at a time (`?after=&limit=`, totals over every row); `?format=csv` answers every row as text/csv with a header line. */
  @Get('regularization-backlog')
  @QueryAnswers(Backlog, { alternatives: { 'text/csv': { description: '`?format=csv`: the rows with a header line' } } })
  async backlog(@Query() params: BacklogParams, @Res({ passthrough: true }) response: FastifyReply) {
    if (params.format !== 'csv') return this.queryBus.execute(new GetBacklogQuery(params.through, { after: params.after, limit: pageSizeOf(params) }));
    const backlog: RegularizationBacklog = await this.queryBus.execute(new GetBacklogQuery(params.through));
    response.type('text/csv; charset=utf-8');
    response.header('Content-Disposition', `attachment; filename="regularization-backlog-${backlog.through}.csv"`);
    return backlogCsv(backlog);
  }

  /** api.md "Where is my money": delays from each payable day of the window to the export of its money. */
  @Get('timeliness')
  @QueryAnswers(Timeliness)
  timeliness(@Query() params: TimelinessParams) {
    return this.queryBus.execute(new GetTimelinessQuery(params.from, params.to));
  }

  /** JSON by default; `?format=csv` one line per stoppage; `?format=pdf` one reminder letter per employer. */
  @Get('missing-certificates')
  @Roles('supervisor')
  @QueryAnswers(MissingCertificates, { alternatives: { 'text/csv': { description: '`?format=csv`: one line per stoppage' }, 'application/pdf': { description: '`?format=pdf`: one reminder letter per employer', binary: true } } })
  async missingCertificates(@Query() params: MissingCertificatesParams, @Res({ passthrough: true }) response: FastifyReply) {
    const report: MissingCertificatesReport = await this.queryBus.execute(new GetMissingCertificatesQuery(Number(params.olderThan ?? '0')));
    if (params.format === 'csv') {
      response.type('text/csv; charset=utf-8');
      response.header('Content-Disposition', `attachment; filename="missing-certificates-${report.asOf}.csv"`);
      return missingCertificatesCsv(report);
    }
    if (params.format !== 'pdf') return report;
    response.type('application/pdf');
    response.header('Content-Disposition', `attachment; filename="missing-certificates-${report.asOf}.pdf"`);
    return new StreamableFile(await reminderLettersPdf(report));
  }
}
