import { BankAccountConfirmationBySameActor, BankAccountNotAwaitingConfirmation, TransferNotExported, TransferNotReturned } from '../errors/transfer-errors';
import type { PolicyholderEvent } from '../events/policyholder-events';
import { foldEvents } from '../state/evolve';
import { commands } from '../test-support/commands';
import { events } from '../test-support/events';
import { POLICYHOLDER_ACCOUNT, POLICYHOLDER_ID, STOPPAGE_ID, TODAY } from '../test-support/fixtures';
import { given } from '../test-support/given';
import { histories } from '../test-support/histories';

/** The 300 € advance's transfer (CSG 18.60, CRDS 1.50, net 279.90), and the steps a bank file and a report add. */
const TRANSFER_ID = 'advance0001A';
const NEW_IBAN = 'FR7630004000031234567890143';
const ordered = (): PolicyholderEvent[] => [...histories.openedStoppage(), events.bankAccountRecorded(), events.advanceIssued(), events.transferOrdered()];
const exported = (bankFileId = 'run1'): PolicyholderEvent => ({
  type: 'TransferExported', schemaVersion: 1,
  data: { transferId: TRANSFER_ID, bankFileId, payee: 'POLICYHOLDER', stoppageId: STOPPAGE_ID, netCents: 27_990, creditorAccount: POLICYHOLDER_ACCOUNT, exportedOn: TODAY },
});
const returned = (): PolicyholderEvent => ({ type: 'TransferReturned', schemaVersion: 1, data: { transferId: TRANSFER_ID, bankReportId: 'camt-1', returnedOn: TODAY, reasonCode: 'AC04', reasonText: 'Closed account', rejected: false } });
const exportCommand = (bankFileId = 'run2') => ({ type: 'ExportTransfers' as const, policyholderId: POLICYHOLDER_ID, bankFileId, orderedOnOrBefore: TODAY });
const outcome = (kind: 'SETTLED' | 'RETURNED' | 'REJECTED') => ({ type: 'RecordBankOutcome' as const, policyholderId: POLICYHOLDER_ID, transferId: TRANSFER_ID, outcome: kind, bankReportId: 'camt-2', bookedOn: TODAY, reasonCode: 'AC01' });

