import type { PolicyholderEvent, StoppageOpened, StoppageRegularized } from '../events/policyholder-events';
import { initialState, type PolicyholderState, type StoppageState } from './policyholder-state';
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
        endDate: event.data.newEndDate,
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
      return { ...state, bankAccount: event.data.account };
    case 'SubrogationRecorded':
      return update(state, event.data.stoppageId, (stoppage) => ({
        ...stoppage,
        subrogations: [...(stoppage.subrogations ?? []), event.data],
      }));
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
