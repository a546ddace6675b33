import { hostname } from 'node:os';
import { formatCents } from '@ij/money';
import { Projector, readActiveRules } from '@ij/projections';
import { partitionedReplayIdOf, PostgresWorkPartitions, REPLAY_JOB_KIND, runPartitionedReplay, type ReplayRequest } from '@ij/replay';
import { type LedgerConfig, openReplayStorage, openStorage, systemClock, takeReplayLease } from '@ij/application';

export interface PartitionedReplayOptions {
  rules: string;
  through: string;
  partitions: number;
  job?: string;
  staleAfterSeconds: number;
  pageSize?: number;
}

interface StoredRequest extends ReplayRequest {
  checkpoint: string;
}

/**
 * `replay --partitions N` (PostgreSQL): run the same command in several processes, on one machine or many.
 * They agree on one job (the same options on the same read-model checkpoint, or an explicit `--job`),
 * share its N partitions by policyholder hash through the work_partitions rows, and the process that sees
 * the last partition done merges the result into the replays table (GET /v1/replays/{job id}). A process
 * killed mid-partition leaves it stale; another takes it over after --stale-after seconds.
 * Progress is printed as JSON lines on stdout.
 */
export async function partitionedReplay(config: LedgerConfig, options: PartitionedReplayOptions, actorId: string): Promise<void> {
  const storage = await openStorage(config);
  try {
    if (!storage.pool || !storage.schema) throw new Error('replay --partitions coordinates processes through PostgreSQL: use LEDGER_EVENT_STORE=postgres or esdb');
    const replayStorage = await openReplayStorage(storage, config);
    const work = await PostgresWorkPartitions.open(storage.pool, storage.schema);
    const currentVersion = (await readActiveRules(storage.events)).version;
    // The replay reads the read models: bring them up to the log's head first (safe beside a running projector).
    await new Projector(storage.events, storage.readModels).catchUp();
    const checkpoint = await replayStorage.source.checkpoint();
    const request: StoredRequest = { currentVersion, replayedVersion: options.rules, through: options.through, checkpoint: checkpoint.toString() };
    const jobId = options.job ?? partitionedReplayIdOf(request, checkpoint, options.partitions);
    const log = (fields: Record<string, unknown>) => console.log(JSON.stringify({ job: jobId, pid: process.pid, ...fields }));

    // One replay at a time per store: the job's processes hold the store's replay lease together (one owner for
    // the job), each renewing it while it works; it lapses once none of them is left.
    const lease = await takeReplayLease(replayStorage, jobId, () => systemClock.now(), { owner: `replay-job:${jobId}` });
    if (!lease.held) throw new Error(`replay ${lease.runningReplayId} is running on this store; one replay runs at a time. Run this again once it has ended.`);
    let merged = false;
    try {
      if (await work.createJob({ jobId, kind: REPLAY_JOB_KIND, partitionCount: options.partitions, request })) {
        await replayStorage.store.start({ replayId: jobId, rulesVersion: options.rules, currentRulesVersion: currentVersion, through: options.through, checkpoint: request.checkpoint, requestedBy: actorId, requestedAt: systemClock.now() });
        log({ event: 'created', partitions: options.partitions, checkpoint: request.checkpoint });
      } else if ((await replayStorage.store.get(jobId))?.status === 'failed') {
        // Every process of the job had stopped, so it was marked abandoned: it resumes (its done partitions stay done).
        await replayStorage.store.start({ replayId: jobId, rulesVersion: options.rules, currentRulesVersion: currentVersion, through: options.through, checkpoint: request.checkpoint, requestedBy: actorId, requestedAt: systemClock.now() });
      }
      const job = await work.job(jobId);
      const stored = job!.request as StoredRequest;
      if (job!.kind !== REPLAY_JOB_KIND || stored.replayedVersion !== options.rules || stored.through !== options.through) {
        throw new Error(`job ${jobId} replays ${stored.replayedVersion} through ${stored.through}, not ${options.rules} through ${options.through}`);
      }
      const outcome = await runPartitionedReplay(jobId, stored, {
        work,
        source: replayStorage.source,
        owner: `${hostname()}:${process.pid}`,
        staleAfterSeconds: options.staleAfterSeconds,
        heartbeatMs: Math.max(100, Math.min(1_000, (options.staleAfterSeconds * 1_000) / 4)),
        pageSize: options.pageSize,
        finish: (result) => replayStorage.store.finish(jobId, { ...result, finishedAt: systemClock.now() }, result.rows),
        onEvent: (event) => log({ ...event, event: event.type, type: undefined }),
      });
      const record = await replayStorage.store.get(jobId);
      merged = record?.status === 'done';
      log({ event: 'finished', outcome, status: record?.status, processed: record?.processed, affected: record?.affected });
      if (record) {
        console.error(`replay ${jobId}: ${record.affected} affected of ${record.processed}, underpaid ${formatCents(record.underpaidCents)}, overpaid ${formatCents(record.overpaidCents)} (GET /v1/replays/${jobId}/diff)`);
      }
    } finally {
      // Once the replay is done the job's lease is let go; until then another process of the job may still work
      // under it (same owner): this one only stops renewing it.
      if (merged) await lease.held.release();
      else await lease.held.stopRenewing();
    }
  } finally {
    await storage.close();
  }
}
