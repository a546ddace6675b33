import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { maskIban, normalizeIban, type BankAccountConfirmed, type BankAccountRecorded, type SubrogationRecorded } from '@ij/ledger';
import { derivedId, eventData, PolicyholderLedger } from '@ij/application';
import { ConfirmBankAccountCommand, RecordBankAccountCommand, RecordSubrogationCommand } from '../policyholders.messages';
import type { ConfirmedBankAccount, RecordedBankAccount, RecordedSubrogation } from '../dto/payee-answers';

/** The answer shows the IBAN masked but for its last 4 characters: it is personal data. */
@CommandHandler(RecordBankAccountCommand)
export class RecordBankAccountHandler implements ICommandHandler<RecordBankAccountCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ policyholderId, body, context }: RecordBankAccountCommand): Promise<RecordedBankAccount> {
    const command = { type: 'RecordBankAccount' as const, policyholderId, iban: normalizeIban(body.iban), bic: body.bic, holderName: body.holderName, recordedBy: context.actor.actorId };
    const { events } = await this.ledger.decideForPolicyholder(policyholderId, command, context);
    const { account, awaitsConfirmation } = eventData<BankAccountRecorded['data']>(events, 'BankAccountRecorded');
    return { policyholderId, iban: maskIban(account.iban), ...(account.bic ? { bic: account.bic } : {}), holderName: account.holderName, awaitsConfirmation };
  }
}

/** A supervisor other than who changed the IBAN confirms it: its transfers are exported again (#21). */
@CommandHandler(ConfirmBankAccountCommand)
export class ConfirmBankAccountHandler implements ICommandHandler<ConfirmBankAccountCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ policyholderId, context }: ConfirmBankAccountCommand): Promise<ConfirmedBankAccount> {
    const command = { type: 'ConfirmBankAccount' as const, policyholderId, confirmedBy: context.actor.actorId };
    const { events } = await this.ledger.decideForPolicyholder(policyholderId, command, context);
    const confirmed = eventData<BankAccountConfirmed['data']>(events, 'BankAccountConfirmed');
    return { policyholderId, iban: maskIban(confirmed.iban), confirmedBy: confirmed.confirmedBy, confirmedOn: confirmed.confirmedOn };
  }
}

@CommandHandler(RecordSubrogationCommand)
export class RecordSubrogationHandler implements ICommandHandler<RecordSubrogationCommand> {
  constructor(private readonly ledger: PolicyholderLedger) {}

  async execute({ stoppageId, body, context }: RecordSubrogationCommand): Promise<RecordedSubrogation> {
    const employerAccount =
      body.employerIban === undefined ? undefined : { iban: normalizeIban(body.employerIban), bic: body.employerBic, holderName: body.employerName ?? '' };
    const command = {
      type: 'RecordSubrogation' as const,
      stoppageId,
      subrogationId: derivedId(context, 'subrogation'),
      employerId: body.employerId,
      fromDate: body.from,
      toDate: body.to,
      employerAccount,
    };
    const { events } = await this.ledger.decideOnStoppage(command, context);
    const subrogation = eventData<SubrogationRecorded['data']>(events, 'SubrogationRecorded');
    return {
      subrogationId: subrogation.subrogationId,
      stoppageId,
      employerId: subrogation.employerId,
      from: subrogation.fromDate,
      to: subrogation.toDate,
      employerIban: maskIban(subrogation.employerAccount.iban),
    };
  }
}
