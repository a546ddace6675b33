import { validate, version } from 'uuid';
import { deterministicEventId } from './event-id';

describe('deterministic event ids', () => {
  it('gives a retried command the same ids', () =>
    expect(deterministicEventId('agent-42', 'key-1', 0)).toBe(deterministicEventId('agent-42', 'key-1', 0)));

  it('are UUID v5, distinct per index, key and actor', () => {
    const ids = [deterministicEventId('agent-42', 'key-1', 0), deterministicEventId('agent-42', 'key-1', 1), deterministicEventId('agent-42', 'key-2', 0), deterministicEventId('agent-7', 'key-1', 0)];
    ids.forEach((id) => expect(validate(id) && version(id)).toBe(5));
    expect(new Set(ids).size).toBe(4);
  });

  it('cannot be confused by separators inside the parts', () =>
    expect(deterministicEventId('a:b', 'c', 0)).not.toBe(deterministicEventId('a', 'b:c', 0)));
});
