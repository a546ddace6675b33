import type { CommandContext } from '@ij/application';
import type { OpenStoppageBody } from './dto/open-stoppage.body';
import type {
  ActivateRulesVersionBody,
  EndStoppageEarlyBody,
  ExtendStoppageBody,
  IssueAdvanceBody,
  RecordRecoveryBody,
  RecordSalaryCertificateBody,
  RegularizeBody,
} from './dto/stoppage-commands.body';

/** The messages sent on the CommandBus: what was asked, by whom, under which idempotency key. */
export class OpenStoppageCommand {
  constructor(readonly body: OpenStoppageBody, readonly context: CommandContext) {}
}

export class ExtendStoppageCommand {
  constructor(readonly stoppageId: string, readonly body: ExtendStoppageBody, readonly context: CommandContext) {}
}

export class EndStoppageEarlyCommand {
  constructor(readonly stoppageId: string, readonly body: EndStoppageEarlyBody, readonly context: CommandContext) {}
}

export class RecordSalaryCertificateCommand {
  constructor(readonly stoppageId: string, readonly body: RecordSalaryCertificateBody, readonly context: CommandContext) {}
}

export class IssueAdvanceCommand {
  constructor(readonly stoppageId: string, readonly body: IssueAdvanceBody, readonly context: CommandContext) {}
}

export class RegularizeCommand {
  constructor(readonly stoppageId: string, readonly body: RegularizeBody, readonly context: CommandContext) {}
}

export class RecordRecoveryCommand {
  constructor(readonly stoppageId: string, readonly body: RecordRecoveryBody, readonly context: CommandContext) {}
}

export class ActivateRulesVersionCommand {
  constructor(readonly body: ActivateRulesVersionBody, readonly context: CommandContext) {}
}
