import { duplicateAppend, planAppend } from './append-plan';
import { IdempotencyConflict, WrongExpectedRevision } from './errors';
import type { EventToAppend } from './event-store.port';
import { GENESIS_HASH } from './hash-chain';

/** The one decision every adapter takes on an append: ids first, then the expected revision, then the rows. */
const metadata = { actor: 'clerk-1', correlationId: 'c-1', causationId: 'k-1', recordedAt: '2025-06-02T09:00:00.000Z', schemaVersion: 1 };
const events: EventToAppend[] = [
  { id: 'id-a', type: 'AdvanceIssued', data: { amountCents: 30_000 }, metadata },
  { id: 'id-b', type: 'AdvanceIssued', data: { amountCents: 10_000 }, metadata },
];
const head = { revision: 4, lastHash: 'hash-of-revision-4' };
const storedHere = [
  { id: 'id-a', streamId: 'policyholder-1', revision: 5, position: 41n },
  { id: 'id-b', streamId: 'policyholder-1', revision: 6, position: 42n },
];

describe('planning an append', () => {
  it('writes the rows after the head, chained from its hash', () => {
    const plan = planAppend('policyholder-1', events, 4, [], head);
    if (plan.kind !== 'write') throw new Error('expected rows to write');
    expect(plan.rows.map((row) => [row.id, row.revision])).toEqual([
      ['id-a', 5],
      ['id-b', 6],
    ]);
    expect(JSON.parse(plan.rows[1].metadata).hash).toBe(plan.lastHash);
    expect(plan.rows[0].hash).not.toBe(plan.rows[1].hash);
  });

  it('starts a new stream at revision 0 from the genesis hash', () => {
    const plan = planAppend('policyholder-1', events, 'no_stream', [], undefined);
    if (plan.kind !== 'write') throw new Error('expected rows to write');
    expect(plan.rows[0].revision).toBe(0);
    expect(plan.rows[0].hash).not.toBe(GENESIS_HASH);
  });

  it('refuses a stale expected revision', () => {
    expect(() => planAppend('policyholder-1', events, 3, [], head)).toThrow(WrongExpectedRevision);
    expect(() => planAppend('policyholder-1', events, 'no_stream', [], head)).toThrow(WrongExpectedRevision);
  });

  it('checks the ids before the revision: a retry whose first attempt moved the stream on answers the first result', () => {
    expect(planAppend('policyholder-1', events, 3, storedHere, { revision: 6, lastHash: 'x' })).toEqual({
      kind: 'duplicate',
      result: { nextRevision: 6, position: 42n, duplicate: true },
    });
  });
});

describe('reporting a duplicate (every adapter)', () => {
  it('answers the first append again when all its ids are stored in this stream', () => {
    expect(duplicateAppend('policyholder-1', events, storedHere)).toEqual({ nextRevision: 6, position: 42n, duplicate: true });
  });

  it('refuses ids stored in another stream, or only some of them, as a reused idempotency key', () => {
    expect(() => duplicateAppend('policyholder-2', events, storedHere)).toThrow(IdempotencyConflict);
    expect(() => duplicateAppend('policyholder-1', events, storedHere.slice(0, 1))).toThrow(IdempotencyConflict);
  });
});
