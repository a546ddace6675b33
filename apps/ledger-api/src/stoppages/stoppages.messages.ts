import type { CommandContext } from '@ij/application';
import type { AnnulStoppageBody, RequalifyStoppageBody } from './dto/late-fact.body';
import type { OpenStoppageBody } from './dto/open-stoppage.body';
import type {
  EndStoppageEarlyBody,
  ExtendStoppageBody,
  IssueAdvanceBody,
  RecordRecoveryBody,
  RecordSalaryCertificateBody,
  RegularizeBody,
} from './dto/stoppage-commands.body';

/** The stoppages' messages on the CommandBus and QueryBus: what was asked, by whom, under which idempotency key. */
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

export class RequalifyStoppageCommand {
  constructor(readonly stoppageId: string, readonly body: RequalifyStoppageBody, readonly context: CommandContext) {}
}

export class AnnulStoppageCommand {
  constructor(readonly stoppageId: string, readonly body: AnnulStoppageBody, readonly context: CommandContext) {}
}

/** The messages sent on the QueryBus. `through` is absent when the caller wants today. */
export class GetStoppageQuery {
  constructor(readonly stoppageId: string, readonly through?: string) {}
}

export class ExplainEntitlementQuery {
  constructor(readonly stoppageId: string, readonly through?: string, readonly rulesVersion?: string) {}
}
