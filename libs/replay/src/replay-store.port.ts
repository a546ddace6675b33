import type { ReplayRow } from './replay-row';
import type { ReplaySummary } from './replay-summary';

export type ReplayStatus = 'running' | 'done' | 'failed';

/** A replay as GET /v1/replays/{id} shows it; kept in the read models' database (tables replays, replay_rows). */
export interface ReplayRecord extends ReplaySummary {
  replayId: string;
  /** The replayed version. */
  rulesVersion: string;
  /** The version active when the replay started: what currentCents uses. */
  currentRulesVersion: string;
  through: string;
  status: ReplayStatus;
  /** Why it failed. */
  reason?: string;
  processed: number;
  total: number;
  /** The read models' checkpoint when it started (a log position, as a decimal string). */
  checkpoint: string;
  requestedBy: string;
  requestedAt: string;
  finishedAt?: string;
}

export interface NewReplay {
  replayId: string;
  rulesVersion: string;
  currentRulesVersion: string;
  through: string;
  checkpoint: string;
  requestedBy: string;
  requestedAt: string;
}

/** A stored diff row, with its place in the diff (the pagination cursor). */
export interface StoredReplayRow extends ReplayRow {
  seq: number;
}

export interface ReplayRowsQuery {
  /** Rows after this place (exclusive). */
  afterSeq?: number;
  limit: number;
  /** Also the rows with deltaCents = 0 whose settlement ≠ 0 (default: only deltaCents ≠ 0). */
  all?: boolean;
}

export interface ReplayStore {
  /** Records the replay as running with no rows (starting an id again starts it over). */
  start(replay: NewReplay): Promise<void>;
  progress(replayId: string, processed: number, total: number): Promise<void>;
  /** In one transaction: the rows (sorted) and the figures, status done. */
  finish(replayId: string, result: ReplaySummary & { processed: number; total: number; finishedAt: string }, rows: readonly ReplayRow[]): Promise<void>;
  fail(replayId: string, reason: string, finishedAt: string): Promise<void>;
  /**
   * Marks `failed` every replay still `running` but `except` (the one the caller runs), and answers their ids:
   * called by the holder of the store's replay lease, for whom any other running replay was abandoned.
   */
  failRunning(except: string | undefined, reason: string, finishedAt: string): Promise<string[]>;
  get(replayId: string): Promise<ReplayRecord | undefined>;
  rows(replayId: string, query: ReplayRowsQuery): Promise<StoredReplayRow[]>;
}
