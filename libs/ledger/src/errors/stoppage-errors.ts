import { DomainError } from './domain-error';

export class StoppageNotFound extends DomainError {
  readonly code = 'stoppage-not-found';
  readonly title = 'Stoppage not found';
  constructor(readonly stoppageId: string) {
    super(`Stoppage ${stoppageId} is not known for this policyholder`);
  }
}

export class StoppageAlreadyExists extends DomainError {
  readonly code = 'stoppage-already-exists';
  readonly title = 'Stoppage already exists';
  constructor(readonly stoppageId: string) {
    super(`Stoppage ${stoppageId} has already been opened`);
  }
}

export class StoppageClosed extends DomainError {
  readonly code = 'stoppage-closed';
  readonly title = 'Stoppage is closed';
  constructor(readonly stoppageId: string) {
    super(`Stoppage ${stoppageId} has been regularized through its last day and can no longer change`);
  }
}

export class StoppageEndsBeforeStart extends DomainError {
  readonly code = 'stoppage-ends-before-start';
  readonly title = 'Stoppage ends before it starts';
  constructor(readonly stoppageId: string, readonly startDate: string, readonly endDate: string) {
    super(`Stoppage ${stoppageId} ends on ${endDate}, before its start on ${startDate}`);
  }
}

export class ExtensionNotLater extends DomainError {
  readonly code = 'extension-not-later';
  readonly title = 'Extension does not end later';
  constructor(readonly stoppageId: string, readonly currentEndDate: string, readonly newEndDate: string) {
    super(`Stoppage ${stoppageId} already ends on ${currentEndDate}; an extension must end after it, not on ${newEndDate}`);
  }
}

/** Named with `Error` because the event recording an early end is `StoppageEndedEarly`. */
export class StoppageEndedEarlyError extends DomainError {
  readonly code = 'stoppage-ended-early';
  readonly title = 'Stoppage was ended early';
  constructor(readonly stoppageId: string, readonly lastDay: string) {
    super(`Stoppage ${stoppageId} was ended early on ${lastDay}: a new prescription opens a new stoppage`);
  }
}

export class EarlyEndOutsideStoppage extends DomainError {
  readonly code = 'early-end-outside-stoppage';
  readonly title = 'Early end outside the stoppage';
  constructor(
    readonly stoppageId: string,
    readonly lastDay: string,
    readonly startDate: string,
    readonly currentEndDate: string,
  ) {
    super(`Stoppage ${stoppageId} runs ${startDate}..${currentEndDate}: an early end on ${lastDay} must be on or after the start and before the end`);
  }
}

/**
 * No stoppage chain can outlast the longest period the law pays for: 3 years counted date to date (a long-term
 * illness, L323-1 1° and R323-1 2°). An end after that is a typing error (issue 21: 9999-12-31 was accepted).
 */
export class StoppageBeyondLongestPeriod extends DomainError {
  readonly code = 'stoppage-beyond-longest-period';
  readonly title = 'Stoppage ends after the longest legal period';
  constructor(readonly stoppageId: string, readonly chainStartDate: string, readonly endDate: string, readonly latestEndDate: string) {
    super(`Stoppage ${stoppageId} would end on ${endDate}; a chain starting on ${chainStartDate} ends on ${latestEndDate} at the latest (3 years, date to date)`);
  }
}
