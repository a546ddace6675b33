import type { CommandContext } from '@ij/application';
import type { StartReplayBody } from './dto/replay.params';

export class StartReplayCommand {
  constructor(readonly body: StartReplayBody, readonly context: CommandContext) {}
}

export class GetReplayQuery {
  constructor(readonly replayId: string) {}
}

export class GetReplayDiffQuery {
  constructor(readonly replayId: string, readonly page: { afterSeq?: number; limit: number; all: boolean }) {}
}

export class GetReplayDiffCsvQuery {
  constructor(readonly replayId: string, readonly all: boolean) {}
}

export class VerifyLedgerQuery {}
