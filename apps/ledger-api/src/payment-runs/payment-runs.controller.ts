import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/roles.decorator';
import { CurrentCommand, IdempotentCommand } from '../http/command-context';
import { type CommandContext } from '@ij/application';
import { CommandAnswers, fileOf, QueryAnswers } from '../http/openapi/answers';
import { PageParams, pageSizeOf } from '../http/query-params';
import { PaymentRun, PaymentRunStarted } from './dto/payment-run.answers';
import { StartPaymentRunBody } from './dto/payment-run.body';
import { GetPaymentRunFileQuery, GetPaymentRunQuery, StartPaymentRunCommand } from './payment-runs.messages';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('v1/payment-runs')
export class PaymentRunsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  /** Starts (or resumes) the run through a date in the background (202); its id derives from `through`. */
  @Post()
  @HttpCode(202)
  @Roles('supervisor')
  @IdempotentCommand()
  @CommandAnswers(202, PaymentRunStarted, { problems: ['payment-run-in-future'] })
  start(@Body() body: StartPaymentRunBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new StartPaymentRunCommand(body, context));
  }

  @Get(':runId')
  @Roles('supervisor', 'auditor')
  @QueryAnswers(PaymentRun, { problems: ['payment-run-not-found'] })
  get(@Param('runId') runId: string, @Query() params: PageParams) {
    return this.queryBus.execute(new GetPaymentRunQuery(runId, { after: params.after, limit: pageSizeOf(params) }));
  }

  /** The ISO 20022 credit-transfer file (pain.001.001.03) for the bank, streamed as it is written. */
  @Get(':runId/pain001')
  @Roles('supervisor')
  @QueryAnswers(fileOf('application/xml', 'the ISO 20022 pain.001.001.03 credit-transfer file'), { problems: ['payment-run-not-found', 'payment-run-not-done', 'nothing-to-transfer'] })
  async file(@Param('runId') runId: string, @Res() response: FastifyReply) {
    const writeFile: (write: (chunk: string) => Promise<void> | void) => Promise<void> = await this.queryBus.execute(new GetPaymentRunFileQuery(runId));
    const body = new PassThrough();
    response.status(200).type('application/xml; charset=utf-8').header('Content-Disposition', `attachment; filename="pain001-${runId}.xml"`).send(body);
    try {
      await writeFile(async (chunk) => {
        if (!body.write(chunk)) await once(body, 'drain');
      });
      body.end();
    } catch (error) {
      // The answer has begun: the client sees the connection cut, never a file that looks whole.
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
