/**
 * The SIRET (an employer's establishment number, INSEE): 14 digits whose Luhn sum is a multiple of 10.
 * (La Poste's establishments, SIREN 356 000 000, follow another check; they are not employers here.)
 */
const SIRET_SHAPE = /^\d{14}$/u;

export function isValidSiret(value: unknown): value is string {
  return typeof value === 'string' && SIRET_SHAPE.test(value) && luhnSum(value) % 10 === 0;
}

/** Why a SIRET is refused, for a field error. */
export function siretProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !SIRET_SHAPE.test(value)) return 'must be a SIRET: 14 digits';
  if (!isValidSiret(value)) return 'is not a valid SIRET (Luhn check fails)';
  return undefined;
}

/** Luhn: from the right, every second digit doubled (less 9 when above 9), all digits summed. */
function luhnSum(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((character, index) => {
    const digit = Number(character);
    const doubled = index % 2 === 1 ? digit + digit : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  return sum;
}
