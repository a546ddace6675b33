import { hostname } from 'node:os';
import { Presets, SingleBar } from 'cli-progress';
import { PostgresReadModelStore, REBUILD_JOB_KIND, runPartitionedRebuild, type RebuildJobRequest } from '@ij/projections';
import { PostgresWorkPartitions } from '@ij/replay';
import { type LedgerConfig, openStorage } from '@ij/application';

export interface PartitionedRebuildCliOptions {
  partitions: number;
  staleAfterSeconds: number;
  /** Join (or create) this job instead of the one named by the log's head. */
  job?: string;
  /** Events read per page. */
  pageSize?: number;
}

/**
 * `ledger projections rebuild`: drops and refolds every read model from the log, with a progress bar on
 * stderr (events/s, ETA). Memory does not grow with the log: see the stores' `rebuild`.
 */
export async function rebuildProjections(config: LedgerConfig): Promise<void> {
  const storage = await openStorage(config);
  const bar = new SingleBar(
    { format: 'rebuild [{bar}] {percentage}% | {value}/{total} events | {speed} events/s | ETA {eta_formatted}', stream: process.stderr, etaBuffer: 50 },
    Presets.shades_classic,
  );
  const started = process.hrtime.bigint();
  const elapsedSeconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  let barStarted = false;
  try {
    const result = await storage.readModels.rebuild(({ processed, total }) => {
      const speed = Math.floor(processed / Math.max(elapsedSeconds(), 1e-3));
      if (!barStarted) {
        bar.start(total, processed, { speed });
        barStarted = true;
      } else bar.update(processed, { speed });
    });
    if (barStarted) bar.stop();
    const seconds = elapsedSeconds();
    console.error(
      `Rebuilt ${result.policyholders} policyholders and ${result.stoppages} stoppages from ${result.eventsFolded} events ` +
        `in ${seconds.toFixed(1)} s (${Math.floor(result.eventsFolded / Math.max(seconds, 1e-3))} events/s); checkpoint ${result.checkpoint}.`,
    );
  } finally {
    if (barStarted) bar.stop();
    await storage.close();
  }
}

/**
 * `ledger projections rebuild --partitions N` (PostgreSQL): run it in several processes, on one machine or
 * many. They agree on one job (`rebuild-<log head>-p<N>`, or `--job`) and share its N partitions by
 * policyholder hash through the work_partitions rows; each partition is folded into the job's shadow tables
 * and marked done in one transaction; the process that finds every partition done swaps the shadow tables in
 * with the checkpoint set to the job's head. A process killed mid-partition leaves nothing of it: another
 * redoes it after --stale-after seconds. Progress is printed as JSON lines on stdout. On SQLite the
 * single-process rebuild is the only one.
 */
export async function rebuildProjectionsPartitioned(config: LedgerConfig, options: PartitionedRebuildCliOptions): Promise<void> {
  const storage = await openStorage(config);
  try {
    if (!storage.pool || !storage.schema || !(storage.readModels instanceof PostgresReadModelStore)) {
      throw new Error('projections rebuild --partitions coordinates processes through PostgreSQL: use LEDGER_EVENT_STORE=postgres or esdb (on sqlite, rebuild without --partitions)');
    }
    const work = await PostgresWorkPartitions.open(storage.pool, storage.schema);
    const head = await storage.events.headPosition();
    const jobId = options.job ?? `rebuild-${head}-p${options.partitions}`;
    const log = (fields: Record<string, unknown>) => console.log(JSON.stringify({ job: jobId, pid: process.pid, ...fields }));
    const request: RebuildJobRequest = { head: String(head) };
    if (await work.createJob({ jobId, kind: REBUILD_JOB_KIND, partitionCount: options.partitions, request })) {
      log({ event: 'created', partitions: options.partitions, head: request.head });
    }
    const job = (await work.job(jobId))!;
    if (job.kind !== REBUILD_JOB_KIND) throw new Error(`job ${jobId} is a ${job.kind} job, not a rebuild`);
    if (job.partitionCount !== options.partitions) throw new Error(`job ${jobId} has ${job.partitionCount} partitions, not ${options.partitions}`);
    const jobHead = BigInt((job.request as RebuildJobRequest).head);
    const started = process.hrtime.bigint();
    const { outcome, result } = await runPartitionedRebuild(jobId, {
      coordinator: work,
      tables: storage.readModels.rebuildTables(jobId),
      head: jobHead,
      owner: `${hostname()}:${process.pid}`,
      staleAfterSeconds: options.staleAfterSeconds,
      heartbeatMs: Math.max(100, Math.min(1_000, (options.staleAfterSeconds * 1_000) / 4)),
      pageSize: options.pageSize,
      onEvent: (event) => log({ ...event, event: event.type, type: undefined }),
    });
    const merged = (await work.job(jobId))!.result as { checkpoint: string; eventsFolded: number; policyholders: number; stoppages: number } | null;
    log({ event: 'finished', outcome, checkpoint: jobHead.toString(), ...(merged ? { eventsFolded: merged.eventsFolded, policyholders: merged.policyholders, stoppages: merged.stoppages } : {}) });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result) {
      console.error(`Rebuilt ${result.policyholders} policyholders and ${result.stoppages} stoppages from ${result.eventsFolded} events in ${options.partitions} partitions; ` +
        `this process's part and the swap took ${seconds.toFixed(1)} s; checkpoint ${result.checkpoint}.`);
    } else {
      console.error(`Rebuild ${jobId} was already swapped in (checkpoint ${jobHead}); to rebuild again at the same head, give another --job.`);
    }
  } finally {
    await storage.close();
  }
}
