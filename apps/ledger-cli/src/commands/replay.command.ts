import { writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { formatCents } from '@ij/money';
import { Projector, readActiveRules } from '@ij/projections';
import { defaultWorkerCount, diffCsv, replayIdOf, runReplay, type ReplayResult } from '@ij/replay';
import { getRulesVersion } from '@ij/rules';
import { applyReplay, type ApplyReport, isCalendarDate, LedgerCommandRunner, openReplayStorage, openStorage, PolicyholderLedger, readLedgerConfig, systemClock, takeReplayLease } from '@ij/application';
import { partitionedReplay } from './partitioned-replay';

/** A usage error the operator must fix (unknown version, bad date, apply refused): exit code 2. */
const USAGE_ERROR = 2;
/** Who the regularizations of `--apply` are recorded as. */
const CLI_ACTOR = { actorId: 'ledger-cli', roles: ['supervisor' as const] };

interface ReplayOptions {
  rules: string;
  through: string;
  out?: string;
  apply?: boolean;
  all?: boolean;
  workers?: string;
  partitions?: string;
  job?: string;
  staleAfter: string;
  pageSize?: string;
}

export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description('replay a rules version over every history and list who is over- or under-paid')
    .requiredOption('--rules <version>', 'rules version to replay')
    .requiredOption('--through <date>', 'compute entitlements through this date (YYYY-MM-DD)')
    .option('--out <file>', 'write the diff to this file (CSV)')
    .option('--apply', 'settle every affected stoppage with a regularization (the replayed version must be the active one)')
    .option('--all', 'in --out, also the rows the rules change does not move but a Regularize would settle')
    .option('--workers <n>', `worker threads (default ${defaultWorkerCount()})`)
    .option('--partitions <n>', 'share the replay among every process started with the same options (PostgreSQL): N partitions by policyholder hash')
    .option('--job <id>', 'with --partitions: join (or create) this job instead of the one the options and checkpoint name')
    .option('--stale-after <seconds>', 'with --partitions: take over a partition whose owner has not beaten for this long', '30')
    .option('--page-size <n>', 'policyholders read per page')
    .action((options: ReplayOptions) => replay(options));
}

