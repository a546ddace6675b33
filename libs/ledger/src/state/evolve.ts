import type { BankAccountRecorded } from '../events/payment-events';
import type { PolicyholderEvent, StoppageOpened, StoppageRegularized } from '../events/policyholder-events';
import type { TransferOrdered, TransferReturned, TransferStatus } from '../events/transfer-events';
import { initialState, type PolicyholderState, type StoppageState, type TransferRecord } from './policyholder-state';
import { boundedEndDate } from './longest-period';
import { effectiveEndDate } from './stoppage-queries';
import { evolveLateFact, reopened } from './late-facts';

/** Folds one event into the state. Never throws: an event is a fact, even one the code finds odd. */
export function evolve(state: PolicyholderState, event: PolicyholderEvent): PolicyholderState {
  switch (event.type) {
    case 'StoppageOpened':
      if (state.stoppages.has(event.data.stoppageId)) return state;
      return withStoppage({ ...state, policyholderId: state.policyholderId ?? event.data.policyholderId }, opened(event));
    case 'StoppageExtended':
      return update(state, event.data.stoppageId, (stoppage) => ({
        ...stoppage,
        endDate: boundedEndDate(stoppage.startDate, event.data.newEndDate),
        extensions: [...stoppage.extensions, event.data],
      }));
    case 'StoppageEndedEarly':
      // Reported after the stoppage was settled through its end, it reopens it for settlement.
      return update(state, event.data.stoppageId, (stoppage) => reopened({ ...stoppage, lastDay: event.data.lastDay }));
    case 'SalaryCertificateRecorded':
      return update(state, event.data.stoppageId, (stoppage) => ({ ...stoppage, salaries: event.data.salaries }));
    case 'AdvanceIssued':
      return update(state, event.data.stoppageId, (stoppage) => ({
        ...stoppage,
        advances: [...stoppage.advances, event.data],
      }));
    case 'StoppageRegularized':
      return update(state, event.data.stoppageId, (stoppage) => regularized(stoppage, event));
    case 'RecoveryRecorded':
      return update(state, event.data.stoppageId, (stoppage) => ({
        ...stoppage,
        recoveries: [...stoppage.recoveries, event.data],
      }));
    case 'BankAccountRecorded':
      return bankAccountRecorded(state, event);
    case 'BankAccountConfirmed':
      return state.bankAccountHold?.kind === 'UNCONFIRMED' && state.bankAccount?.iban === event.data.iban ? withoutHold(state) : state;
    case 'SubrogationRecorded':
      return update(employerAccountRenewed(state, event.data.employerId), event.data.stoppageId, (stoppage) => ({
        ...stoppage,
        subrogations: [...(stoppage.subrogations ?? []), event.data],
      }));
    case 'TransferOrdered':
      return transferOrdered(state, event.data);
    case 'TransferExported':
      return updateTransfer(state, event.data.transferId, 'ORDERED', (transfer) => ({
        ...transfer,
        status: 'EXPORTED',
        bankFileId: event.data.bankFileId,
        exportedOn: event.data.exportedOn,
        creditorAccount: event.data.creditorAccount,
      }));
    case 'TransferSettled':
      return updateTransfer(state, event.data.transferId, 'EXPORTED', (transfer) => ({ ...transfer, status: 'SETTLED', settledOn: event.data.settledOn }));
    case 'TransferReturned':
      return transferReturned(state, event);
    case 'PaymentOrdered':
      return update(state, event.data.stoppageId, (stoppage) => ({
        ...stoppage,
        paymentOrders: [...(stoppage.paymentOrders ?? []), event.data],
      }));
    case 'OverpaymentOffset':
      return update(state, event.data.overpaymentStoppageId, (stoppage) => ({
        ...stoppage,
        offsets: [...(stoppage.offsets ?? []), event.data],
      }));
    case 'StoppageRequalified':
    case 'StoppageAnnulled':
      return evolveLateFact(state, event, update);
    default:
      return state;
  }
}

export function foldEvents(events: Iterable<PolicyholderEvent>, from: PolicyholderState = initialState()): PolicyholderState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}

function opened({ data }: StoppageOpened): StoppageState {
  return {
    ...data,
    endDate: boundedEndDate(data.startDate, data.endDate),
    status: 'open',
    extensions: [],
    advances: [],
    regularizations: [],
    recoveries: [],
  };
}

