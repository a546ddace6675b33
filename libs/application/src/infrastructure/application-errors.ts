/**
 * Refusals of the application layer (running a command, starting a replay), as opposed to the domain's
 * refusals (`DomainError` in @ij/ledger). Neither knows HTTP: the API's problem filter maps each code to a
 * status (http/problem-catalog.ts) and the CLI prints the message.
 */
export abstract class ApplicationError extends Error {
  abstract readonly code: ApplicationErrorCode;
  abstract readonly title: string;
}

export type ApplicationErrorCode = 'idempotency-key-reused' | 'too-much-contention' | 'replay-already-running';

/** This idempotency key already answered a different request (found by the HTTP interceptor or the command runner). */
export class IdempotencyKeyReused extends ApplicationError {
  readonly code = 'idempotency-key-reused';
  readonly title = 'Idempotency key reused';
  constructor() {
    super('This Idempotency-Key was already used for a different request. Use a new key for a new command.');
  }
}

/** The stream kept changing under the command: it was tried `attempts` times and may be sent again with the same key. */
export class TooMuchContention extends ApplicationError {
  readonly code = 'too-much-contention';
  readonly title = 'Too much contention';
  constructor(attempts: number) {
    super(`The stream was modified concurrently ${attempts} times in a row; retry the command with the same Idempotency-Key.`);
  }
}

/** One replay runs at a time on a store: this one is refused and may be sent again once the running one ended. */
export class ReplayAlreadyRunning extends ApplicationError {
  readonly code = 'replay-already-running';
  readonly title = 'A replay is already running';
  constructor(readonly runningReplayId: string) {
    super(`Replay ${runningReplayId} is running; one replay runs at a time. Send this request again once it has ended.`);
  }
}
