import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PolicyholderLedger } from '@ij/application';
import { ActivateRulesVersionCommand } from '../rules.messages';
import type { RulesActivation } from '../../stoppages/dto/command-answers';

@CommandHandler(ActivateRulesVersionCommand)
export class ActivateRulesVersionHandler implements ICommandHandler<ActivateRulesVersionCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ body, context }: ActivateRulesVersionCommand): Promise<RulesActivation> {
    const { events } = await this.ledger.activate({ type: 'ActivateRulesVersion', version: body.version }, context);
    const activation = events.find((event) => event.type === 'RulesVersionActivated');
    const previous = activation ? (activation.data as { previousVersion: string | null }).previousVersion : body.version;
    return { active: body.version, previousVersion: previous };
  }
}
