import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { regularizationResponse, type AdvanceIssued, type RecoveryRecorded, type StoppageRegularized } from '@ij/ledger';
import { derivedId, eventData, PolicyholderLedger } from '@ij/application';
import { IssueAdvanceCommand, RecordRecoveryCommand, RegularizeCommand } from '../stoppages.messages';
import type { IssuedAdvance, RecordedRecovery, RegularizationOutcome } from '../dto/command-answers';

@CommandHandler(IssueAdvanceCommand)
export class IssueAdvanceHandler implements ICommandHandler<IssueAdvanceCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ stoppageId, body, context }: IssueAdvanceCommand): Promise<IssuedAdvance> {
    const command = { type: 'IssueAdvance' as const, stoppageId, advanceId: derivedId(context, 'advance'), ...body };
    const { events } = await this.ledger.decideOnStoppage(command, context);
    return { advanceId: eventData<AdvanceIssued['data']>(events, 'AdvanceIssued').advanceId };
  }
}

@CommandHandler(RegularizeCommand)
export class RegularizeHandler implements ICommandHandler<RegularizeCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ stoppageId, body, context }: RegularizeCommand): Promise<RegularizationOutcome> {
    const command = { type: 'Regularize' as const, stoppageId, regularizationId: derivedId(context, 'regularization'), through: body.through };
    const { events } = await this.ledger.decideOnStoppage(command, context);
    const regularization = eventData<StoppageRegularized['data']>(events, 'StoppageRegularized');
    return { regularizationId: regularization.regularizationId, ...regularizationResponse({ type: 'StoppageRegularized', schemaVersion: 2, data: regularization }) };
  }
}

@CommandHandler(RecordRecoveryCommand)
export class RecordRecoveryHandler implements ICommandHandler<RecordRecoveryCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ stoppageId, body, context }: RecordRecoveryCommand): Promise<RecordedRecovery> {
    const command = { type: 'RecordRecovery' as const, stoppageId, recoveryId: derivedId(context, 'recovery'), amountCents: body.amountCents };
    const { events } = await this.ledger.decideOnStoppage(command, context);
    const recovery = eventData<RecoveryRecorded['data']>(events, 'RecoveryRecorded');
    return { recoveryId: recovery.recoveryId, amountCents: recovery.amountCents };
  }
}
