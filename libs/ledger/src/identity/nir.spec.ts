import { isValidNir, nirKey, nirProblem, withNirKey } from './nir';

describe('the NIR', () => {
  it('accepts the usual published example 2 69 05 49 588 157 80 (key = 97 − 2690549588157 mod 97 = 80)', () => {
    expect(nirKey('2690549588157')).toBe(80);
    expect(isValidNir('269054958815780')).toBe(true);
  });

  it('refuses a wrong key, a wrong length, letters and spaces', () => {
    expect(isValidNir('269054958815781')).toBe(false);
    expect(isValidNir('26905495881578')).toBe(false);
    expect(isValidNir('2690549588157A0')).toBe(false);
    expect(isValidNir('2 69 05 49 588 157 80')).toBe(false);
    expect(isValidNir(269054958815780)).toBe(false);
  });

  it('reads Corsica 2A as 19 and 2B as 18 (keys 56 and 83 computed independently)', () => {
    expect(nirKey('185052A004123')).toBe(56);
    expect(nirKey('185052B004123')).toBe(83);
    expect(isValidNir('185052A00412356')).toBe(true);
    expect(isValidNir('185052B00412383')).toBe(true);
    expect(isValidNir('185052A00412383')).toBe(false);
  });

  it('accepts 2A/2B only at positions 6–7', () => {
    expect(isValidNir('185052A00412356')).toBe(true);
    expect(nirProblem('1852A78006084' + '00')).toBe('must be digits, with 2A or 2B allowed at positions 6-7 (Corsica)');
  });

  it('explains what is wrong without repeating the number', () => {
    const problem = nirProblem('269054958815781')!;
    expect(problem).toContain('key');
    expect(problem).not.toContain('2690549588157');
  });

  it('builds valid NIRs for seeding', () => {
    expect(isValidNir(withNirKey('1850578006084'))).toBe(true);
    expect(withNirKey('2690549588157')).toBe('269054958815780');
  });
});
