import type { StoppageKind } from '@ij/rules';
import { DomainError } from './domain-error';

/** Named with `Error` because the rules engine's entitlement status of the same name is a type. */
export class NoParametersForDateError extends DomainError {
  readonly code = 'no-parameters-for-date';
  readonly title = 'No parameters for this date';
  constructor(
    readonly stoppageId: string,
    readonly kind: StoppageKind,
    readonly date: string,
    readonly rulesVersion: string,
    readonly parameter?: string,
  ) {
    super(`Rules version ${rulesVersion} has no ${parameter ?? 'parameter row'} for a ${kind} stoppage starting on ${date}`);
  }
}

/** Named with `Error` because the rules engine's entitlement status of the same name is a type. */
export class MissingSalaryCertificateError extends DomainError {
  readonly code = 'missing-salary-certificate';
  readonly title = 'Salary certificate missing';
  constructor(readonly stoppageId: string, readonly missingMonths: string[]) {
    super(`Stoppage ${stoppageId} cannot be computed without the salaries of ${missingMonths.join(', ')}`);
  }
}

export class SalaryCertificateMonthsMismatch extends DomainError {
  readonly code = 'salary-certificate-months-mismatch';
  readonly title = 'Salary certificate covers the wrong months';
  constructor(readonly stoppageId: string, readonly expectedMonths: string[], readonly givenMonths: string[]) {
    super(`Stoppage ${stoppageId} needs the salaries of exactly ${expectedMonths.join(', ')} (once each), not ${givenMonths.join(', ')}`);
  }
}

export class AdvanceExceedsMaximum extends DomainError {
  readonly code = 'advance-exceeds-maximum';
  readonly title = 'Advance exceeds the maximum';
  constructor(
    readonly stoppageId: string,
    readonly amountCents: number,
    readonly paidCents: number,
    readonly maximumCents: number,
    readonly maximumDailyAllowanceCents: number,
    /** Prescribed days elapsed through `countedThrough` (the command's date, or the last day if earlier). */
    readonly prescribedDays: number,
    readonly countedThrough: string,
  ) {
    super(
      `Stoppage ${stoppageId}: ${paidCents} cents paid plus ${amountCents} would exceed ${maximumCents} cents ` +
        `(${prescribedDays} prescribed days through ${countedThrough} at the published maximum of ${maximumDailyAllowanceCents} cents)`,
    );
  }
}

export class RecoveryExceedsOverpayment extends DomainError {
  readonly code = 'recovery-exceeds-overpayment';
  readonly title = 'Recovery exceeds the outstanding overpayment';
  constructor(readonly stoppageId: string, readonly amountCents: number, readonly overpaymentOutstandingCents: number) {
    super(`Stoppage ${stoppageId}: recovering ${amountCents} cents exceeds the ${overpaymentOutstandingCents} cents outstanding`);
  }
}

export class RegularizationInFuture extends DomainError {
  readonly code = 'regularization-in-future';
  readonly title = 'Regularization through a future date';
  constructor(readonly stoppageId: string, readonly through: string, readonly today: string) {
    super(`Stoppage ${stoppageId} cannot be regularized through ${through}, after today ${today}`);
  }
}

/**
 * A settlement never goes backwards: settling through an earlier day than one already settled would count
 * the days between as unpaid and book them as a fictitious overpayment (issue 21). Both dates are read within
 * the stoppage's current last day, so a regularization after a late early end is still accepted.
 */
export class RegularizationBeforeSettledDate extends DomainError {
  readonly code = 'regularization-before-settled-date';
  readonly title = 'Regularization through a date before the settled one';
  constructor(readonly stoppageId: string, readonly through: string, readonly settledThrough: string) {
    super(`Stoppage ${stoppageId} is settled through ${settledThrough}: it cannot be regularized through the earlier ${through}`);
  }
}
