import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { CurrentCommand, IdempotentCommand, type CommandContext } from '../http/command-context';
import { OpenStoppageBody } from './dto/open-stoppage.body';
import { AnnulStoppageBody, RequalifyStoppageBody } from './dto/late-fact.body';
import { AnnulStoppageCommand, RequalifyStoppageCommand } from './late-fact.commands';
import {
  EndStoppageEarlyBody,
  ExtendStoppageBody,
  IssueAdvanceBody,
  RecordRecoveryBody,
  RecordSalaryCertificateBody,
  RegularizeBody,
} from './dto/stoppage-commands.body';
import {
  EndStoppageEarlyCommand,
  ExtendStoppageCommand,
  IssueAdvanceCommand,
  OpenStoppageCommand,
  RecordRecoveryCommand,
  RecordSalaryCertificateCommand,
  RegularizeCommand,
} from './ledger.commands';

const stoppageId = () => Param('stoppageId', new ParseUUIDPipe({ version: undefined }));

@ApiTags('commands')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: true, description: '1–128 visible ASCII characters; a repeat gets the first answer' })
@Controller('v1/stoppages')
@Roles('clerk')
export class StoppagesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @IdempotentCommand()
  open(@Body() body: OpenStoppageBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new OpenStoppageCommand(body, context));
  }

  @Post(':stoppageId/extensions')
  @HttpCode(200)
  @IdempotentCommand()
  extend(@stoppageId() id: string, @Body() body: ExtendStoppageBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new ExtendStoppageCommand(id, body, context));
  }

  @Post(':stoppageId/early-end')
  @HttpCode(200)
  @IdempotentCommand()
  endEarly(@stoppageId() id: string, @Body() body: EndStoppageEarlyBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new EndStoppageEarlyCommand(id, body, context));
  }

  @Post(':stoppageId/salary-certificate')
  @HttpCode(200)
  @IdempotentCommand()
  recordSalaryCertificate(@stoppageId() id: string, @Body() body: RecordSalaryCertificateBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RecordSalaryCertificateCommand(id, body, context));
  }

  @Post(':stoppageId/advances')
  @HttpCode(201)
  @IdempotentCommand()
  issueAdvance(@stoppageId() id: string, @Body() body: IssueAdvanceBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new IssueAdvanceCommand(id, body, context));
  }

  @Post(':stoppageId/regularizations')
  @HttpCode(201)
  @IdempotentCommand()
  regularize(@stoppageId() id: string, @Body() body: RegularizeBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RegularizeCommand(id, body, context));
  }

  @Post(':stoppageId/recoveries')
  @HttpCode(201)
  @IdempotentCommand()
  recordRecovery(@stoppageId() id: string, @Body() body: RecordRecoveryBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RecordRecoveryCommand(id, body, context));
  }

  @Post(':stoppageId/requalification')
  @HttpCode(200)
  @IdempotentCommand()
  requalify(@stoppageId() id: string, @Body() body: RequalifyStoppageBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RequalifyStoppageCommand(id, body, context));
  }

  @Post(':stoppageId/annulment')
  @HttpCode(200)
  @Roles('supervisor')
  @IdempotentCommand()
  annul(@stoppageId() id: string, @Body() body: AnnulStoppageBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new AnnulStoppageCommand(id, body, context));
  }
}
