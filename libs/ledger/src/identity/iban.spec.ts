import { ibanProblem, isValidIban, maskIban, normalizeIban, withIbanCheckDigits } from './iban';

describe('IBANs (ISO 13616)', () => {
  it('accepts a French IBAN whose check digits match (mod 97 = 1), grouped by 4 or not', () => {
    expect(isValidIban('FR7630006000011234567890189')).toBe(true);
    expect(isValidIban('fr76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(normalizeIban('fr76 3000 6000 0112 3456 7890 189')).toBe('FR7630006000011234567890189');
  });

  it('refuses wrong check digits, a wrong length for the country and an unknown country, without repeating the IBAN', () => {
    expect(ibanProblem('FR7730006000011234567890189')).toMatch(/check digits/u);
    expect(ibanProblem('FR763000600001123456789018')).toMatch(/27 characters/u);
    expect(ibanProblem('ZZ7630006000011234567890189')).toMatch(/country/u);
    expect(ibanProblem(42)).toBe('must be a string');
    expect(ibanProblem('FR7730006000011234567890189')).not.toContain('3000600001');
  });

  it('builds check digits that validate', () => expect(isValidIban(withIbanCheckDigits('DE', '370400440532013000'))).toBe(true));

  it('masks all but the last 4 characters', () => expect(maskIban('FR7630006000011234567890189')).toBe('***********************0189'));
});
