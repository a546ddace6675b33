import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LocalDate } from '@js-joda/core';
import type { EventStore } from '@ij/event-store';
import { missingCertificatesReport, policyholderStatus, readActiveRules, timelinessReport, type PaymentSchedule, type StatusContext } from '@ij/projections';
import type { LedgerConfig } from '../../config/ledger-config';
import { LEDGER_CONFIG } from '../../infrastructure/tokens';
import { paymentRunIdOf, paymentRunStream } from '../../payments/payment-run-runner';
import { GetMissingCertificatesQuery, GetPolicyholderStatusQuery, GetTimelinessQuery } from '../ledger.queries';
import { ReadSide } from '../read-side';

/** The window the timeliness report covers when `from` is not given: 90 days ending at `to`. */
export const DEFAULT_TIMELINESS_DAYS = 90;

/** Today, the active rules, the planned runs, and whether a run through today is already recorded. */
export async function statusContext(events: EventStore, today: string, schedule: PaymentSchedule): Promise<StatusContext> {
  const run = await events.readStream(paymentRunStream(paymentRunIdOf(today)));
  return { rules: await readActiveRules(events), today, schedule, ranThroughToday: run.length > 0 };
}

export function timelinessWindow(today: string, from?: string, to?: string): { from: string; to: string } {
  const end = to ?? today;
  return { from: from ?? LocalDate.parse(end).minusDays(DEFAULT_TIMELINESS_DAYS - 1).toString(), to: end };
}

@QueryHandler(GetPolicyholderStatusQuery)
export class GetPolicyholderStatusHandler implements IQueryHandler<GetPolicyholderStatusQuery> {
  constructor(private readonly readSide: ReadSide, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute({ policyholderId }: GetPolicyholderStatusQuery) {
    const document = await this.readSide.policyholder(policyholderId);
    return policyholderStatus(document, await statusContext(this.readSide.events, this.readSide.through(undefined), this.config.paymentSchedule));
  }
}

@QueryHandler(GetTimelinessQuery)
export class GetTimelinessHandler implements IQueryHandler<GetTimelinessQuery> {
  constructor(private readonly readSide: ReadSide, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute(query: GetTimelinessQuery) {
    const context = await statusContext(this.readSide.events, this.readSide.through(undefined), this.config.paymentSchedule);
    const { from, to } = timelinessWindow(context.today, query.from, query.to);
    return timelinessReport(this.readSide.models, context, from, to);
  }
}

@QueryHandler(GetMissingCertificatesQuery)
export class GetMissingCertificatesHandler implements IQueryHandler<GetMissingCertificatesQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ olderThanDays }: GetMissingCertificatesQuery) {
    return missingCertificatesReport(this.readSide.models, await this.readSide.activeRules(), this.readSide.through(undefined), olderThanDays);
  }
}
