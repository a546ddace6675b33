import { FailedAuthentications } from './failed-authentications';

describe('FailedAuthentications', () => {
  it('blocks an address after its failures of the minute, and forgets them a minute after the first', () => {
    let now = 0;
    const failures = new FailedAuthentications(2, () => now);
    failures.recordFailure('10.0.0.1');
    expect(failures.isBlocked('10.0.0.1')).toBe(false);
    failures.recordFailure('10.0.0.1');
    expect(failures.isBlocked('10.0.0.1')).toBe(true);
    expect(failures.isBlocked('10.0.0.2')).toBe(false);
    now = 59_999;
    expect(failures.isBlocked('10.0.0.1')).toBe(true);
    now = 60_000;
    expect(failures.isBlocked('10.0.0.1')).toBe(false);
  });

  it('remembers a bounded number of addresses', () => {
    const failures = new FailedAuthentications(1, () => 0, 3);
    for (const address of ['a', 'b', 'c', 'd']) failures.recordFailure(address);
    expect(failures.isBlocked('a')).toBe(false);
    expect(failures.isBlocked('d')).toBe(true);
  });
});
