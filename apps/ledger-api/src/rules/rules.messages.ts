import type { CommandContext } from '@ij/application';
import type { ActivateRulesVersionBody } from '../stoppages/dto/stoppage-commands.body';

/** The rules' message on the CommandBus: activating a released rules version. */
export class ActivateRulesVersionCommand {
  constructor(readonly body: ActivateRulesVersionBody, readonly context: CommandContext) {}
}
