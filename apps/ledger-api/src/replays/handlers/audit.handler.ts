import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ij/event-store';
import { verifyLedger, type AuditReport } from '@ij/replay';
import { EVENT_STORE } from '@ij/application';
import { VerifyLedgerQuery } from '../replays.messages';

@QueryHandler(VerifyLedgerQuery)
export class VerifyLedgerHandler implements IQueryHandler<VerifyLedgerQuery> {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  execute(): Promise<AuditReport> {
    return verifyLedger(this.events);
  }
}
