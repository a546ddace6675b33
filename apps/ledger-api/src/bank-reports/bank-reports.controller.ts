import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@ij/application';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CommandAnswers } from '../http/openapi/answers';
import { ApplyBankReportCommand } from './bank-reports.messages';
import { BankReportOutcome } from './dto/bank-report.answers';

/**
 * The bank's reports on the transfers of the bank files: camt.054 (booked, returned) and pain.002
 * (rejected). Idempotent by content: the same document twice changes nothing (no Idempotency-Key needed).
 */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('v1/bank-reports')
export class BankReportsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('supervisor')
  @CommandAnswers(200, BankReportOutcome, { keyless: true, consumes: { mediaType: 'application/xml', description: 'a camt.054 (booked, returned) or pain.002 (rejected) document, as the bank sent it' } })
  apply(@Req() request: FastifyRequest, @CurrentActor() actor: Actor): Promise<BankReportOutcome> {
    return this.commandBus.execute(new ApplyBankReportCommand(typeof request.body === 'string' ? request.body : '', actor));
  }
}
