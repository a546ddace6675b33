import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend } from '../event-store.port';
import { WrongExpectedRevision } from '../errors';
import { verifyChain } from '../hash-chain';
import { SqliteEventStore, type NewStreamAppend } from './sqlite-event-store';

/** Fixed streams shaped like a seeded policyholder's: a reservation, then a history of several events. */
function streams(count: number): NewStreamAppend[] {
  const event = (stream: number, index: number, type: string, data: unknown): EventToAppend => ({
    id: `00000000-0000-4000-8000-${String(stream * 100 + index).padStart(12, '0')}`,
    type,
    data,
    metadata: { actor: 'seed', correlationId: `case-${stream}`, causationId: `request-${stream}`, recordedAt: '2025-03-03T08:12:00.000Z', schemaVersion: 1, idempotencyKey: `key-${stream}` },
  });
  return Array.from({ length: count }, (_, stream) => [
    { streamId: `stoppage-${stream}`, events: [event(stream, 0, 'StoppageIdReserved', { stoppageId: `s-${stream}`, policyholderId: `p-${stream}` })] },
    {
      streamId: `policyholder-${stream}`,
      events: [
        event(stream, 1, 'StoppageOpened', { stoppageId: `s-${stream}`, startDate: '2025-03-01', endDate: '2025-03-20', kind: 'SICKNESS' }),
        event(stream, 2, 'AdvanceIssued', { stoppageId: `s-${stream}`, amountCents: 30_000, note: 'quote " and \\ and é' }),
        event(stream, 3, 'SalaryCertificateRecorded', { salaries: [{ month: '2025-02', grossCents: 250_000 }], stoppageId: `s-${stream}` }),
      ],
    },
  ]).flat();
}

describe('SqliteEventStore.appendNewStreams', () => {
  let directory: string;
  const open = (name: string) => SqliteEventStore.open({ connection: join(directory, `${name}.sqlite`) });
  const rows = (store: SqliteEventStore) => store.database.prepare('SELECT position, stream_id, revision, id, type, data, metadata FROM events ORDER BY position').all();

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'ij-new-streams-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('stores exactly the rows, hashes and results that one append per stream with no_stream stores', async () => {
    const appended = await open('appended');
    const bulk = await open('bulk');
    try {
      const batch = streams(25);
      const expected = [];
      for (const { streamId, events } of batch) expected.push(await appended.append(streamId, events, { expectedRevision: 'no_stream' }));
      await expect(bulk.appendNewStreams(batch)).resolves.toEqual(expected);
      expect(rows(bulk)).toEqual(rows(appended));
      expect(rows(bulk)).toHaveLength(25 * 4);
      for (const { streamId } of batch) expect(verifyChain(await bulk.readStream(streamId))).toEqual({ ok: true });
    } finally {
      await appended.close();
      await bulk.close();
    }
  });

  it('answers a batch appended again as append answers a retry: duplicates, nothing written twice', async () => {
    const store = await open('retried');
    try {
      const batch = streams(3);
      const first = await store.appendNewStreams(batch);
      const again = await store.appendNewStreams(batch);
      expect(again).toEqual(first.map((result) => ({ ...result, duplicate: true })));
      expect(rows(store)).toHaveLength(3 * 4);
    } finally {
      await store.close();
    }
  });

  it('refuses a stream that exists with other events as append does, and writes the other streams of the batch', async () => {
    const store = await open('conflict');
    try {
      const [reservation, history, ...others] = streams(3);
      await store.append(history.streamId, [{ ...history.events[0], id: '00000000-0000-4000-8000-999999999999' }], { expectedRevision: 'no_stream' });
      await expect(store.appendNewStreams([reservation, history, ...others])).rejects.toBeInstanceOf(WrongExpectedRevision);
      expect(await store.readStream(reservation.streamId)).toHaveLength(1);
      expect(await store.readStream(history.streamId)).toHaveLength(1);
      for (const { streamId, events } of others) expect(await store.readStream(streamId)).toHaveLength(events.length);
    } finally {
      await store.close();
    }
  });
});