describe('transfers: exported once, settled or returned once, ordered again once', () => {
  it('claims an ORDERED transfer for the bank file, with the account it credits', () =>
    given(...ordered()).when(exportCommand()).then([{ ...exported('run2') }]));

  it('never claims a transfer twice: once EXPORTED no other file takes it', () =>
    given(...ordered(), exported('run1')).when(exportCommand('run2')).then([]));

  it('leaves a transfer ordered after the cut-off for a later run', () =>
    given(...ordered()).when({ ...exportCommand(), orderedOnOrBefore: '2025-09-29' }).then([]));

  it('holds the transfers of a changed IBAN until it is confirmed, and of an account the bank returned one from', () => {
    given(...ordered(), events.bankAccountRecorded({ account: { iban: NEW_IBAN, holderName: 'X' }, recordedBy: 'clerk-1', awaitsConfirmation: true })).when(exportCommand()).then([]);
    given(...ordered(), exported(), returned(), events.transferOrdered({ transferId: 'again', source: 'REORDER', replaces: TRANSFER_ID })).when(exportCommand()).then([]);
  });

  it('settles an exported transfer once; the same report again, or a return after it, records nothing', () => {
    given(...ordered(), exported()).when(outcome('SETTLED')).then([{ type: 'TransferSettled', schemaVersion: 1, data: { transferId: TRANSFER_ID, bankReportId: 'camt-2', settledOn: TODAY } }]);
    given(...ordered(), exported(), { type: 'TransferSettled', schemaVersion: 1, data: { transferId: TRANSFER_ID, bankReportId: 'camt-1', settledOn: TODAY } }).when(outcome('RETURNED')).then([]);
  });

  it('treats a pain.002 rejection as a return, and refuses a report on a transfer never exported', () => {
    given(...ordered(), exported()).when(outcome('REJECTED')).then([{ type: 'TransferReturned', schemaVersion: 1, data: { transferId: TRANSFER_ID, bankReportId: 'camt-2', returnedOn: TODAY, reasonCode: 'AC01', rejected: true } }]);
    given(...ordered()).when(outcome('SETTLED')).thenFails(TransferNotExported, { transferId: TRANSFER_ID });
  });

  it('marks the account unusable on a return, until a new one is recorded', () => {
    const state = foldEvents([...ordered(), exported(), returned()]);
    expect(state.bankAccountHold).toEqual({ kind: 'RETURNED', reasonCode: 'AC04', reasonText: 'Closed account', since: TODAY, transferId: TRANSFER_ID });
    expect(foldEvents([...ordered(), exported(), returned(), events.bankAccountRecorded()]).bankAccountHold?.kind).toBe('RETURNED');
    expect(foldEvents([...ordered(), exported(), returned(), events.bankAccountRecorded({ account: { iban: NEW_IBAN, holderName: 'X' }, awaitsConfirmation: true })]).bankAccountHold?.kind).toBe('UNCONFIRMED');
  });

  it('orders a returned transfer again for the same amounts, once', () => {
    const command = { type: 'ReorderReturnedTransfer' as const, policyholderId: POLICYHOLDER_ID, transferId: TRANSFER_ID, newTransferId: 'again' };
    given(...ordered(), exported(), returned()).when(command).then([events.transferOrdered({ transferId: 'again', source: 'REORDER', sourceId: TRANSFER_ID, replaces: TRANSFER_ID })]);
    given(...ordered(), exported(), returned(), events.transferOrdered({ transferId: 'again', source: 'REORDER', sourceId: TRANSFER_ID, replaces: TRANSFER_ID })).when({ ...command, newTransferId: 'again2' }).thenFails(TransferNotReturned);
    given(...ordered(), exported()).when(command).thenFails(TransferNotReturned, { status: 'EXPORTED' });
  });
});

describe('separation of duties on bank details (#21)', () => {
  it('lets the first account be used at once, and makes a changed IBAN wait', () => {
    given(...histories.openedStoppage()).when(commands.recordBankAccount()).then([events.bankAccountRecorded()]);
    given(...histories.openedStoppage(), events.bankAccountRecorded())
      .when(commands.recordBankAccount({ iban: NEW_IBAN }))
      .then([events.bankAccountRecorded({ account: { ...POLICYHOLDER_ACCOUNT, iban: NEW_IBAN }, awaitsConfirmation: true })]);
  });

  it('is confirmed by another actor, never by the one who changed it', () => {
    const changed = [...histories.openedStoppage(), events.bankAccountRecorded(), events.bankAccountRecorded({ account: { ...POLICYHOLDER_ACCOUNT, iban: NEW_IBAN }, recordedBy: 'clerk-1', awaitsConfirmation: true })];
    given(...changed).when({ type: 'ConfirmBankAccount', policyholderId: POLICYHOLDER_ID, confirmedBy: 'clerk-1' }).thenFails(BankAccountConfirmationBySameActor, { actorId: 'clerk-1' });
    given(...changed).when({ type: 'ConfirmBankAccount', policyholderId: POLICYHOLDER_ID, confirmedBy: 'supervisor-1' }).then([{ type: 'BankAccountConfirmed', schemaVersion: 1, data: { policyholderId: POLICYHOLDER_ID, iban: NEW_IBAN, confirmedBy: 'supervisor-1', confirmedOn: TODAY } }]);
    given(...histories.openedStoppage(), events.bankAccountRecorded()).when({ type: 'ConfirmBankAccount', policyholderId: POLICYHOLDER_ID, confirmedBy: 'supervisor-1' }).thenFails(BankAccountNotAwaitingConfirmation);
  });
});
