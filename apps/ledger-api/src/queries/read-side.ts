import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ij/event-store';
import { StoppageNotFound } from '@ij/ledger';
import { readActiveRules, type PolicyholderDocument, type ReadModelStore } from '@ij/projections';
import { getRulesVersion, type RulesVersion } from '@ij/rules';
import { ProblemException } from '../http/problem';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/tokens';

export const READ_MODELS = Symbol('ReadModels');

/** What every query handler needs: the read models, the active or a named rules version, and today. */
@Injectable()
export class ReadSide {
  constructor(
    @Inject(READ_MODELS) readonly models: ReadModelStore,
    @Inject(EVENT_STORE) readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  through(requested: string | undefined): string {
    return requested ?? this.clock.today();
  }

  activeRules(): Promise<RulesVersion> {
    return readActiveRules(this.events);
  }

  /** A released version by name (404 unknown-rules-version), else the active one. */
  async rules(version: string | undefined): Promise<RulesVersion> {
    if (version === undefined) return this.activeRules();
    const rules = getRulesVersion(version);
    if (!rules) throw new ProblemException(404, 'unknown-rules-version', 'Unknown rules version', `No released rules version is named ${version}; GET /v1/rules lists them.`);
    return rules;
  }

  async policyholderOfStoppage(stoppageId: string): Promise<PolicyholderDocument> {
    const row = await this.models.stoppage(stoppageId);
    const document = row && (await this.models.policyholder(row.policyholderId));
    if (!document) throw new StoppageNotFound(stoppageId);
    return document;
  }

  async policyholder(policyholderId: string): Promise<PolicyholderDocument> {
    const document = await this.models.policyholder(policyholderId);
    if (!document) throw policyholderNotFound();
    return document;
  }
}

/** The detail never repeats what was searched (it may be derived from a NIR). */
export function policyholderNotFound(): ProblemException {
  return new ProblemException(404, 'policyholder-not-found', 'Policyholder not found', 'No policyholder with a stoppage is known under this identity.');
}
