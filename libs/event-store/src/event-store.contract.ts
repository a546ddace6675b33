/// <reference types="jest" />
import type { EventStore, RecordedEvent } from './event-store.port';
import { IdempotencyConflict, WrongExpectedRevision } from './errors';
import { verifyChain } from './hash-chain';
import { aStreamId, eventsOfACommand, metadataFor } from '../test-support/event-builders';

export interface ContractOptions {
  /**
   * Whether, among identical appends racing each other, exactly one reports duplicate: false.
   * EventStoreDB deduplicates racing twins itself and answers both as if each had written.
   */
  reportsWhichTwinWrote?: boolean;
}

/** The behaviour every adapter of the EventStore port must show; called once per adapter. */
export function eventStoreContract(name: string, open: () => Promise<EventStore>, cleanup?: () => Promise<void>, options: ContractOptions = {}) {
  describe(`${name} event store`, () => {
    let store: EventStore;

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    describe('appending and reading a stream', () => {
      it('reads back what was appended, in revision order, with metadata unchanged and a hash added', async () => {
        const streamId = aStreamId('round-trip');
        const events = eventsOfACommand(2, (index) => ({ stoppageId: 'stoppage-7', amountCents: 1_000 * (index + 1), nested: { b: [1, 'two'], a: null } }));
        const result = await store.append(streamId, events, { expectedRevision: 'no_stream' });
        const stored = await store.readStream(streamId);

        expect(result).toMatchObject({ nextRevision: 1, duplicate: false });
        expect(stored.map(({ id, streamId, revision, type, data }) => ({ id, streamId, revision, type, data }))).toEqual(
          events.map((event, index) => ({ id: event.id, streamId, revision: index, type: event.type, data: event.data })),
        );
        stored.forEach((event, index) => expect(event.metadata).toEqual({ ...events[index].metadata, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }));
        expect(stored[1].position).toBe(result.position);
        expect(stored[0].position < stored[1].position).toBe(true);
      });

      it('reads a stream from a given revision, and an unknown stream as empty', async () => {
        const streamId = aStreamId('from-revision');
        await store.append(streamId, eventsOfACommand(5), { expectedRevision: 'no_stream' });

        expect((await store.readStream(streamId, { fromRevision: 3 })).map((event) => event.revision)).toEqual([3, 4]);
        expect(await store.readStream(aStreamId('never-written'))).toEqual([]);
      });

      it("appends with 'any' whatever the stream's revision", async () => {
        const streamId = aStreamId('any');
        await store.append(streamId, eventsOfACommand(1), { expectedRevision: 'any' });
        const result = await store.append(streamId, eventsOfACommand(2), { expectedRevision: 'any' });

        expect(result.nextRevision).toBe(2);
        expect(verifyChain(await store.readStream(streamId))).toEqual({ ok: true });
      });
    });

    describe('expected revision', () => {
      it('rejects an append made at a stale revision, telling the actual one', async () => {
        const streamId = aStreamId('stale');
        await store.append(streamId, eventsOfACommand(3), { expectedRevision: 'no_stream' });

        const failure = store.append(streamId, eventsOfACommand(1), { expectedRevision: 1 });
        await expect(failure).rejects.toBeInstanceOf(WrongExpectedRevision);
        await expect(failure).rejects.toMatchObject({ streamId, expectedRevision: 1, actualRevision: 2 });
        await expect(store.append(streamId, eventsOfACommand(1), { expectedRevision: 'no_stream' })).rejects.toMatchObject({ actualRevision: 2 });
        await expect(store.append(aStreamId('missing'), eventsOfACommand(1), { expectedRevision: 0 })).rejects.toMatchObject({ actualRevision: 'no_stream' });
        expect(await store.readStream(streamId)).toHaveLength(3);
      });

      it('lets exactly one of N concurrent appenders win each revision; the others get WrongExpectedRevision', async () => {
        const streamId = aStreamId('contended');
        const appenders = 16;
        let revision: number | 'no_stream' = 'no_stream';
        for (let round = 0; round < 5; round++) {
          const attempts = await Promise.allSettled(
            Array.from({ length: appenders }, () => store.append(streamId, eventsOfACommand(2), { expectedRevision: revision })),
          );
          const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
          const losers = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
          const nextRevision: number = revision === 'no_stream' ? 1 : revision + 2;

          expect(winners).toHaveLength(1);
          losers.forEach((loser) => {
            expect(loser.reason).toBeInstanceOf(WrongExpectedRevision);
            expect(loser.reason.actualRevision).toBe(nextRevision);
          });
          revision = nextRevision;
        }
        const stream = await store.readStream(streamId);
        expect(stream).toHaveLength(10);
        expect(verifyChain(stream)).toEqual({ ok: true });
      });
    });

    describe('idempotency by event id', () => {
      it('returns the first answer when the same events are appended again, and adds nothing', async () => {
        const streamId = aStreamId('retry');
        const events = eventsOfACommand(3);
        const first = await store.append(streamId, events, { expectedRevision: 'no_stream' });
        const retry = await store.append(streamId, events, { expectedRevision: 'no_stream' });

        expect(retry).toEqual({ ...first, duplicate: true });
        expect(await store.readStream(streamId)).toHaveLength(3);
      });

      it('recognises a retry that arrives with a newer expected revision, after the stream moved on', async () => {
        const streamId = aStreamId('retry-later');
        const events = eventsOfACommand(2);
        const first = await store.append(streamId, events, { expectedRevision: 'no_stream' });
        await store.append(streamId, eventsOfACommand(1), { expectedRevision: 1 });

        expect(await store.append(streamId, events, { expectedRevision: 2 })).toEqual({ ...first, duplicate: true });
        expect(await store.append(streamId, events, { expectedRevision: 'any' })).toEqual({ ...first, duplicate: true });
        expect(await store.readStream(streamId)).toHaveLength(3);
      });

      it('refuses an append of which only some events are stored, or whose events are in another stream', async () => {
        const streamId = aStreamId('partial');
        const events = eventsOfACommand(2);
        await store.append(streamId, events, { expectedRevision: 'no_stream' });

        await expect(store.append(streamId, [events[1], ...eventsOfACommand(1)], { expectedRevision: 1 })).rejects.toBeInstanceOf(IdempotencyConflict);
        await expect(store.append(aStreamId('other'), events, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(IdempotencyConflict);
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('stores concurrent identical appends once, and answers them all alike', async () => {
        const streamId = aStreamId('twins');
        await store.append(streamId, eventsOfACommand(1), { expectedRevision: 'no_stream' });
        const events = eventsOfACommand(2);
        const results = await Promise.all(Array.from({ length: 8 }, () => store.append(streamId, events, { expectedRevision: 0 })));

        expect(new Set(results.map((result) => `${result.nextRevision}@${result.position}`)).size).toBe(1);
        if (options.reportsWhichTwinWrote ?? true) expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
        expect(await store.readStream(streamId)).toHaveLength(3);
      });
    });

    describe('the global log', () => {
      it('orders every event by position, and reads it from any position with a limit', async () => {
        const start = await store.headPosition();
        for (let index = 0; index < 6; index++) await store.append(aStreamId(`global-${index % 3}`), eventsOfACommand(2), { expectedRevision: 'any' });
        const all = await store.readAll({ fromPosition: start });

        expect(all).toHaveLength(12);
        all.slice(1).forEach((event, index) => expect(event.position > all[index].position).toBe(true));
        expect(await store.headPosition()).toBe(all[all.length - 1].position);
        for (let from = 0; from < all.length; from++) {
          const suffix = await store.readAll({ fromPosition: all[from].position, limit: 4 });
          expect(suffix.map((event) => event.id)).toEqual(all.slice(from + 1, from + 5).map((event) => event.id));
        }
      });

      it('catches up from any position and then delivers live appends, never skipping nor repeating one', async () => {
        const start = await store.headPosition();
        for (let index = 0; index < 10; index++) await store.append(aStreamId(`catch-up-${index % 4}`), eventsOfACommand(1), { expectedRevision: 'any' });
        const history = await store.readAll({ fromPosition: start });
        const from = history[3].position;
        const delivered: RecordedEvent[] = [];
        const subscription = store.subscribe(from, (event) => {
          delivered.push(event);
        });
        const live = await Promise.all(Array.from({ length: 20 }, (_, index) => store.append(aStreamId(`live-${index % 5}`), eventsOfACommand(1), { expectedRevision: 'any' })));
        const lastLive = live.reduce((latest, result) => (result.position > latest ? result.position : latest), 0n);
        await waitUntil(() => delivered.length > 0 && delivered[delivered.length - 1].position >= lastLive);
        await subscription.stop();

        const expected = await store.readAll({ fromPosition: from });
        expect(delivered.map((event) => event.id)).toEqual(expected.filter((event) => event.position <= lastLive).map((event) => event.id));
      });
    });

    describe('long streams and the hash chain', () => {
      it('holds a stream of 10 000 events whose chain verifies', async () => {
        const streamId = aStreamId('long');
        let revision: number | 'no_stream' = 'no_stream';
        for (let batch = 0; batch < 20; batch++) {
          revision = (await store.append(streamId, eventsOfACommand(500), { expectedRevision: revision })).nextRevision;
        }
        const stream = await store.readStream(streamId);

        expect(revision).toBe(9_999);
        expect(stream).toHaveLength(10_000);
        expect(stream[9_999].revision).toBe(9_999);
        expect(verifyChain(stream)).toEqual({ ok: true });
      }, 60_000);

      it('links each hash to the previous one, ignores a hash supplied by the caller, and detects tampering', async () => {
        const streamId = aStreamId('chain');
        const [forged] = eventsOfACommand(1);
        await store.append(streamId, [{ ...forged, metadata: { ...forged.metadata, hash: 'f'.repeat(64) } }], { expectedRevision: 'no_stream' });
        await store.append(streamId, eventsOfACommand(2), { expectedRevision: 0 });
        const stream = await store.readStream(streamId);

        expect(stream[0].metadata.hash).not.toBe('f'.repeat(64));
        expect(verifyChain(stream)).toEqual({ ok: true });
        const tampered = stream.map((event) => (event.revision === 1 ? { ...event, data: { stoppageId: 'stoppage-1', amountCents: 999_999 } } : event));
        expect(verifyChain(tampered)).toMatchObject({ ok: false, revision: 1 });
        expect(stream[2].metadata).toEqual({ ...metadataFor(stream[2].metadata.causationId.replace('command-', '')), hash: stream[2].metadata.hash });
      });
    });
  });
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
