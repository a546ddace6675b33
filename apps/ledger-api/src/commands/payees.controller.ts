import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { CurrentCommand, IdempotentCommand, type CommandContext } from '../http/command-context';
import { RecordBankAccountBody, RecordSubrogationBody } from './dto/payee-commands.body';
import { ConfirmBankAccountCommand, RecordBankAccountCommand, RecordSubrogationCommand } from './payee.commands';

/** Who allowances are paid to: the policyholder's account, and employers subrogated for some days. */
@ApiTags('commands')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: true, description: '1–128 visible ASCII characters; a repeat gets the first answer' })
@Controller('v1')
@Roles('clerk')
export class PayeesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('policyholders/:policyholderId/bank-account')
  @HttpCode(200)
  @IdempotentCommand()
  recordBankAccount(@Param('policyholderId') policyholderId: string, @Body() body: RecordBankAccountBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RecordBankAccountCommand(policyholderId, body, context));
  }

  /** Separation of duties (#21): a supervisor other than who changed the IBAN releases its transfers. */
  @Post('policyholders/:policyholderId/bank-account/confirmation')
  @HttpCode(200)
  @Roles('supervisor')
  @IdempotentCommand()
  confirmBankAccount(@Param('policyholderId') policyholderId: string, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new ConfirmBankAccountCommand(policyholderId, context));
  }

  @Post('stoppages/:stoppageId/subrogations')
  @HttpCode(201)
  @IdempotentCommand()
  recordSubrogation(@Param('stoppageId', new ParseUUIDPipe({ version: undefined })) stoppageId: string, @Body() body: RecordSubrogationBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RecordSubrogationCommand(stoppageId, body, context));
  }
}
