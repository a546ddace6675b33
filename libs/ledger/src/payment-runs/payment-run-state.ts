import type { PaymentRunCompleted, PaymentRunEvent, PaymentRunStarted } from './payment-run-events';

export type PaymentRunStatus = 'running' | 'done' | 'failed' | 'interrupted';

/** A run as its stream tells it: started, and done once completed. */
export interface PaymentRunState {
  started?: PaymentRunStarted['data'];
  completed?: PaymentRunCompleted['data'];
}

export function foldPaymentRun(events: readonly PaymentRunEvent[]): PaymentRunState {
  let state: PaymentRunState = {};
  for (const event of events) {
    if (event.type === 'PaymentRunStarted' && !state.started) state = { ...state, started: event.data };
    if (event.type === 'PaymentRunCompleted' && !state.completed) state = { ...state, completed: event.data };
  }
  return state;
}

/** Records the start once: a resumed run keeps its first start. */
export function startPaymentRun(state: PaymentRunState, started: PaymentRunStarted['data']): PaymentRunStarted[] {
  return state.started ? [] : [{ type: 'PaymentRunStarted', schemaVersion: 1, data: started }];
}

/** Records the end once: a re-run of a done run changes nothing. */
export function completePaymentRun(state: PaymentRunState, completed: PaymentRunCompleted['data']): PaymentRunCompleted[] {
  return state.completed ? [] : [{ type: 'PaymentRunCompleted', schemaVersion: 2, data: completed }];
}
