import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SalaryCertificateRecorded, StoppageEndedEarly, StoppageExtended } from '@ij/ledger';
import { eventData, POLICYHOLDER_IDS, PolicyholderIds, PolicyholderLedger } from '@ij/application';
import { EndStoppageEarlyCommand, ExtendStoppageCommand, OpenStoppageCommand, RecordSalaryCertificateCommand } from '../stoppages.messages';
import type { EarlyEnd, OpenedStoppage, RecordedSalaryCertificate, StoppageExtension } from '../dto/command-answers';
import { Inject } from '@nestjs/common';

@CommandHandler(OpenStoppageCommand)
export class OpenStoppageHandler implements ICommandHandler<OpenStoppageCommand> {
  constructor(
    private readonly ledger: PolicyholderLedger,
    @Inject(POLICYHOLDER_IDS) private readonly policyholderIds: PolicyholderIds,
  ) {}

  async execute({ body, context }: OpenStoppageCommand): Promise<OpenedStoppage> {
    const { nir, ald, ...facts } = body;
    const policyholderId = this.policyholderIds.fromNir(nir);
    await this.ledger.open({ type: 'OpenStoppage', ...facts, policyholderId, aldAffectionId: ald?.affectionId }, context);
    return { stoppageId: body.stoppageId, policyholderId };
  }
}

@CommandHandler(ExtendStoppageCommand)
export class ExtendStoppageHandler implements ICommandHandler<ExtendStoppageCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ stoppageId, body, context }: ExtendStoppageCommand): Promise<StoppageExtension> {
    const { events } = await this.ledger.decideOnStoppage({ type: 'ExtendStoppage', stoppageId, ...body }, context);
    const extension = eventData<StoppageExtended['data']>(events, 'StoppageExtended');
    return { stoppageId, previousEndDate: extension.previousEndDate, endDate: extension.newEndDate };
  }
}

@CommandHandler(EndStoppageEarlyCommand)
export class EndStoppageEarlyHandler implements ICommandHandler<EndStoppageEarlyCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ stoppageId, body, context }: EndStoppageEarlyCommand): Promise<EarlyEnd> {
    const { events } = await this.ledger.decideOnStoppage({ type: 'EndStoppageEarly', stoppageId, lastDay: body.lastDay }, context);
    const earlyEnd = eventData<StoppageEndedEarly['data']>(events, 'StoppageEndedEarly');
    return { stoppageId, lastDay: earlyEnd.lastDay, previousEndDate: earlyEnd.previousEndDate };
  }
}

@CommandHandler(RecordSalaryCertificateCommand)
export class RecordSalaryCertificateHandler implements ICommandHandler<RecordSalaryCertificateCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ stoppageId, body, context }: RecordSalaryCertificateCommand): Promise<RecordedSalaryCertificate> {
    const salaries = body.salaries.map(({ month, grossCents }) => ({ month, grossCents }));
    const { events } = await this.ledger.decideOnStoppage({ type: 'RecordSalaryCertificate', stoppageId, salaries }, context);
    const certificate = eventData<SalaryCertificateRecorded['data']>(events, 'SalaryCertificateRecorded');
    return { stoppageId, months: certificate.salaries.map((salary) => salary.month) };
  }
}
