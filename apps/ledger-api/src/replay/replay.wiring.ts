import type { Provider } from '@nestjs/common';
import { type LedgerConfig, type LedgerStorage, openReplayStorage, REPLAY_STORAGE, REPLAY_WORKERS, ReplayRunner, replayWorkersFrom } from '@ij/application';
import { AuditController } from './audit.controller';
import { VerifyLedgerHandler } from './handlers/audit.handler';
import { GetReplayDiffCsvHandler, GetReplayDiffHandler, GetReplayHandler, StartReplayHandler } from './handlers/replay.handlers';
import { ReplaysController } from './replays.controller';

/** Replay and audit rows of api.md's Queries table: their controllers, and the providers AppModule adds for them. */
export const REPLAY_CONTROLLERS = [ReplaysController, AuditController];

export function replayProviders(storage: LedgerStorage, config: LedgerConfig): Provider[] {
  return [
    { provide: REPLAY_STORAGE, useFactory: () => openReplayStorage(storage, config) },
    { provide: REPLAY_WORKERS, useValue: replayWorkersFrom() },
    ReplayRunner,
    StartReplayHandler,
    GetReplayHandler,
    GetReplayDiffHandler,
    GetReplayDiffCsvHandler,
    VerifyLedgerHandler,
  ];
}
