import { parentPort, workerData } from 'node:worker_threads';
import { replayPartition } from '../replay-partition';
import { resolveVersions } from '../resolve-versions';
import { openSource } from '../source-spec';
import { packRows } from './packed-rows';
import type { WorkerJob, WorkerMessage } from './worker-messages';

/** One share of a replay in a worker thread, on a connection of its own. Run from the compiled build (dist). */
async function run(job: WorkerJob): Promise<WorkerMessage> {
  const source = await openSource(job.source);
  try {
    const result = await replayPartition(source, {
      versions: resolveVersions(job.currentVersion, job.replayedVersion),
      through: job.through,
      partition: job.partition,
      partitions: job.partitions,
      range: job.range,
      pageSize: job.pageSize,
      onProgress: (processed) => parentPort?.postMessage({ type: 'progress', processed } satisfies WorkerMessage),
    });
    return { type: 'done', processed: result.processed, rows: packRows(result.rows) };
  } finally {
    await source.close();
  }
}

run(workerData as WorkerJob)
  .catch((error: unknown): WorkerMessage => ({ type: 'failed', reason: error instanceof Error ? error.message : String(error) }))
  .then((message) => parentPort?.postMessage(message, message.type === 'done' ? [message.rows.cents.buffer] : []));
