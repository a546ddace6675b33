import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { CurrentCommand, IdempotentCommand } from '../http/command-context';
import { type CommandContext } from '@ij/application';
import { CommandAnswers } from '../http/openapi/answers';
import { AnnulledStoppage, EarlyEnd, IssuedAdvance, OpenedStoppage, RecordedRecovery, RecordedSalaryCertificate, RegularizationOutcome, RequalifiedStoppage, StoppageExtension } from './dto/command-answers';
import { OpenStoppageBody } from './dto/open-stoppage.body';
import { AnnulStoppageBody, RequalifyStoppageBody } from './dto/late-fact.body';
import { AnnulStoppageCommand, RequalifyStoppageCommand } from './stoppages.messages';
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
} from './stoppages.messages';

const stoppageId = () => Param('stoppageId', new ParseUUIDPipe({ version: undefined }));

@ApiTags('commands')
@ApiBearerAuth()
@Controller('v1/stoppages')
@Roles('clerk')
export class StoppageCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @IdempotentCommand()
  @CommandAnswers(201, OpenedStoppage, { problems: ['stoppage-already-exists', 'stoppage-ends-before-start', 'stoppage-beyond-longest-period', 'prolongation-of-unknown-stoppage', 'prolongation-kind-mismatch', 'prolongation-overlaps', 'stoppages-overlap', 'no-parameters-for-date', 'stoppage-id-taken', 'stoppage-annulled'] })
  open(@Body() body: OpenStoppageBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new OpenStoppageCommand(body, context));
  }

  @Post(':stoppageId/extensions')
  @HttpCode(200)
  @IdempotentCommand()
  @CommandAnswers(200, StoppageExtension, { problems: ['stoppage-not-found', 'stoppage-closed', 'stoppage-ended-early', 'extension-not-later', 'stoppage-beyond-longest-period', 'prolongation-overlaps', 'stoppages-overlap', 'stoppage-annulled'] })
  extend(@stoppageId() id: string, @Body() body: ExtendStoppageBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new ExtendStoppageCommand(id, body, context));
  }

  @Post(':stoppageId/early-end')
  @HttpCode(200)
  @IdempotentCommand()
  @CommandAnswers(200, EarlyEnd, { problems: ['stoppage-not-found', 'stoppage-annulled', 'early-end-outside-stoppage'] })
  endEarly(@stoppageId() id: string, @Body() body: EndStoppageEarlyBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new EndStoppageEarlyCommand(id, body, context));
  }

  @Post(':stoppageId/salary-certificate')
  @HttpCode(200)
  @IdempotentCommand()
  @CommandAnswers(200, RecordedSalaryCertificate, { problems: ['stoppage-not-found', 'stoppage-annulled', 'salary-certificate-months-mismatch'] })
  recordSalaryCertificate(@stoppageId() id: string, @Body() body: RecordSalaryCertificateBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RecordSalaryCertificateCommand(id, body, context));
  }

  @Post(':stoppageId/advances')
  @HttpCode(201)
  @IdempotentCommand()
  @CommandAnswers(201, IssuedAdvance, { problems: ['stoppage-not-found', 'stoppage-closed', 'advance-exceeds-maximum', 'no-parameters-for-date', 'stoppage-annulled'] })
  issueAdvance(@stoppageId() id: string, @Body() body: IssueAdvanceBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new IssueAdvanceCommand(id, body, context));
  }

  @Post(':stoppageId/regularizations')
  @HttpCode(201)
  @IdempotentCommand()
  @CommandAnswers(201, RegularizationOutcome, { problems: ['stoppage-not-found', 'regularization-in-future', 'regularization-before-settled-date', 'missing-salary-certificate', 'no-parameters-for-date'] })
  regularize(@stoppageId() id: string, @Body() body: RegularizeBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RegularizeCommand(id, body, context));
  }

  @Post(':stoppageId/recoveries')
  @HttpCode(201)
  @IdempotentCommand()
  @CommandAnswers(201, RecordedRecovery, { problems: ['stoppage-not-found', 'recovery-exceeds-overpayment'] })
  recordRecovery(@stoppageId() id: string, @Body() body: RecordRecoveryBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RecordRecoveryCommand(id, body, context));
  }

  @Post(':stoppageId/requalification')
  @HttpCode(200)
  @IdempotentCommand()
  @CommandAnswers(200, RequalifiedStoppage, { problems: ['stoppage-not-found', 'stoppage-annulled', 'requalification-not-applicable'] })
  requalify(@stoppageId() id: string, @Body() body: RequalifyStoppageBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new RequalifyStoppageCommand(id, body, context));
  }

  @Post(':stoppageId/annulment')
  @HttpCode(200)
  @Roles('supervisor')
  @IdempotentCommand()
  @CommandAnswers(200, AnnulledStoppage, { problems: ['stoppage-not-found', 'stoppage-annulled', 'stoppage-continued'] })
  annul(@stoppageId() id: string, @Body() body: AnnulStoppageBody, @CurrentCommand() context: CommandContext) {
    return this.commandBus.execute(new AnnulStoppageCommand(id, body, context));
  }
}
