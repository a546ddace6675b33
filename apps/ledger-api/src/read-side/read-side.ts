import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ij/event-store';
import { PolicyholderNotFound, requireRulesVersion, StoppageNotFound, UnknownRulesVersion } from '@ij/ledger';
import { readActiveRules, type PolicyholderDocument, type ReadModelStore } from '@ij/projections';
import type { RulesVersion } from '@ij/rules';
import { asNotFound } from '../http/to-problem';
import { CLOCK, type Clock, EVENT_STORE, READ_MODELS } from '@ij/application';
import { UnchangedStoreAnswers } from './unchanged-store-answers';

/** What every query handler needs: the read models, the active or a named rules version, and today. */
@Injectable()
export class ReadSide {
  /** Answers reused while the store is unchanged (embedded SQLite): a burst of reads between commands. */
  readonly answers: UnchangedStoreAnswers;

  constructor(
    @Inject(READ_MODELS) readonly models: ReadModelStore,
    @Inject(EVENT_STORE) readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Bound once: the store's token is read on every balance request.
    this.answers = new UnchangedStoreAnswers(events.changeToken?.bind(events));
  }

  through(requested: string | undefined): string {
    return requested ?? this.clock.today();
  }

  activeRules(): Promise<RulesVersion> {
    return readActiveRules(this.events);
  }

  /** A released version by name (404 unknown-rules-version), else the active one. */
  async rules(version: string | undefined): Promise<RulesVersion> {
    if (version === undefined) return this.activeRules();
    try {
      return requireRulesVersion(version);
    } catch (error) {
      throw error instanceof UnknownRulesVersion ? asNotFound(error) : error;
    }
  }

  async policyholderOfStoppage(stoppageId: string): Promise<PolicyholderDocument> {
    const row = await this.models.stoppage(stoppageId);
    const document = row && (await this.models.policyholder(row.policyholderId));
    if (!document) throw new StoppageNotFound(stoppageId);
    return document;
  }

  async policyholder(policyholderId: string): Promise<PolicyholderDocument> {
    const document = await this.models.policyholder(policyholderId);
    if (!document) throw new PolicyholderNotFound();
    return document;
  }
}
