import type { RecordedEvent } from '@ij/event-store';
import { StreamHistories } from './stream-histories';

const events = (streamId: string, from: number, count: number): RecordedEvent[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `${streamId}-${from + index}`,
    streamId,
    revision: from + index,
    position: BigInt(from + index + 1),
    type: 'Counted',
    data: { seen: from + index, nested: { list: [from + index] } },
    metadata: { actor: 'clerk-1', correlationId: 'c', causationId: 'c', recordedAt: '2025-12-01T12:00:00.000Z', schemaVersion: 1, hash: 'h' },
  }));

describe('StreamHistories', () => {
  it('keeps streams within a number of events, dropping the least recently used first', () => {
    const histories = new StreamHistories(10);
    histories.extend('a', undefined, events('a', 0, 4));
    histories.extend('b', undefined, events('b', 0, 4));
    histories.get('a'); // a is now the most recently used
    histories.extend('c', undefined, events('c', 0, 4)); // 12 > 10: b goes

    expect(histories.get('b')).toBeUndefined();
    expect(histories.get('a')).toHaveLength(4);
    expect(histories.get('c')).toHaveLength(4);
    expect(histories.keptEvents).toBe(8);
  });

  it('counts a stream once however often it grows', () => {
    const histories = new StreamHistories(10);
    const first = histories.extend('a', undefined, events('a', 0, 3));
    const second = histories.extend('a', histories.get('a'), events('a', 3, 2));

    expect(second.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(second.slice(0, 3)).toEqual(first);
    expect(histories.keptEvents).toBe(5);
  });

  it('does not keep a stream longer than the bound, nor an empty one', () => {
    const histories = new StreamHistories(10);
    histories.extend('short', undefined, events('short', 0, 2));
    expect(histories.extend('long', undefined, events('long', 0, 11))).toHaveLength(11);
    histories.extend('empty', undefined, []);

    expect(histories.get('long')).toBeUndefined();
    expect(histories.get('empty')).toBeUndefined();
    expect(histories.get('short')).toHaveLength(2);
    expect(histories.keptEvents).toBe(2);
  });

  it('freezes what it keeps, to the last nested value', () => {
    const histories = new StreamHistories(10);
    const [event] = histories.extend('a', undefined, events('a', 0, 1));

    expect(() => {
      (event.data as { nested: { list: number[] } }).nested.list.push(1);
    }).toThrow(TypeError);
    expect(Object.isFrozen(event.metadata)).toBe(true);
  });
});
