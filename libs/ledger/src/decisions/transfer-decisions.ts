import type { ConfirmBankAccount, ExportTransfers, RecordBankOutcome, ReorderReturnedTransfer } from '../commands/commands';
import { BankAccountConfirmationBySameActor, BankAccountNotAwaitingConfirmation, TransferNotExported, TransferNotFound, TransferNotReturned } from '../errors/transfer-errors';
import { PolicyholderNotFound } from '../errors/payee-errors';
import { definedOnly } from '../events/ledger-event';
import type { BankAccountConfirmed, TransferExported, TransferOrdered, TransferReturned, TransferSettled } from '../events/transfer-events';
import { creditorOf } from '../payees/transfers';
import type { PolicyholderState, TransferRecord } from '../state/policyholder-state';
import type { DecisionContext } from './decision-context';

/**
 * A payment run's claim: every ORDERED transfer ordered on or before the cut-off whose payee has a usable
 * account becomes EXPORTED in this bank file. Decided at the stream's revision, so a transfer is claimed
 * by one file only, whatever runs race or resume; a transfer held (no account, unconfirmed, returned
 * account) stays ORDERED for a later run.
 */
export function exportTransfers(command: ExportTransfers, state: PolicyholderState, context: Pick<DecisionContext, 'today'>): TransferExported[] {
  return (state.transfers ?? [])
    .filter((transfer) => transfer.status === 'ORDERED' && transfer.orderedOn <= command.orderedOnOrBefore)
    .flatMap((transfer) => {
      const creditor = creditorOf(state, transfer);
      if (!('account' in creditor)) return [];
      return [{ type: 'TransferExported' as const, schemaVersion: 1 as const, data: { transferId: transfer.transferId, bankFileId: command.bankFileId, payee: transfer.payee, stoppageId: transfer.stoppageId, netCents: transfer.netCents, creditorAccount: creditor.account, exportedOn: context.today } }];
    });
}

/**
 * The bank's report on one transfer. A transfer is resolved at most once: a settled or returned one
 * records nothing more (the same report twice changes nothing, and settlement never goes backwards).
 * A rejection (pain.002) is a return: the money never left.
 */
export function recordBankOutcome(command: RecordBankOutcome, state: PolicyholderState): Array<TransferSettled | TransferReturned> {
  const transfer = requireTransfer(state, command.transferId);
  if (transfer.status === 'SETTLED' || transfer.status === 'RETURNED') return [];
  if (transfer.status === 'ORDERED') throw new TransferNotExported(transfer.transferId);
  if (command.outcome === 'SETTLED') {
    return [{ type: 'TransferSettled', schemaVersion: 1, data: { transferId: transfer.transferId, bankReportId: command.bankReportId, settledOn: command.bookedOn } }];
  }
  return [
    {
      type: 'TransferReturned',
      schemaVersion: 1,
      data: definedOnly({
        transferId: transfer.transferId,
        bankReportId: command.bankReportId,
        returnedOn: command.bookedOn,
        reasonCode: command.reasonCode ?? 'NARR',
        reasonText: command.reasonText,
        rejected: command.outcome === 'REJECTED',
      }),
    },
  ];
}

/**
 * A returned transfer is owed again: once its payee has a usable account it is ordered again, for the
 * same amounts and withholdings (the first one never reached the payee, so nothing is withheld twice).
 */
export function reorderReturnedTransfer(command: ReorderReturnedTransfer, state: PolicyholderState, context: Pick<DecisionContext, 'today'>): TransferOrdered[] {
  const transfer = requireTransfer(state, command.transferId);
  if (transfer.reorderedAs === command.newTransferId) return [];
  if (transfer.status !== 'RETURNED' || transfer.reorderedAs !== undefined) throw new TransferNotReturned(transfer.transferId, transfer.reorderedAs ? `ordered again as ${transfer.reorderedAs}` : transfer.status);
  return [
    {
      type: 'TransferOrdered',
      schemaVersion: 1,
      data: definedOnly({
        transferId: command.newTransferId,
        source: 'REORDER' as const,
        sourceId: transfer.transferId,
        payee: transfer.payee,
        employerId: transfer.employerId,
        stoppageId: transfer.stoppageId,
        grossCents: transfer.grossCents,
        csgCents: transfer.csgCents,
        crdsCents: transfer.crdsCents,
        netCents: transfer.netCents,
        orderedOn: context.today,
        replaces: transfer.transferId,
      }),
    },
  ];
}

/** Separation of duties (#21): a changed IBAN is confirmed by someone other than who changed it. */
export function confirmBankAccount(command: ConfirmBankAccount, state: PolicyholderState, context: Pick<DecisionContext, 'today'>): BankAccountConfirmed[] {
  if (state.policyholderId === null) throw new PolicyholderNotFound();
  const hold = state.bankAccountHold;
  if (hold?.kind !== 'UNCONFIRMED' || !state.bankAccount) throw new BankAccountNotAwaitingConfirmation();
  if (hold.recordedBy === command.confirmedBy) throw new BankAccountConfirmationBySameActor(command.confirmedBy);
  return [{ type: 'BankAccountConfirmed', schemaVersion: 1, data: { policyholderId: state.policyholderId, iban: state.bankAccount.iban, confirmedBy: command.confirmedBy, confirmedOn: context.today } }];
}

function requireTransfer(state: PolicyholderState, transferId: string): TransferRecord {
  const transfer = (state.transfers ?? []).find((candidate) => candidate.transferId === transferId);
  if (!transfer) throw new TransferNotFound(transferId);
  return transfer;
}
