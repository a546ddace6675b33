import fc from 'fast-check';
import { LocalDate } from '@js-joda/core';
import { monthsBefore } from './dates';

describe('monthsBefore', () => {
  it('gives the months js-joda gives', () =>
    fc.assert(
      fc.property(fc.integer({ min: LocalDate.parse('1900-01-01').toEpochDay(), max: LocalDate.parse('2999-12-31').toEpochDay() }), fc.integer({ min: 0, max: 24 }), (epochDay, count) => {
        const date = LocalDate.ofEpochDay(epochDay);
        const expected = Array.from({ length: count }, (_, index) => date.withDayOfMonth(1).minusMonths(count - index).toString().slice(0, 7));
        expect(monthsBefore(date.toString(), count)).toEqual(expected);
      }),
      { numRuns: 2_000 },
    ));

  it('refuses a date that does not exist', () => expect(() => monthsBefore('2025-02-30', 3)).toThrow());
});
