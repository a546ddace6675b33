import type { StoppageKind } from '@ij/rules';
import { DomainError } from './domain-error';

export class StoppageAnnulledError extends DomainError {
  readonly code = 'stoppage-annulled';
  readonly title = 'Stoppage was annulled';
  constructor(readonly stoppageId: string, readonly annulledOn: string) {
    super(`Stoppage ${stoppageId} was annulled on ${annulledOn}: only a regularization or a recovery can still be recorded on it`);
  }
}

/** Only sickness and the occupational kinds (accident, disease) can be requalified into one another. */
export class RequalificationNotApplicable extends DomainError {
  readonly code = 'requalification-not-applicable';
  readonly title = 'Requalification not applicable';
  constructor(readonly stoppageId: string, readonly currentKind: StoppageKind, readonly kind: StoppageKind) {
    super(`Stoppage ${stoppageId} is ${currentKind}: it cannot be requalified as ${kind} (sickness, occupational accident and occupational disease only, to another kind)`);
  }
}

/** A stoppage continued by another cannot be annulled alone: the continuation would lose its chain. */
export class StoppageContinued extends DomainError {
  readonly code = 'stoppage-continued';
  readonly title = 'Stoppage is continued by another';
  constructor(readonly stoppageId: string, readonly continuationId: string) {
    super(`Stoppage ${stoppageId} is prolonged by stoppage ${continuationId}: annul the continuation first`);
  }
}
