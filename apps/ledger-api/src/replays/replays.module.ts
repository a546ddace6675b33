import { Module } from '@nestjs/common';
import { ReplayRunner } from '@ij/application';
import { AuditController } from './audit.controller';
import { VerifyLedgerHandler } from './handlers/audit.handler';
import { GetReplayDiffCsvHandler, GetReplayDiffHandler, GetReplayHandler, StartReplayHandler } from './handlers/replay.handlers';
import { ReplaysController } from './replays.controller';

/** Replays of a rules version over every history, their diffs, and the auditor's verification. */
@Module({
  controllers: [ReplaysController, AuditController],
  providers: [ReplayRunner, StartReplayHandler, GetReplayHandler, GetReplayDiffHandler, GetReplayDiffCsvHandler, VerifyLedgerHandler],
  exports: [ReplayRunner],
})
export class ReplaysModule {}