async function replay(options: ReplayOptions): Promise<void> {
  const refuse = (message: string) => {
    console.error(message);
    process.exitCode = USAGE_ERROR;
  };
  if (!getRulesVersion(options.rules)) return refuse(`replay: unknown rules version ${options.rules} (GET /v1/rules lists the released ones)`);
  if (!isCalendarDate(options.through)) return refuse(`replay: --through must be a calendar date YYYY-MM-DD, not "${options.through}"`);
  if (options.partitions !== undefined) {
    const partitions = Number(options.partitions);
    const staleAfterSeconds = Number(options.staleAfter);
    const pageSize = options.pageSize === undefined ? undefined : Number(options.pageSize);
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > 4096) return refuse('replay: --partitions must be an integer from 1 to 4096');
    if (!(staleAfterSeconds > 0)) return refuse('replay: --stale-after must be a positive number of seconds');
    if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize > 0)) return refuse('replay: --page-size must be a positive integer');
    if (options.apply || options.out) return refuse('replay --partitions: --apply and --out run on the merged result; read it with GET /v1/replays/{id}/diff');
    return partitionedReplay(readLedgerConfig(), { rules: options.rules, through: options.through, partitions, job: options.job, staleAfterSeconds, pageSize }, CLI_ACTOR.actorId);
  }
  const workers = options.workers === undefined ? defaultWorkerCount() : Number(options.workers);
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) return refuse('replay: --workers must be an integer from 0 to 64');

  const config = readLedgerConfig();
  const storage = await openStorage(config);
  const projector = new Projector(storage.events, storage.readModels);
  try {
    const currentVersion = (await readActiveRules(storage.events)).version;
    const today = systemClock.today();
    if (options.apply && options.rules !== currentVersion) {
      return refuse(`replay --apply: ${options.rules} is not the active rules version (${currentVersion}); Regularize always uses the active one. Activate it first: POST /v1/rules/active`);
    }
    if (options.apply && options.through > today) return refuse(`replay --apply: --through ${options.through} is after today (${today}); a regularization cannot settle the future`);

    // The replay reads the read models: bring them up to the log's head first.
    await projector.catchUp();
    const replayStorage = await openReplayStorage(storage, config);
    const request = { currentVersion, replayedVersion: options.rules, through: options.through };
    const checkpoint = await replayStorage.source.checkpoint();
    const replayId = replayIdOf(request, checkpoint);
    // One replay at a time per store, the API's included: hold the store's replay lease while it runs.
    const lease = await takeReplayLease(replayStorage, replayId, () => systemClock.now());
    if (!lease.held) {
      console.error(`replay: replay ${lease.runningReplayId} is running on this store; one replay runs at a time. Run this again once it has ended.`);
      process.exitCode = 1;
      return;
    }
    let result: ReplayResult;
    try {
      await replayStorage.store.start({ replayId, rulesVersion: options.rules, currentRulesVersion: currentVersion, through: options.through, checkpoint: checkpoint.toString(), requestedBy: CLI_ACTOR.actorId, requestedAt: systemClock.now() });
      const bar = progressBar('replay');
      bar.start(await replayStorage.source.count(), 0);
      try {
        result = await runReplay(request, { ...replayStorage, workers, onProgress: ({ processed }) => bar.update(processed) });
      } catch (error) {
        await replayStorage.store.fail(replayId, error instanceof Error ? error.message : String(error), systemClock.now());
        throw error;
      } finally {
        bar.stop();
      }
      await replayStorage.store.finish(replayId, { ...result, finishedAt: systemClock.now() }, result.rows);
    } finally {
      await lease.held.release();
    }

    printSummary(replayId, request, result);
    if (options.out) {
      writeFileSync(options.out, diffCsv(options.all ? result.rows : result.rows.filter((row) => row.deltaCents !== 0)));
      console.log(`diff written to ${options.out}`);
    }
    if (options.apply) {
      const ledger = new PolicyholderLedger(new LedgerCommandRunner(storage.events, systemClock, projector), storage.events, systemClock);
      const applyBar = progressBar('apply');
      applyBar.start(result.settlements, 0);
      let report: ApplyReport;
      try {
        report = await applyReplay(ledger, { replayId, through: options.through }, result.rows, CLI_ACTOR, (done) => applyBar.update(done));
      } finally {
        applyBar.stop();
      }
      printApplyReport(report);
      if (report.refused.length > 0) process.exitCode = 1;
    }
  } finally {
    await projector.stop();
    await storage.close();
  }
}

function progressBar(label: string): SingleBar {
  return new SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, hideCursor: true, noTTYOutput: false, etaBuffer: 50 });
}

function printSummary(replayId: string, request: { currentVersion: string; replayedVersion: string; through: string }, result: ReplayResult): void {
  console.log(`replay ${replayId}: rules ${request.replayedVersion} against the active ${request.currentVersion}, through ${request.through}`);
  console.table({
    processed: result.processed,
    affected: result.affected,
    underpaid: formatCents(result.underpaidCents),
    overpaid: formatCents(result.overpaidCents),
    'to settle (--apply)': result.settlements,
    workers: result.workers,
  });
}

function printApplyReport(report: ApplyReport): void {
  console.log(`applied: ${report.regularized} regularizations (${report.byOutcome.PAID} paid ${formatCents(report.paidCents)}, ` +
    `${report.byOutcome.OVERPAYMENT_ASSESSED} overpayments assessed ${formatCents(report.assessedCents)}, ${report.byOutcome.NOTHING_DUE} nothing due)`);
  for (const refusal of report.refused) console.error(`refused ${refusal.stoppageId}: ${refusal.code}: ${refusal.detail}`);
}
