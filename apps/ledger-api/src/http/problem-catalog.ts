import type { DomainErrorCode } from '@ij/ledger';

/** Domain errors that are about something that does not exist rather than a forbidden state change. */
const NOT_FOUND_CODES: ReadonlySet<DomainErrorCode> = new Set(['stoppage-not-found', 'policyholder-not-found', 'payment-run-not-found', 'transfer-not-found']);

/** The status a domain refusal is answered with: 404 when something does not exist, else 409 (the one mapping). */
export function domainProblemStatus(code: DomainErrorCode): 404 | 409 {
  return NOT_FOUND_CODES.has(code) ? 404 : 409;
}

/** Every problem `type` the HTTP layer itself answers (guards, pipes, interceptors, body parsing, handlers), with its status. */
export const HTTP_PROBLEM_STATUS = {
  'validation-failed': 400,
  'malformed-json': 400,
  'nesting-too-deep': 400,
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'idempotency-key-reused': 422,
  'too-many-requests': 429,
  'internal-error': 500,
  'projection-lagging': 503,
  'too-much-contention': 503,
  'replay-not-found': 404,
  'replay-already-running': 429,
  'replay-not-done': 409,
  'replay-failed': 409,
  'payment-run-not-found': 404,
  'payment-run-in-future': 409,
  'payment-run-not-done': 409,
  'nothing-to-transfer': 409,
} as const;

export type HttpProblemCode = keyof typeof HTTP_PROBLEM_STATUS;

/**
 * A problem an operation may answer: a code whose status is known (a domain code, mapped as toProblem
 * maps it, or an HTTP code of the catalog), or `[status, code]` when a handler answers a code with a
 * status of its own (a query answers an unknown rules version with 404, a command with 409).
 */
export type DocumentedProblem = DomainErrorCode | HttpProblemCode | readonly [number, DomainErrorCode | HttpProblemCode];

export function problemStatusOf(problem: DocumentedProblem): { status: number; code: string } {
  if (typeof problem !== 'string') return { status: problem[0], code: problem[1] };
  if (problem in HTTP_PROBLEM_STATUS) return { status: HTTP_PROBLEM_STATUS[problem as HttpProblemCode], code: problem };
  return { status: domainProblemStatus(problem as DomainErrorCode), code: problem };
}
