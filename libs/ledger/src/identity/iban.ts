/**
 * IBAN (ISO 13616): 2-letter country, 2 check digits, then the country's BBAN. Valid when the letters
 * read as numbers (A = 10 … Z = 35) after moving the first 4 characters to the end give 1 mod 97, and
 * the length is the one the country registers (FR: 27). An IBAN is personal data: it is never logged,
 * and answers show it masked (`maskIban`).
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18,
  FR: 27, GB: 22, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21,
  MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27,
};

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/u;

/** Spaces are accepted (the printed form groups by 4) and letters may be lowercase. */
export function normalizeIban(value: string): string {
  return value.replace(/ /gu, '').toUpperCase();
}

export function ibanChecksum(iban: string): number {
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`;
  let remainder = 0;
  for (const character of rearranged) {
    const digits = /\d/u.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Why an IBAN is refused, for a field error that never repeats the IBAN itself. */
export function ibanProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const iban = normalizeIban(value);
  if (!IBAN_SHAPE.test(iban)) return 'must be 2 letters (country), 2 check digits and 11 to 30 letters or digits';
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined) return `has a country code that is not in the SEPA area`;
  if (iban.length !== length) return `must have ${length} characters for its country`;
  if (ibanChecksum(iban) !== 1) return 'has check digits that do not match (ISO 13616 mod 97)';
  return undefined;
}

export function isValidIban(value: unknown): value is string {
  return ibanProblem(value) === undefined;
}

/** Every character but the last 4 replaced by `*`: enough for a person to recognise their account. */
export function maskIban(iban: string): string {
  return `${'*'.repeat(Math.max(0, iban.length - 4))}${iban.slice(-4)}`;
}

/** Builds a valid IBAN from a country and BBAN (tests and the seed). */
export function withIbanCheckDigits(country: string, bban: string): string {
  const check = 98 - ibanChecksum(`${country}00${bban}`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}
