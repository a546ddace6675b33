import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { StoppageAnnulled, StoppageRequalified } from '@ij/ledger';
import { eventData, PolicyholderLedger } from '@ij/application';
import { AnnulStoppageCommand, RequalifyStoppageCommand } from '../stoppages.messages';
import type { AnnulledStoppage, RequalifiedStoppage } from '../dto/command-answers';

@CommandHandler(RequalifyStoppageCommand)
export class RequalifyStoppageHandler implements ICommandHandler<RequalifyStoppageCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ stoppageId, body, context }: RequalifyStoppageCommand): Promise<RequalifiedStoppage> {
    const { kind, accidentDate, recognizedOn } = body;
    const { events } = await this.ledger.decideOnStoppage({ type: 'RequalifyStoppage', stoppageId, kind, accidentDate, recognizedOn }, context);
    const requalified = eventData<StoppageRequalified['data']>(events, 'StoppageRequalified');
    return { stoppageId, previousKind: requalified.previousKind, kind: requalified.kind };
  }
}

@CommandHandler(AnnulStoppageCommand)
export class AnnulStoppageHandler implements ICommandHandler<AnnulStoppageCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ stoppageId, body, context }: AnnulStoppageCommand): Promise<AnnulledStoppage> {
    const { events } = await this.ledger.decideOnStoppage({ type: 'AnnulStoppage', stoppageId, reason: body.reason }, context);
    const annulled = eventData<StoppageAnnulled['data']>(events, 'StoppageAnnulled');
    return { stoppageId, annulledOn: annulled.annulledOn };
  }
}

export const LATE_FACT_HANDLERS = [RequalifyStoppageHandler, AnnulStoppageHandler];
