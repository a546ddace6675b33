import { DomainError } from './domain-error';

/** The identity is not repeated: a policyholder id may be derived from a NIR. */
export class PolicyholderNotFound extends DomainError {
  readonly code = 'policyholder-not-found';
  readonly title = 'Policyholder not found';
  constructor() {
    super('No policyholder with a stoppage is known under this identity.');
  }
}

export class SubrogationOutsideStoppage extends DomainError {
  readonly code = 'subrogation-outside-stoppage';
  readonly title = 'Subrogation outside the stoppage';
  constructor(
    readonly stoppageId: string,
    readonly fromDate: string,
    readonly toDate: string,
    readonly startDate: string,
    readonly endDate: string,
  ) {
    super(`Stoppage ${stoppageId} runs ${startDate}..${endDate}: a subrogation for ${fromDate}..${toDate} must lie within it`);
  }
}

/** A day's allowance has one payee. */
export class SubrogationsOverlap extends DomainError {
  readonly code = 'subrogations-overlap';
  readonly title = 'Subrogations overlap';
  constructor(readonly stoppageId: string, readonly fromDate: string, readonly toDate: string, readonly overlappedSubrogationId: string) {
    super(`Stoppage ${stoppageId}: days of ${fromDate}..${toDate} are already subrogated (subrogation ${overlappedSubrogationId})`);
  }
}

export class EmployerBankAccountUnknown extends DomainError {
  readonly code = 'employer-bank-account-unknown';
  readonly title = "Employer's bank account unknown";
  constructor(readonly stoppageId: string, readonly employerId: string) {
    super(`Employer ${employerId} has no bank account on record for this policyholder: give employerIban and employerName with the subrogation`);
  }
}
