import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventToAppend } from '@ij/event-store';
import { UnchangedStoreAnswers } from './unchanged-store-answers';

const anEvent = (serial: number): EventToAppend => ({
  id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
  type: 'AdvanceIssued',
  data: { stoppageId: 's-1', amountCents: 100 * serial },
  metadata: { actor: 'clerk-1', correlationId: 'c', causationId: 'c', recordedAt: '2025-06-10T08:00:00.000Z', schemaVersion: 1 },
});

describe('UnchangedStoreAnswers', () => {
  let directory: string;
  let store: SqliteEventStore;
  let answers: UnchangedStoreAnswers;
  let serial = 0;
  /** The answer: the sum of the stream's amounts, read from the file, and how many times it was computed. */
  let computed = 0;
  const paidOf = (streamId: string) => async () => {
    computed++;
    const events = await store.readStream(streamId);
    return { streamId, paidCents: events.reduce((sum, event) => sum + (event.data as { amountCents: number }).amountCents, 0) };
  };
  const append = (target: SqliteEventStore, streamId: string) => target.append(streamId, [anEvent(++serial)], { expectedRevision: 'any' });

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ij-unchanged-answers-'));
    store = await SqliteEventStore.open({ connection: join(directory, 'ledger.sqlite') });
    answers = new UnchangedStoreAnswers(() => store.changeToken(), 3);
    computed = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('reuses an answer while the file is unchanged, and computes it again after this process appends', async () => {
    await append(store, 'policyholder-1');
    const first = await answers.answer('paid policyholder-1', paidOf('policyholder-1'));
    expect(await answers.answer('paid policyholder-1', paidOf('policyholder-1'))).toBe(first);
    expect(computed).toBe(1);
    await append(store, 'policyholder-1');
    expect(await answers.answer('paid policyholder-1', paidOf('policyholder-1'))).toEqual({ streamId: 'policyholder-1', paidCents: first.paidCents + 100 * serial });
    expect(computed).toBe(2);
  });

  it('computes it again after another process commits to the same file', async () => {
    await append(store, 'policyholder-1');
    const first = await answers.answer('paid policyholder-1', paidOf('policyholder-1'));
    const other = await SqliteEventStore.open({ connection: join(directory, 'ledger.sqlite') });
    try {
      await append(other, 'policyholder-1');
    } finally {
      await other.close();
    }
    expect((await answers.answer('paid policyholder-1', paidOf('policyholder-1'))).paidCents).toBe(first.paidCents + 100 * serial);
  });

  it('does not keep an answer during whose computation the file changed', async () => {
    await append(store, 'policyholder-1');
    await answers.answer('paid policyholder-1', async () => {
      const answer = await paidOf('policyholder-1')();
      await append(store, 'policyholder-1');
      return answer;
    });
    const fresh = await answers.answer('paid policyholder-1', paidOf('policyholder-1'));
    expect(fresh.paidCents).toBe((await paidOf('policyholder-1')()).paidCents);
  });

  it('keeps no answer that failed, at most its capacity of answers, and frozen ones', async () => {
    await expect(answers.answer('missing', () => Promise.reject(new Error('not found')))).rejects.toThrow('not found');
    await expect(answers.answer('missing', async () => 'found')).resolves.toBe('found');
    for (const streamId of ['a', 'b', 'c']) await answers.answer(streamId, paidOf(streamId)); // 'missing' dropped
    await answers.answer('a', paidOf('a')); // read again: 'b' is now the least recently read
    await answers.answer('d', paidOf('d')); // 'b' dropped
    expect(computed).toBe(4);
    const kept = await answers.answer('a', paidOf('a'));
    expect(computed).toBe(4);
    await answers.answer('b', paidOf('b'));
    expect(computed).toBe(5);
    expect(Object.isFrozen(kept)).toBe(true);
  });

  it('computes every time for a store without a token', async () => {
    const untokened = new UnchangedStoreAnswers(undefined);
    await untokened.answer('x', paidOf('policyholder-1'));
    await untokened.answer('x', paidOf('policyholder-1'));
    expect(computed).toBe(2);
  });
});
