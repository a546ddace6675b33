import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { HistoryEntry, PolicyholderStatement } from '@ij/projections';
import { Roles } from '../auth/roles.decorator';
import { QueryAnswers } from '../http/openapi/answers';
import { Balance } from './dto/balance.answer';
import { History } from './dto/history.answer';
import { PolicyholderReference } from './dto/lookup.answers';
import { Statement } from './dto/statement.answer';
import { PolicyholderStatus } from '../reports/dto/where-is-my-money.answers';
import { HistoryParams, MAX_HISTORY_PAGE, SearchPolicyholderBody, StatementParams, StatementPathParams, ThroughParams } from '../http/query-params';
import { FindPolicyholderQuery, GetBalanceQuery, GetHistoryQuery, GetPolicyholderStatusQuery, GetStatementQuery } from './policyholders.messages';
import { statementPdf } from '@ij/application';

const HISTORY_NEXT = { 'Ledger-History-Next': { description: 'when more events follow: the revision to pass as `?after=` for the next ones', schema: { type: 'string', pattern: '^\\d+$' } } };

@ApiTags('queries')
@ApiBearerAuth()
@Controller('v1/policyholders')
export class PolicyholdersController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A query sent as POST so that the NIR stays out of URLs and logs; not a command (no Idempotency-Key). */
  @Post('search')
  @HttpCode(200)
  @Roles('clerk', 'auditor')
  @QueryAnswers(PolicyholderReference, { withBody: true, problems: ['policyholder-not-found'] })
  search(@Body() body: SearchPolicyholderBody) {
    return this.queryBus.execute(new FindPolicyholderQuery(body.nir));
  }

  /** api.md names no role: the back office (clerk), auditors and supervisors all need it. */
  @Get(':policyholderId/balance')
  @Roles('clerk', 'auditor', 'supervisor')
  @QueryAnswers(Balance, { problems: ['policyholder-not-found'] })
  balance(@Param('policyholderId') policyholderId: string, @Query() params: ThroughParams) {
    return this.queryBus.execute(new GetBalanceQuery(policyholderId, params.through));
  }

  /** api.md "Where is my money": what a clerk reads out on the phone (paid through, pending, next payment, what blocks it). */
  @Get(':policyholderId/status')
  @Roles('clerk')
  @QueryAnswers(PolicyholderStatus, { problems: ['policyholder-not-found'] })
  status(@Param('policyholderId') policyholderId: string) {
    return this.queryBus.execute(new GetPolicyholderStatusQuery(policyholderId));
  }

  /**
   * Every event in order, at most 1 000 an answer (issue 21: every answer's size is bounded): when more follow,
   * the `Ledger-History-Next` header gives the revision to pass as `?after=` for the next ones.
   */
  @Get(':policyholderId/history')
  @Roles('auditor')
  @QueryAnswers(History, { problems: ['policyholder-not-found'], headers: HISTORY_NEXT })
  async history(@Param('policyholderId') policyholderId: string, @Query() params: HistoryParams, @Res({ passthrough: true }) response: FastifyReply) {
    const history: HistoryEntry[] = await this.queryBus.execute(new GetHistoryQuery(policyholderId));
    const after = params.after === undefined ? -1 : Number(params.after);
    const limit = params.limit === undefined ? MAX_HISTORY_PAGE : Number(params.limit);
    const following = history.filter((entry) => entry.revision > after);
    const page = following.slice(0, limit);
    if (following.length > page.length) response.header('Ledger-History-Next', String(page[page.length - 1].revision));
    return page;
  }

  /** JSON by default; `?format=pdf` answers the same statement as application/pdf. */
  @Get(':policyholderId/statements/:year')
  @Roles('clerk', 'auditor')
  @QueryAnswers(Statement, { problems: ['policyholder-not-found'], alternatives: { 'application/pdf': { description: '`?format=pdf`: the same statement as a PDF', binary: true } } })
  async statement(@Param() path: StatementPathParams, @Query() params: StatementParams, @Res({ passthrough: true }) response: FastifyReply) {
    const statement: PolicyholderStatement = await this.queryBus.execute(new GetStatementQuery(path.policyholderId, Number(path.year)));
    if (params.format !== 'pdf') return statement;
    response.type('application/pdf');
    response.header('Content-Disposition', `attachment; filename="statement-${statement.year}.pdf"`);
    return new StreamableFile(await statementPdf(statement));
  }
}
