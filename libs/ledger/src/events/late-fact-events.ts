import type { StoppageKind } from '@ij/rules';
import type { LedgerEvent } from './ledger-event';

/**
 * A stoppage recognised as an occupational accident or disease after it was opened as sickness, or the
 * reverse when recognition is refused (ij-rules §4, "late facts"). Every stoppage of its prolongation
 * chain that had `previousKind` follows (`stoppageIds`, the addressed one first): the chain is recomputed
 * from its start under the new kind. Regularizations recorded before it keep the kind they were computed
 * under: an auditor folds the events before each one, and this event comes after them.
 */
export type StoppageRequalified = LedgerEvent<'StoppageRequalified', 1, {
  stoppageId: string;
  stoppageIds: string[];
  previousKind: StoppageKind;
  kind: StoppageKind;
  /** The accident's date (occupational accident only): the accident-day rule needs it. */
  accidentDate?: string;
  previousAccidentDate?: string;
  /** When the fund decided on the occupational character (or refused it). */
  recognizedOn: string;
  recordedOn: string;
}>;

/**
 * A stoppage entered in error: nothing is due for it any more. What was paid for it becomes an
 * overpayment at its next regularization; only Regularize and RecordRecovery are accepted on it after this.
 */
export type StoppageAnnulled = LedgerEvent<'StoppageAnnulled', 1, {
  stoppageId: string;
  reason: string;
  annulledOn: string;
}>;

export type LateFactEvent = StoppageRequalified | StoppageAnnulled;

export const LATE_FACT_EVENT_TYPES: readonly LateFactEvent['type'][] = ['StoppageRequalified', 'StoppageAnnulled'];
