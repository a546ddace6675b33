import type { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the caller decided on: re-read, re-decide, retry. */
export class WrongExpectedRevision extends Error {
  readonly code = 'wrong-expected-revision';

  constructor(
    readonly streamId: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: number | 'no_stream',
  ) {
    super(`Stream ${streamId} is at revision ${actualRevision}, expected ${expectedRevision}`);
    this.name = 'WrongExpectedRevision';
  }
}

/**
 * Some, but not all, of an append's event ids are already stored (or they are stored in another
 * stream): the same idempotency key was reused for a different command. Never a retry, so a bug to report.
 */
export class IdempotencyConflict extends Error {
  readonly code = 'idempotency-conflict';

  constructor(
    readonly streamId: string,
    readonly storedEventIds: string[],
    readonly reason: string,
  ) {
    super(`Append to ${streamId} reuses stored event ids (${storedEventIds.join(', ')}): ${reason}`);
    this.name = 'IdempotencyConflict';
  }
}

/** An append the store refuses before looking at the log (empty, or an id repeated inside it). */
export class InvalidAppend extends Error {
  readonly code = 'invalid-append';

  constructor(readonly streamId: string, reason: string) {
    super(`Invalid append to ${streamId}: ${reason}`);
    this.name = 'InvalidAppend';
  }
}
