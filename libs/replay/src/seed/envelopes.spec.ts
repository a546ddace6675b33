import fc from 'fast-check';
import { deterministicEventId } from '@ij/event-store';
import { seedEventId } from './envelopes';

describe("the seed's event ids", () => {
  it("are exactly the event store's deterministicEventId", () =>
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), fc.nat(), (actor, key, index) => {
        expect(seedEventId(actor, key, index)).toBe(deterministicEventId(actor, key, index));
      }),
      { numRuns: 500 },
    ));

  it('refuses an index that is not a natural number, as the store does', () => {
    expect(() => seedEventId('a', 'k', -1)).toThrow(RangeError);
    expect(() => seedEventId('a', 'k', 1.5)).toThrow(RangeError);
  });
});
