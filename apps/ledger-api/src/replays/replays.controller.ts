import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator';
import { CurrentCommand, IdempotentCommand } from '../http/command-context';
import { type CommandContext } from '@ij/application';
import { CommandAnswers, QueryAnswers } from '../http/openapi/answers';
import { Replay, ReplayDiff, ReplayStarted } from './dto/replay.answers';
import { DEFAULT_DIFF_PAGE, ReplayDiffParams, StartReplayBody } from './dto/replay.params';
import { GetReplayDiffCsvQuery, GetReplayDiffQuery, GetReplayQuery, StartReplayCommand } from './replays.messages';

@ApiTags('replay')
@ApiBearerAuth()
@Controller('v1/replays')
@Roles('auditor', 'supervisor')
export class ReplaysController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  /** Starts a replay in the background (202); a retry with the same Idempotency-Key answers the same replayId. */
  @Post()
  @HttpCode(202)
  @IdempotentCommand()
  @CommandAnswers(202, ReplayStarted, { problems: ['unknown-rules-version', 'replay-already-running'] })
  start(@Body() body: StartReplayBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new StartReplayCommand(body, context));
  }

  @Get(':replayId')
  @QueryAnswers(Replay, { problems: ['replay-not-found'] })
  get(@Param('replayId') replayId: string) {
    return this.queryBus.execute(new GetReplayQuery(replayId));
  }

  /** JSON pages (`next` is the cursor for `after`), or `?format=csv` for the whole diff as text/csv. */
  @Get(':replayId/diff')
  @QueryAnswers(ReplayDiff, { problems: ['replay-not-found', 'replay-not-done', 'replay-failed'], alternatives: { 'text/csv': { description: '`?format=csv`: the whole diff' } } })
  async diff(@Param('replayId') replayId: string, @Query() params: ReplayDiffParams, @Res({ passthrough: true }) response: FastifyReply) {
    const all = params.all === 'true';
    if (params.format !== 'csv') {
      return this.queryBus.execute(
        new GetReplayDiffQuery(replayId, { all, limit: params.limit ? Number(params.limit) : DEFAULT_DIFF_PAGE, afterSeq: params.after ? Number(params.after) : undefined }),
      );
    }
    const { csv } = await this.queryBus.execute(new GetReplayDiffCsvQuery(replayId, all));
    response.type('text/csv; charset=utf-8');
    response.header('Content-Disposition', `attachment; filename="replay-${replayId}.csv"`);
    return csv;
  }
}
