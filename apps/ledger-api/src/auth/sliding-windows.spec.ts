import { SlidingWindows } from './sliding-windows';

describe('SlidingWindows (the per-key rate limit)', () => {
  let now: number;
  let windows: SlidingWindows;
  beforeEach(() => {
    now = 1_000_000;
    windows = new SlidingWindows(3, 60_000, () => now);
  });
  afterEach(() => windows.close());

  it('counts hits per key, refuses the one past the limit and tells how long the block lasts', () => {
    expect([1, 2, 3].map(() => windows.hit('a'))).toEqual([
      { blocked: false, hits: 1, secondsToReset: 60, secondsToUnblock: expect.any(Number) },
      { blocked: false, hits: 2, secondsToReset: 60, secondsToUnblock: expect.any(Number) },
      { blocked: false, hits: 3, secondsToReset: 60, secondsToUnblock: expect.any(Number) },
    ]);
    now += 10_000;
    expect(windows.hit('a')).toMatchObject({ blocked: true, hits: 4, secondsToUnblock: 60 });
    expect(windows.hit('b')).toMatchObject({ blocked: false, hits: 1 });
  });

  it('keeps a blocked key blocked for a whole window, then counts again from that hit', () => {
    for (let index = 0; index < 4; index++) windows.hit('a');
    now += 59_000;
    expect(windows.hit('a')).toMatchObject({ blocked: true, secondsToUnblock: 1 });
    now += 1_000;
    expect(windows.hit('a')).toMatchObject({ blocked: false, hits: 1 });
  });

  it('lets a hit leave the count one window after it was made (sliding, not fixed)', () => {
    windows.hit('a');
    now += 30_000;
    windows.hit('a');
    windows.hit('a');
    now += 30_000;
    // The first hit has left the window: three hits in the last minute, this one included.
    expect(windows.hit('a')).toMatchObject({ blocked: false, hits: 3 });
    expect(windows.hit('a')).toMatchObject({ blocked: true });
  });

  it('keeps counting right across many hits (the queue of hits is compacted as it goes)', () => {
    const many = new SlidingWindows(100_000, 1_000, () => now);
    for (let index = 0; index < 5_000; index++) {
      now += 1;
      expect(many.hit('a').hits).toBe(Math.min(index + 1, 1_000));
    }
    many.close();
  });
});
