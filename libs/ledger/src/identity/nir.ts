/**
 * The NIR (French social-security number): 13 characters — digits, with "2A" or "2B" (Corsica) allowed
 * at positions 6–7 — followed by a 2-digit key = 97 − (number mod 97), where 2A counts as 19 and 2B as 18.
 */
const NIR_SHAPE = /^[12378]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/u;

export function nirKey(first13: string): number {
  const digits = first13.replace('2A', '19').replace('2B', '18');
  return 97 - Number(BigInt(digits) % 97n);
}

/** True when `value` is a well-formed NIR whose key matches. Spaces are not accepted. */
export function isValidNir(value: unknown): value is string {
  if (typeof value !== 'string' || !NIR_SHAPE.test(value)) return false;
  const corsica = value.slice(5, 7);
  if ((corsica === '2A' || corsica === '2B') && value.slice(7).includes('A')) return false;
  return nirKey(value.slice(0, 13)) === Number(value.slice(13));
}

/** Why a NIR is refused, for a field error that never repeats the NIR itself. */
export function nirProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string of 15 characters';
  if (value.length !== 15) return 'must be 15 characters: 13 for the number and 2 for the key';
  if (!NIR_SHAPE.test(value)) return 'must be digits, with 2A or 2B allowed at positions 6-7 (Corsica)';
  if (!isValidNir(value)) return 'has a key that does not match the number (97 - number mod 97)';
  return undefined;
}

/** Appends the key to a 13-character number (seeding and tests). */
export function withNirKey(first13: string): string {
  return `${first13}${String(nirKey(first13)).padStart(2, '0')}`;
}
