import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@ij/event-store';
import type { CommandContext } from './command-context';
import { fixedClock } from './clock';
import { LedgerCommandRunner, type EventDraft } from './ledger-command-runner';

/**
 * The runner keeps the events of the streams it used and reads only the events after them. Two runners on
 * one SQLite file stand for two processes: what one appends, the other must see before deciding.
 */
const STREAM = 'policyholder-runner-1';
const noProjections = { waitFor: async () => undefined };
let keys = 0;
const context = (): CommandContext => ({ actor: { actorId: 'clerk-1', roles: ['clerk'] }, idempotencyKey: `key-${++keys}`, requestHash: `hash-${keys}`, correlationId: `c-${keys}`, causationId: `c-${keys}` });
/** A decision that records how many events it was shown. */
const count = (history: RecordedEvent[]): EventDraft[] => [{ type: 'Counted', schemaVersion: 1, data: { seen: history.length } }];

describe('LedgerCommandRunner keeps the streams it read', () => {
  let directory: string;
  let first: SqliteEventStore;
  let second: SqliteEventStore;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ij-runner-'));
    first = await SqliteEventStore.open({ connection: join(directory, 'events.db') });
    second = await SqliteEventStore.open({ connection: join(directory, 'events.db') });
  });
  afterEach(async () => {
    await first.close();
    await second.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const seenBy = async (store: EventStore) => (await store.readStream(STREAM)).map((event) => (event.data as { seen: number }).seen);

  it('reads only the events after those it kept, and sees those another process appended meanwhile', async () => {
    const reads: Array<number | undefined> = [];
    const reading: EventStore = Object.create(first, {
      readStream: { value: (streamId: string, options?: { fromRevision?: number }) => (reads.push(options?.fromRevision), first.readStream(streamId, options)) },
    });
    const runner = new LedgerCommandRunner(reading, fixedClock('2025-12-01'), noProjections);
    const other = new LedgerCommandRunner(second, fixedClock('2025-12-01'), noProjections);

    await runner.run(STREAM, context(), count);
    await other.run(STREAM, context(), count);
    await runner.run(STREAM, context(), count);
    await runner.run(STREAM, context(), count);

    // Each decision saw every event before it: 0, 1 (the other's), 2, 3.
    expect(await seenBy(first)).toEqual([0, 1, 2, 3]);
    // Whole reads while nothing is kept (the stream was empty at the first), then only what follows the last
    // event kept: revisions 0 and 1 were read by the third command, the fourth reads from revision 2.
    expect(reads).toEqual([undefined, undefined, 2]);
  });

  it('decides again on the whole stream when another process appended between its read and its append', async () => {
    const other = new LedgerCommandRunner(second, fixedClock('2025-12-01'), noProjections);
    let raced = false;
    const racing: EventStore = Object.create(first, {
      append: {
        value: async (...args: Parameters<EventStore['append']>) => {
          if (!raced) {
            raced = true;
            await other.run(STREAM, context(), count);
          }
          return first.append(...args);
        },
      },
    });
    const runner = new LedgerCommandRunner(racing, fixedClock('2025-12-01'), noProjections);
    await runner.run(STREAM, context(), count);
    await runner.run(STREAM, context(), count);

    // The first command lost the race to the other process (seen 0), decided again on its event (seen 1).
    expect(await seenBy(first)).toEqual([0, 1, 2]);
  });

  it('answers a repeat of a command another process recorded from that process’s events', async () => {
    const runner = new LedgerCommandRunner(first, fixedClock('2025-12-01'), noProjections);
    const other = new LedgerCommandRunner(second, fixedClock('2025-12-01'), noProjections);
    await runner.run(STREAM, context(), count);
    const repeated = context();
    const recorded = await other.run(STREAM, repeated, count);
    const repeat = await runner.run(STREAM, { ...repeated }, count);

    expect(repeat.position).toBe(recorded.position);
    expect(await seenBy(first)).toEqual([0, 1]);
  });

  it('gives decisions events they cannot change', async () => {
    const runner = new LedgerCommandRunner(first, fixedClock('2025-12-01'), noProjections);
    await runner.run(STREAM, context(), count);
    await expect(
      runner.run(STREAM, context(), (history) => {
        (history[0].data as { seen: number }).seen = 99;
        return count(history);
      }),
    ).rejects.toThrow(TypeError);
    await runner.run(STREAM, context(), count);
    expect(await seenBy(first)).toEqual([0, 1]);
  });
});
