export type AuditFailureKind = 'HASH_CHAIN' | 'REGULARIZATION_MISMATCH' | 'UNKNOWN_RULES_VERSION' | 'UNREADABLE_EVENT' | 'INCOMPLETE_EXPORT' | 'UNRECONCILED_DISBURSEMENTS';

/** One thing `audit verify` found wrong: where (stream, revision), what, and the figures that differ. */
export interface AuditFailure {
  streamId: string;
  revision: number;
  /** The event's global position in the log (a string: it may exceed a JSON number), when the failure is about one event. */
  position?: string;
  kind: AuditFailureKind;
  /** What the check computed (the recomputed hash, the reproduced regularization figures). */
  expected?: unknown;
  /** What is stored. */
  actual?: unknown;
  detail: string;
}

export interface AuditReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** Regularizations reproduced with the rules version they recorded. */
  regularizationsChecked: number;
  failures: AuditFailure[];
}
