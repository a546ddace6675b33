import { boundedEndDate } from './longest-period';

// The bound is the day before the third anniversary of the start (L323-1 1°, R323-1 2°).
describe('the end date folded for a stoppage', () => {
  it('keeps an end in the second calendar year after the start, up to its 31 December', () => {
    // start 2025-01-01: third anniversary 2028-01-01, bound 2027-12-31
    expect(boundedEndDate('2025-01-01', '2027-12-31')).toBe('2027-12-31');
    expect(boundedEndDate('2025-06-15', '2025-07-04')).toBe('2025-07-04');
  });

  it('bounds an end past the day before the third anniversary', () => {
    // start 2025-01-01: bound 2027-12-31
    expect(boundedEndDate('2025-01-01', '2028-01-01')).toBe('2027-12-31');
    // start 2025-06-15: third anniversary 2028-06-15, bound 2028-06-14
    expect(boundedEndDate('2025-06-15', '2028-06-14')).toBe('2028-06-14');
    expect(boundedEndDate('2025-06-15', '2028-06-15')).toBe('2028-06-14');
    expect(boundedEndDate('2025-06-15', '9999-12-31')).toBe('2028-06-14');
  });

  it('counts from 29 February as from 28 February in a common year', () => {
    // start 2024-02-29: third anniversary 2027-02-28 (2027 is common), bound 2027-02-27
    expect(boundedEndDate('2024-02-29', '2027-02-27')).toBe('2027-02-27');
    expect(boundedEndDate('2024-02-29', '2027-02-28')).toBe('2027-02-27');
  });
});
