/** Every refusal the domain can give. The API maps each to a problem type (404 for stoppage-not-found and policyholder-not-found, else 409). */
export const DOMAIN_ERROR_CODES = [
  'stoppage-not-found',
  'stoppage-already-exists',
  'stoppage-closed',
  'stoppage-ends-before-start',
  'stoppage-beyond-longest-period',
  'extension-not-later',
  'stoppage-ended-early',
  'early-end-outside-stoppage',
  'prolongation-of-unknown-stoppage',
  'prolongation-kind-mismatch',
  'prolongation-overlaps',
  'stoppages-overlap',
  'no-parameters-for-date',
  'missing-salary-certificate',
  'salary-certificate-months-mismatch',
  'advance-exceeds-maximum',
  'recovery-exceeds-overpayment',
  'regularization-in-future',
  'regularization-before-settled-date',
  'stoppage-id-taken',
  'unknown-rules-version',
  'policyholder-not-found',
  'subrogation-outside-stoppage',
  'subrogations-overlap',
  'employer-bank-account-unknown',
  'stoppage-annulled',
  'requalification-not-applicable',
  'stoppage-continued',
  'payment-run-in-future',
  'payment-run-not-found',
  'payment-run-not-done',
  'nothing-to-transfer',
  'transfer-not-found',
  'transfer-not-returned',
  'transfer-not-exported',
  'bank-account-not-awaiting-confirmation',
  'bank-account-confirmation-by-same-actor',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * A command the current state forbids. `code` is stable (clients match on it), `title` is the same for
 * every occurrence of the code, the message is the detail of this one, and the facts are readonly fields.
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  abstract readonly title: string;

  protected constructor(detail: string) {
    super(detail);
    this.name = new.target.name;
  }

  get detail(): string {
    return this.message;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
