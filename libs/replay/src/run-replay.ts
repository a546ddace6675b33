import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { policyholderRanges, type PolicyholderSource } from './policyholder-source';
import { replayPartition, type PartitionResult } from './replay-partition';
import { compareRows, type ReplayRow } from './replay-row';
import { summarize, type ReplaySummary } from './replay-summary';
import { resolveVersions } from './resolve-versions';
import type { SourceSpec } from './source-spec';
import { unpackRows } from './workers/packed-rows';
import type { WorkerJob, WorkerMessage } from './workers/worker-messages';

export interface ReplayRequest {
  /** The active version when the replay starts. */
  currentVersion: string;
  replayedVersion: string;
  through: string;
}

export interface ReplayProgress {
  processed: number;
  total: number;
}

export interface ReplayRunOptions {
  /** The main thread's connection: counts the policyholders, and replays them when no worker thread can run. */
  source: PolicyholderSource;
  /** Worker threads; 0 replays in this thread. Default min(2, cores). */
  workers?: number;
  /** How a worker opens its own connection; without it the replay runs in this thread. */
  workerSource?: SourceSpec;
  /** The compiled worker (default: beside this file; absent when running from TypeScript sources). */
  workerFile?: string;
  pageSize?: number;
  onProgress?: (progress: ReplayProgress) => void;
  signal?: AbortSignal;
}

export interface ReplayResult extends ReplaySummary {
  processed: number;
  total: number;
  /** How many worker threads ran it (0: in this thread). */
  workers: number;
  /** Noteworthy rows (deltaCents ≠ 0 or settlementCents ≠ 0), sorted by (policyholderId, stoppageId). */
  rows: ReplayRow[];
}

export const DEFAULT_WORKER_FILE = join(__dirname, 'workers', 'replay-worker.js');

export function defaultWorkerCount(): number {
  return Math.min(2, availableParallelism());
}

/**
 * Replays a rules version over every policyholder, without writing to the ledger. With N workers each
 * thread takes a contiguous range of ids (policyholderRanges) and reads only that part of the read models:
 * hash shares made every worker read, copy and hash every row. The merged rows are sorted, so the result
 * does not depend on N. Worker threads need the compiled build (dist): from TypeScript sources (jest)
 * the replay runs in this thread.
 */
export async function runReplay(request: ReplayRequest, options: ReplayRunOptions): Promise<ReplayResult> {
  const versions = resolveVersions(request.currentVersion, request.replayedVersion);
  const total = await options.source.count();
  const workerFile = options.workerFile ?? DEFAULT_WORKER_FILE;
  const requested = options.workers ?? defaultWorkerCount();
  const workers = requested > 0 && options.workerSource && existsSync(workerFile) ? requested : 0;
  const progress = new Array<number>(Math.max(workers, 1)).fill(0);
  const report = (partition: number, processed: number) => {
    progress[partition] = processed;
    options.onProgress?.({ processed: progress.reduce((sum, count) => sum + count, 0), total });
  };
  const ranges = workers === 0 ? [] : await policyholderRanges(options.source, workers);
  const results =
    workers === 0
      ? [await replayPartition(options.source, { versions, through: request.through, partition: 0, partitions: 1, pageSize: options.pageSize, signal: options.signal, onProgress: (processed) => report(0, processed) })]
      : await Promise.all(
          ranges.map((range, partition) =>
            runWorker(workerFile, {
              source: options.workerSource!,
              currentVersion: versions.current.version,
              replayedVersion: versions.replayed.version,
              through: request.through,
              partition,
              partitions: workers,
              range,
              pageSize: options.pageSize,
            }, (processed) => report(partition, processed), options.signal),
          ),
        );
  return mergePartitions(results, total, workers);
}

/** The rows of every share in one order, and the figures over them. */
export function mergePartitions(results: PartitionResult[], total: number, workers: number): ReplayResult {
  const rows = results.flatMap((result) => result.rows).sort(compareRows);
  const processed = results.reduce((sum, result) => sum + result.processed, 0);
  return { processed, total, workers, ...summarize(rows), rows };
}

function runWorker(file: string, job: WorkerJob, onProgress: (processed: number) => void, signal?: AbortSignal): Promise<PartitionResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: job });
    let settled = false;
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', stop);
      outcome();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.processed);
      else if (message.type === 'done') finish(() => resolve({ processed: message.processed, rows: unpackRows(message.rows) }));
      else finish(() => reject(new Error(`Replay worker ${job.partition + 1}/${job.partitions} failed: ${message.reason}`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(signal?.aborted ? 'The replay was stopped' : `Replay worker ${job.partition + 1}/${job.partitions} exited with code ${code}`))),
    );
  });
}
