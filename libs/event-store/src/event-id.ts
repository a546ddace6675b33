import { v5 } from 'uuid';

/**
 * Namespace of command event ids. Fixed forever: changing it would give a retried command new ids,
 * and the store would append its events a second time.
 */
export const EVENT_ID_NAMESPACE = '3f1c2a5e-8b7d-4c69-9a0e-5d2f7b1e6c48';

/**
 * The id of the `index`-th event a command produces. The same command retried (same actor, same
 * idempotency key) yields the same ids, which the store recognises as already appended.
 * The parts are JSON-encoded so ("a:b", "c") and ("a", "b:c") cannot collide.
 */
export function deterministicEventId(actor: string, idempotencyKey: string, index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`event index must be a natural number, got ${index}`);
  return v5(JSON.stringify([actor, idempotencyKey, index]), EVENT_ID_NAMESPACE);
}
