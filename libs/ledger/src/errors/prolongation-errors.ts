import type { StoppageKind } from '@ij/rules';
import { DomainError } from './domain-error';

export class ProlongationOfUnknownStoppage extends DomainError {
  readonly code = 'prolongation-of-unknown-stoppage';
  readonly title = 'Prolongation of an unknown stoppage';
  constructor(readonly stoppageId: string, readonly prolongationOf: string) {
    super(`Stoppage ${stoppageId} prolongs ${prolongationOf}, which this policyholder does not have`);
  }
}

export class ProlongationKindMismatch extends DomainError {
  readonly code = 'prolongation-kind-mismatch';
  readonly title = 'Prolongation of a stoppage of another kind';
  constructor(
    readonly stoppageId: string,
    readonly kind: StoppageKind,
    readonly prolongationOf: string,
    readonly previousKind: StoppageKind,
  ) {
    super(`Stoppage ${stoppageId} (${kind}) cannot prolong ${prolongationOf} (${previousKind})`);
  }
}

export class ProlongationOverlaps extends DomainError {
  readonly code = 'prolongation-overlaps';
  readonly title = 'Prolongation overlaps the stoppage it prolongs';
  constructor(
    readonly stoppageId: string,
    readonly startDate: string,
    readonly prolongationOf: string,
    readonly previousEndDate: string,
  ) {
    super(`Stoppage ${stoppageId} starts on ${startDate}, not after ${prolongationOf} ends on ${previousEndDate}`);
  }
}

/** Two prescriptions covering the same day would pay that day twice. */
export class StoppagesOverlap extends DomainError {
  readonly code = 'stoppages-overlap';
  readonly title = 'Stoppages overlap';
  constructor(
    readonly stoppageId: string,
    readonly startDate: string,
    readonly endDate: string,
    readonly overlappedStoppageId: string,
  ) {
    super(`Stoppage ${stoppageId} (${startDate} … ${endDate}) covers days of stoppage ${overlappedStoppageId}; a day is paid once`);
  }
}
