import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { CurrentCommand, IdempotentCommand } from '../http/command-context';
import { type CommandContext } from '@ij/application';
import { CommandAnswers } from '../http/openapi/answers';
import { ConfirmedBankAccount, RecordedBankAccount, RecordedSubrogation } from './dto/payee-answers';
import { RecordBankAccountBody, RecordSubrogationBody } from './dto/payee-commands.body';
import { ConfirmBankAccountCommand, RecordBankAccountCommand, RecordSubrogationCommand } from './policyholders.messages';

/** Who allowances are paid to: the policyholder's account, and employers subrogated for some days. */
@ApiTags('commands')
@ApiBearerAuth()
@Controller('v1')
@Roles('clerk')
export class PayeesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('policyholders/:policyholderId/bank-account')
  @HttpCode(200)
  @IdempotentCommand()
  @CommandAnswers(200, RecordedBankAccount, { problems: ['policyholder-not-found'] })
  recordBankAccount(@Param('policyholderId') policyholderId: string, @Body() body: RecordBankAccountBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RecordBankAccountCommand(policyholderId, body, context));
  }

  /** Separation of duties (#21): a supervisor other than who changed the IBAN releases its transfers. */
  @Post('policyholders/:policyholderId/bank-account/confirmation')
  @HttpCode(200)
  @Roles('supervisor')
  @IdempotentCommand()
  @CommandAnswers(200, ConfirmedBankAccount, { problems: ['policyholder-not-found', 'bank-account-not-awaiting-confirmation', 'bank-account-confirmation-by-same-actor'] })
  confirmBankAccount(@Param('policyholderId') policyholderId: string, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new ConfirmBankAccountCommand(policyholderId, context));
  }

  @Post('stoppages/:stoppageId/subrogations')
  @HttpCode(201)
  @IdempotentCommand()
  @CommandAnswers(201, RecordedSubrogation, { problems: ['stoppage-not-found', 'stoppage-closed', 'subrogation-outside-stoppage', 'subrogations-overlap', 'employer-bank-account-unknown', 'stoppage-annulled'] })
  recordSubrogation(@Param('stoppageId', new ParseUUIDPipe({ version: undefined })) stoppageId: string, @Body() body: RecordSubrogationBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RecordSubrogationCommand(stoppageId, body, context));
  }
}
