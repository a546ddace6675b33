import { systemClock } from './clock';

describe('systemClock.today', () => {
  afterEach(() => jest.useRealTimers());

  it.each([
    // Winter (CET, UTC+1): Paris reaches midnight at 23:00 UTC.
    ['2026-11-29T22:59:59.999Z', '2026-11-29'],
    ['2026-11-29T23:00:00.000Z', '2026-11-30'],
    // Summer (CEST, UTC+2): at 22:00 UTC.
    ['2026-07-14T21:59:59.999Z', '2026-07-14'],
    ['2026-07-14T22:00:00.000Z', '2026-07-15'],
    // The night the clocks go forward (2026-03-29, 01:00 UTC): still the 29th on both sides.
    ['2026-03-28T22:59:59.999Z', '2026-03-28'],
    ['2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29'],
  ])('at %s it is %s in Paris, the instant the date changes included', (instant, expected) => {
    jest.useFakeTimers({ now: new Date(instant) });
    expect(systemClock.today()).toBe(expected);
  });

  it('moves to the next date within the same run of a process, at the minute Paris reaches midnight', () => {
    jest.useFakeTimers({ now: new Date('2026-11-29T22:59:30.000Z') });
    expect(systemClock.today()).toBe('2026-11-29');
    jest.setSystemTime(new Date('2026-11-29T22:59:59.999Z'));
    expect(systemClock.today()).toBe('2026-11-29');
    jest.setSystemTime(new Date('2026-11-29T23:00:00.000Z'));
    expect(systemClock.today()).toBe('2026-11-30');
  });
});

describe('systemClock.today when the system clock is set back', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the earlier date again, not the one worked out before', () => {
    jest.useFakeTimers({ now: new Date('2026-11-29T23:00:10.000Z') });
    expect(systemClock.today()).toBe('2026-11-30');
    jest.setSystemTime(new Date('2026-11-29T22:59:50.000Z'));
    expect(systemClock.today()).toBe('2026-11-29');
  });
});
