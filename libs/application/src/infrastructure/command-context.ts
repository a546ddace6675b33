import type { Actor } from '../auth/api-keys';

/**
 * Who issues a command and how to recognise its repetitions: the idempotency key (scoped per actor), a hash
 * of the request, and the ids that tie its events together (correlation = the business flow, causation =
 * this request).
 */
export interface CommandContext {
  actor: Actor;
  idempotencyKey: string;
  requestHash: string;
  correlationId: string;
  causationId: string;
  /**
   * The global position of the last event this command recorded (or found, on a repeat): answered in the
   * `Ledger-Position` header so that a client can read its own writes from any API process.
   */
  recordedPosition?: bigint;
}

/** Remembers the highest position a command reached (a command may append to two streams). */
export function noteRecordedPosition(context: CommandContext, position: bigint | undefined): void {
  if (position === undefined) return;
  if (context.recordedPosition === undefined || position > context.recordedPosition) context.recordedPosition = position;
}
