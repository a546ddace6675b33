import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore, RecordedEvent, Subscription } from '@ij/event-store';
import type { PolicyholderEvent } from '@ij/ledger';
import { completeAppends, SubscriptionProjector } from './projector';
import { appendToPolicyholder, openTestStores, type TestStores } from './test-support/stores';

/**
 * EventStoreDB gives every event of one append the same (commit) position. A projector that checkpoints by
 * position must never commit the first events of an append without the rest: the rest, at the same
 * position, would then be skipped as already applied.
 */
const at = (position: bigint, index?: number, size?: number) =>
  ({ position, ...(index === undefined ? {} : { append: { index, size } }) }) as RecordedEvent;

describe('completeAppends', () => {
  it('commits everything when positions are unique', () => {
    expect(completeAppends([at(1n), at(2n), at(3n)])).toBe(3);
  });

  it('holds back the beginning of an append until its last event has arrived', () => {
    expect(completeAppends([at(1n, 0, 1), at(5n, 0, 2)])).toBe(1);
    expect(completeAppends([at(1n, 0, 1), at(5n, 0, 3), at(5n, 1, 3)])).toBe(1);
    expect(completeAppends([at(5n, 0, 2)])).toBe(0);
  });

  it('commits an append once it is whole', () => {
    expect(completeAppends([at(1n, 0, 1), at(5n, 0, 2), at(5n, 1, 2)])).toBe(3);
  });
});

describe('the subscription projector, on an append whose events share one position', () => {
  let stores: TestStores;
  beforeEach(async () => {
    stores = await openTestStores('sqlite');
  });
  afterEach(async () => {
    await stores.close();
  });

  it('applies every event of the append, even when a batch boundary falls inside it', async () => {
    const domainEvents: PolicyholderEvent[] = [
      { type: 'StoppageOpened', schemaVersion: 2, data: { stoppageId: 's-1', policyholderId: 'p-1', kind: 'SICKNESS', startDate: '2025-06-10', endDate: '2025-06-29', openedOn: '2025-06-10' } },
      { type: 'AdvanceIssued', schemaVersion: 1, data: { stoppageId: 's-1', advanceId: 'a-1', amountCents: 30_000, reason: 'pending', issuedOn: '2025-06-15' } },
    ];
    await appendToPolicyholder(stores.events, 'p-1', domainEvents);
    // The same two events as EventStoreDB would deliver them: one commit position, their place in the append.
    const delivered = (await stores.events.readStream('policyholder-p-1')).map((event, index) => ({ ...event, position: 7n, append: { index, size: 2 } }));
    const log: Pick<EventStore, 'subscribe'> = {
      subscribe: (_from, handler): Subscription => {
        const done = (async () => {
          for (const event of delivered) {
            await handler(event);
            await sleep(30); // let the flush timer fire between the two events
          }
        })();
        return { done, stop: async () => undefined };
      },
    };
    const projector = new SubscriptionProjector(log as EventStore, stores.models, { batchSize: 1, flushIntervalMs: 5 });
    await projector.start();
    for (let attempt = 0; attempt < 100 && projector.checkpoint !== 7n; attempt++) await sleep(10);
    await projector.stop();

    expect(projector.checkpoint).toBe(7n);
    const document = await stores.models.policyholder('p-1');
    expect(document?.stoppages[0].advances.map((advance) => advance.amountCents)).toEqual([30_000]);
  });
});
