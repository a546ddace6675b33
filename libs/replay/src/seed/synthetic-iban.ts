import { withIbanCheckDigits } from '@ij/ledger';
import type { SeededRandom } from './seeded-random';

/**
 * A French IBAN (27 characters, ISO 13616 mod 97 check digits) from the seed's generator: bank code, branch
 * code, 11-digit account number and a 2-digit RIB key, all drawn. Only the IBAN check digits are computed:
 * the ledger checks them (not the RIB key), and no such account exists.
 */
export function syntheticIban(random: SeededRandom): string {
  const digits = (count: number) => Array.from({ length: count }, () => String(random.integer(0, 9))).join('');
  return withIbanCheckDigits('FR', `${digits(5)}${digits(5)}${digits(11)}${digits(2)}`);
}
