import { DomainError } from './domain-error';

export class StoppageIdTaken extends DomainError {
  readonly code = 'stoppage-id-taken';
  readonly title = 'Stoppage id already taken';
  /** The owner of the id is not part of the facts: it belongs to another policyholder. */
  constructor(readonly stoppageId: string) {
    super(`Stoppage id ${stoppageId} is already used by another policyholder`);
  }
}

export class UnknownRulesVersion extends DomainError {
  readonly code = 'unknown-rules-version';
  readonly title = 'Unknown rules version';
  constructor(readonly version: string, readonly knownVersions: string[]) {
    super(`Rules version ${version} is not released; known versions: ${knownVersions.join(', ')}`);
  }
}
