import { Inject } from '@nestjs/common';
import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { diffCsvHeader, diffCsvLines, type ReplayRecord } from '@ij/replay';
import { derivedId, readReplay, REPLAY_STORAGE, ReplayRunner, type ReplayStorage } from '@ij/application';
import { ProblemException } from '../../http/problem';
import { GetReplayDiffCsvQuery, GetReplayDiffQuery, GetReplayQuery, StartReplayCommand } from '../replays.messages';
import type { ReplayDiff, ReplayStarted } from '../dto/replay.answers';

const CSV_PAGE = 5_000;

/** The replay id derives from the Idempotency-Key: a retried POST (even after a restart) names the same replay. */
@CommandHandler(StartReplayCommand)
export class StartReplayHandler implements ICommandHandler<StartReplayCommand> {
  constructor(private readonly runner: ReplayRunner) {}

  async execute({ body, context }: StartReplayCommand): Promise<ReplayStarted> {
    const replayId = derivedId(context, 'replay');
    await this.runner.start({ replayId, rulesVersion: body.rulesVersion, through: body.through, requestedBy: context.actor.actorId });
    return { replayId };
  }
}

@QueryHandler(GetReplayQuery)
export class GetReplayHandler implements IQueryHandler<GetReplayQuery> {
  constructor(@Inject(REPLAY_STORAGE) private readonly storage: ReplayStorage) {}

  async execute({ replayId }: GetReplayQuery): Promise<ReplayRecord> {
    return requireReplay(this.storage, replayId);
  }
}

@QueryHandler(GetReplayDiffQuery)
export class GetReplayDiffHandler implements IQueryHandler<GetReplayDiffQuery> {
  constructor(@Inject(REPLAY_STORAGE) private readonly storage: ReplayStorage) {}

  async execute({ replayId, page }: GetReplayDiffQuery): Promise<ReplayDiff> {
    const replay = requireFinished(await requireReplay(this.storage, replayId));
    const stored = await this.storage.store.rows(replayId, page);
    const rows = stored.map(({ seq: _seq, ...row }) => row);
    const next = stored.length === page.limit ? String(stored[stored.length - 1].seq) : null;
    return { replayId, rulesVersion: replay.rulesVersion, currentRulesVersion: replay.currentRulesVersion, through: replay.through, rows, next };
  }
}

@QueryHandler(GetReplayDiffCsvQuery)
export class GetReplayDiffCsvHandler implements IQueryHandler<GetReplayDiffCsvQuery> {
  constructor(@Inject(REPLAY_STORAGE) private readonly storage: ReplayStorage) {}

  async execute({ replayId, all }: GetReplayDiffCsvQuery): Promise<{ replay: ReplayRecord; csv: string }> {
    const replay = requireFinished(await requireReplay(this.storage, replayId));
    let csv = diffCsvHeader();
    for (let afterSeq = 0; ; ) {
      const page = await this.storage.store.rows(replayId, { afterSeq, limit: CSV_PAGE, all });
      csv += diffCsvLines(page);
      if (page.length < CSV_PAGE) break;
      afterSeq = page[page.length - 1].seq;
    }
    return { replay, csv };
  }
}

/** A replay its process abandoned (it died) reads `failed`: readReplay looks at the store's replay lease. */
async function requireReplay(storage: ReplayStorage, replayId: string): Promise<ReplayRecord> {
  const replay = await readReplay(storage, replayId);
  if (!replay) throw new ProblemException(404, 'replay-not-found', 'Replay not found', `No replay is known under ${replayId}.`);
  return replay;
}

/** The diff exists once the replay is done; until then GET /v1/replays/{id} shows its progress. */
function requireFinished(replay: ReplayRecord): ReplayRecord {
  if (replay.status === 'done') return replay;
  const detail =
    replay.status === 'running'
      ? `Replay ${replay.replayId} is still running (${replay.processed}/${replay.total}); its diff is available once its status is done.`
      : `Replay ${replay.replayId} failed: ${replay.reason ?? 'no reason recorded'}. Start it again.`;
  throw new ProblemException(409, replay.status === 'running' ? 'replay-not-done' : 'replay-failed', replay.status === 'running' ? 'Replay not done' : 'Replay failed', detail, { replayStatus: replay.status });
}
