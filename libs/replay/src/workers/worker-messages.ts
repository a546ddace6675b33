import type { PolicyholderRange } from '../policyholder-source';
import type { SourceSpec } from '../source-spec';
import type { PackedRows } from './packed-rows';

/** What a replay worker is given (workerData): versions travel by name, a connection by its spec. */
export interface WorkerJob {
  source: SourceSpec;
  currentVersion: string;
  replayedVersion: string;
  through: string;
  partition: number;
  partitions: number;
  /** This worker's contiguous range of policyholder ids. */
  range: PolicyholderRange;
  pageSize?: number;
}

export type WorkerMessage =
  | { type: 'progress'; processed: number }
  | { type: 'done'; processed: number; rows: PackedRows }
  | { type: 'failed'; reason: string };
