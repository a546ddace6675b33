import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupCommitQueue, sharedCommitOf, type GroupCommitBatch } from './group-commit';
import { SqliteEventStore } from './sqlite-event-store';

const metadata = { actor: 'test', correlationId: 'c', causationId: 'c', recordedAt: '2025-12-01T12:00:00.000Z', schemaVersion: 1 };

describe('the group commit observer of the SQLite store', () => {
  let directory: string;
  let store: SqliteEventStore;
  const batches: GroupCommitBatch[] = [];

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ij-group-commit-'));
    batches.length = 0;
    store = await SqliteEventStore.open({ connection: join(directory, 'ledger.sqlite'), onBatch: (batch) => batches.push(batch) });
  });
  afterEach(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const append = (streamId: string) => store.append(streamId, [{ id: randomUUID(), type: 'Noted', data: {}, metadata }], { expectedRevision: 'no_stream' });

  it('is told of one batch holding every append submitted in the same tick', async () => {
    // 12 appends submitted before the queue drains (it drains on setImmediate): one transaction of 12
    await Promise.all(Array.from({ length: 12 }, (_, index) => append(`stream-${index}`)));
    expect(batches.map((batch) => batch.size)).toEqual([12]);
    expect(batches[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('is told of each batch, refused appends included, after its transaction', async () => {
    await append('stream-a');
    // the second append of stream-a expects no stream: refused, but it was part of a batch all the same
    await expect(append('stream-a')).rejects.toThrow();
    expect(batches.map((batch) => batch.size)).toEqual([1, 1]);
  });
});

describe('queues sharing the transactions of one database', () => {
  /** A stand-in for a better-sqlite3 connection that counts its outer transactions and can fail their COMMIT. */
  function fakeDatabase(failCommit = false) {
    const transactions: string[][] = [];
    const database = {
      transaction: (body: (write: () => void) => void) =>
        Object.assign(body, {
          immediate: (write: () => void) => {
            transactions.push([]);
            body(write);
            if (failCommit) throw new Error('disk I/O error');
          },
        }),
    };
    return { database: database as unknown as Parameters<typeof sharedCommitOf>[0], transactions };
  }

  it('writes the batches of every queue pending in the same tick in one transaction, and settles them after it', async () => {
    const { database, transactions } = fakeDatabase();
    const written: string[] = [];
    const queue = (name: string) =>
      new GroupCommitQueue<string, string>((requests) => {
        transactions.at(-1)!.push(name);
        written.push(...requests);
        return requests.map((request) => ({ ok: true, value: `${name}:${request}` }));
      }, undefined, sharedCommitOf(database));
    const appends = queue('appends');
    const records = queue('records');
    await expect(Promise.all([appends.submit('a1'), records.submit('r1'), appends.submit('a2')])).resolves.toEqual(['appends:a1', 'records:r1', 'appends:a2']);
    expect(transactions).toEqual([['appends', 'records']]);
    expect(written).toEqual(['a1', 'a2', 'r1']);
  });

  it('writes the batch of a queue pending alone as its own transaction, not as a savepoint of a shared one', async () => {
    // a savepoint copies every page the batch changes to a sub-journal before changing it: not paid when alone
    const { database, transactions } = fakeDatabase();
    const queue = new GroupCommitQueue<string, string>((requests) => requests.map((request) => ({ ok: true, value: request })), undefined, sharedCommitOf(database));
    await expect(Promise.all([queue.submit('a1'), queue.submit('a2')])).resolves.toEqual(['a1', 'a2']);
    expect(transactions).toEqual([]);
  });

  it('rejects every request of the transaction when its COMMIT fails, whatever its own batch returned', async () => {
    const { database } = fakeDatabase(true);
    const queue = () => new GroupCommitQueue<string, string>((requests) => requests.map((request) => ({ ok: true, value: request })), undefined, sharedCommitOf(database));
    const [first, second] = [queue(), queue()];
    const outcomes = await Promise.allSettled([first.submit('a'), second.submit('b')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    await expect(first.whenIdle()).resolves.toBeUndefined();
  });
});
