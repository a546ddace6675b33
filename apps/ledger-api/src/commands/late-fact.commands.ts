import type { CommandContext } from '@ij/application';
import type { AnnulStoppageBody, RequalifyStoppageBody } from './dto/late-fact.body';

export class RequalifyStoppageCommand {
  constructor(readonly stoppageId: string, readonly body: RequalifyStoppageBody, readonly context: CommandContext) {}
}

export class AnnulStoppageCommand {
  constructor(readonly stoppageId: string, readonly body: AnnulStoppageBody, readonly context: CommandContext) {}
}
