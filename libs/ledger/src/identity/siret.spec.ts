import { isValidSiret, siretProblem } from './siret';

describe('a SIRET', () => {
  // 7 3 2 8 2 9 3 2 0 0 0 0 7 4, from the right, every second digit doubled:
  // 4 + (7→14→5) + 0 + 0 + 0 + 0 + 2 + (3→6) + 9 + (2→4) + 8 + (2→4) + 3 + (7→14→5) = 50, a multiple of 10.
  it('is accepted when its Luhn sum is a multiple of 10', () => expect(isValidSiret('73282932000074')).toBe(true));

  it('is refused when one digit is wrong (sum 51)', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(siretProblem('73282932000075')).toBe('is not a valid SIRET (Luhn check fails)');
  });

  it('must be 14 digits', () => {
    expect(siretProblem('7328293200007')).toBe('must be a SIRET: 14 digits');
    expect(siretProblem('7328293200007A')).toBe('must be a SIRET: 14 digits');
    expect(siretProblem(73282932000074)).toBe('must be a SIRET: 14 digits');
    expect(siretProblem('73282932000074')).toBeUndefined();
  });
});
