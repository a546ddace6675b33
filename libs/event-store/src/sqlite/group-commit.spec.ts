import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GroupCommitBatch } from './group-commit';
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