/** Closed once settled through its effective last day; only a late early end reopens it (ij-rules §4). */
function regularized(stoppage: StoppageState, { data }: StoppageRegularized): StoppageState {
  // A version 1 regularization did not record its kind: it was the stoppage's kind at that point.
  const regularizations = [...stoppage.regularizations, { ...data, kind: data.kind ?? stoppage.kind }];
  if (stoppage.status === 'open' && data.through >= effectiveEndDate(stoppage)) {
    return { ...stoppage, regularizations, status: 'closed', closedByRegularizationId: data.regularizationId };
  }
  return { ...stoppage, regularizations };
}

function withStoppage(state: PolicyholderState, stoppage: StoppageState): PolicyholderState {
  const stoppages = new Map(state.stoppages);
  stoppages.set(stoppage.stoppageId, stoppage);
  return { ...state, stoppages };
}

/** An event about a stoppage the state does not hold changes nothing. */
function update(state: PolicyholderState, stoppageId: string, change: (stoppage: StoppageState) => StoppageState): PolicyholderState {
  const stoppage = state.stoppages.get(stoppageId);
  return stoppage ? withStoppage(state, change(stoppage)) : state;
}

/** A new account replaces the old one and lifts a return's hold; a changed one waits for its confirmation. */
function bankAccountRecorded(state: PolicyholderState, { data }: BankAccountRecorded): PolicyholderState {
  // The same IBAN again is not a new account: a return's hold stays.
  if (state.bankAccountHold?.kind === 'RETURNED' && state.bankAccount?.iban === data.account.iban) return { ...state, bankAccount: data.account };
  const rest = withoutHold(state);
  if (!data.awaitsConfirmation) return { ...rest, bankAccount: data.account };
  return { ...rest, bankAccount: data.account, bankAccountHold: { kind: 'UNCONFIRMED', recordedBy: data.recordedBy, since: data.recordedOn } };
}

function withoutHold(state: PolicyholderState): PolicyholderState {
  const { bankAccountHold: _hold, ...rest } = state;
  return rest;
}

function employerAccountRenewed(state: PolicyholderState, employerId: string): PolicyholderState {
  if (!state.unusableEmployerAccounts?.[employerId]) return state;
  const { [employerId]: _renewed, ...others } = state.unusableEmployerAccounts;
  return { ...state, unusableEmployerAccounts: others };
}

/** A transfer id is ordered once; ordering a returned one again links the two. */
function transferOrdered(state: PolicyholderState, data: TransferOrdered['data']): PolicyholderState {
  const transfers = state.transfers ?? [];
  if (transfers.some((transfer) => transfer.transferId === data.transferId)) return state;
  const linked = data.replaces === undefined ? transfers : transfers.map((transfer) => (transfer.transferId === data.replaces ? { ...transfer, reorderedAs: data.transferId } : transfer));
  return { ...state, transfers: [...linked, { ...data, status: 'ORDERED' }] };
}

/** Each step resolves a transfer at most once: an event for a transfer not in the step before it changes nothing. */
function updateTransfer(state: PolicyholderState, transferId: string, from: TransferStatus | readonly TransferStatus[], change: (transfer: TransferRecord) => TransferRecord): PolicyholderState {
  const allowed: readonly TransferStatus[] = typeof from === 'string' ? [from] : from;
  const transfers = state.transfers ?? [];
  const index = transfers.findIndex((transfer) => transfer.transferId === transferId);
  if (index < 0 || !allowed.includes(transfers[index].status)) return state;
  return { ...state, transfers: transfers.map((transfer, at) => (at === index ? change(transfer) : transfer)) };
}

/** The money is owed again, and the account it bounced from is unusable until a new one is recorded. */
function transferReturned(state: PolicyholderState, { data }: TransferReturned): PolicyholderState {
  const returned = updateTransfer(state, data.transferId, 'EXPORTED', (transfer) => ({
    ...transfer,
    status: 'RETURNED',
    returnedOn: data.returnedOn,
    returnReason: { code: data.reasonCode, ...(data.reasonText === undefined ? {} : { text: data.reasonText }), rejected: data.rejected },
  }));
  if (returned === state) return state;
  const transfer = returned.transfers!.find((candidate) => candidate.transferId === data.transferId)!;
  if (transfer.payee === 'EMPLOYER' && transfer.employerId !== undefined) {
    return { ...returned, unusableEmployerAccounts: { ...(returned.unusableEmployerAccounts ?? {}), [transfer.employerId]: data.reasonCode } };
  }
  // A return from an account already replaced since the export says nothing of the new one.
  if (transfer.creditorAccount?.iban !== state.bankAccount?.iban) return returned;
  const hold = { kind: 'RETURNED' as const, reasonCode: data.reasonCode, ...(data.reasonText === undefined ? {} : { reasonText: data.reasonText }), since: data.returnedOn, transferId: data.transferId };
  return { ...returned, bankAccountHold: hold };
}
