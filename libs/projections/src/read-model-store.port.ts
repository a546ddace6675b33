import type { PolicyholderDocument } from './model/policyholder-document';
import type { StoppageRow } from './model/stoppage-row';
import type { RecordedEvent } from '@ij/event-store';

/** The projection's name in rm_checkpoints. */
export const READ_MODELS_PROJECTION = 'ledger-read-models';

export interface RebuildProgress {
  /** Events of policyholder streams folded so far. */
  processed: number;
  /** Events of policyholder streams to fold (those at or before the log's head when the rebuild started). */
  total: number;
}

export interface RebuildResult {
  /** The checkpoint the rebuilt models stand at: the log's head when the rebuild started. */
  checkpoint: bigint;
  /** Events folded (every event of a policyholder stream up to the checkpoint). */
  eventsFolded: number;
  policyholders: number;
  stoppages: number;
}

/** Every row of every read model, in key order: what "rebuilt = incremental" compares. */
export interface ReadModelDump {
  checkpoint: bigint;
  policyholders: Array<{ policyholderId: string; stateJson: string; lastPosition: bigint }>;
  stoppages: StoppageRow[];
}

/**
 * Where the read models live: in the event store's own database (the SQLite file, or the PostgreSQL
 * schema), so that the models and their checkpoint commit in one transaction.
 */
export interface ReadModelStore {
  /** The position of the last event the models include (0n before the first). */
  checkpoint(): Promise<bigint>;
  /**
   * In one transaction: folds into the models the events of a page read after `readFrom`, and moves the
   * checkpoint to the page's last position. Events at or before the stored checkpoint (another projector
   * got there first) are skipped, so none is applied twice. When the stored checkpoint is behind
   * `readFrom` (a rebuild reset it), nothing is applied, so none is skipped: the caller reads again from
   * the returned checkpoint. Returns the stored checkpoint after the transaction.
   */
  applyBatch(readFrom: bigint, events: readonly RecordedEvent[]): Promise<bigint>;
  policyholder(policyholderId: string): Promise<PolicyholderDocument | undefined>;
  stoppage(stoppageId: string): Promise<StoppageRow | undefined>;
  /** Up to `limit` policyholders after `afterId` in id order: a report pages through them in constant memory. */
  policyholders(afterId: string | null, limit: number): Promise<PolicyholderDocument[]>;
  /** Drops every read model and folds the whole log again; readers keep the old models until it commits. */
  rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult>;
  dump(): Promise<ReadModelDump>;
}
