import { withNirKey } from '@ij/ledger';
import type { SeededRandom } from './seeded-random';

/** Departments of birth in metropolitan France, Corsica (2A, 2B) included. */
const DEPARTMENTS: readonly string[] = [
  ...Array.from({ length: 19 }, (_, index) => String(index + 1).padStart(2, '0')),
  '2A',
  '2B',
  ...Array.from({ length: 75 }, (_, index) => String(index + 21)),
];
const COMMUNES = 989;
const BIRTH_ORDERS = 999;
const PLACES = DEPARTMENTS.length * COMMUNES * BIRTH_ORDERS;
/** Coprime with PLACES (2⁵·3⁴·23·37·43): index ↦ index × STRIDE mod PLACES is a bijection that scatters neighbours. */
const STRIDE = 7_919;
/** Each seed starts a million places further, so populations of different seeds (under a million) never share a NIR. */
const PLACES_PER_SEED = 1_000_003;

export type Sex = 'MALE' | 'FEMALE';

/**
 * A valid NIR, unique per policyholder index (up to 94 million) and seed: the place of birth (department,
 * commune, birth order) is a bijection of the two; sex, year and month of birth come from the policyholder's draws.
 */
export function syntheticNir(index: number, seed: number, sex: Sex, random: SeededRandom): string {
  const slot = (index + (seed % PLACES) * PLACES_PER_SEED) % PLACES;
  const place = (slot * STRIDE) % PLACES;
  const department = DEPARTMENTS[Math.floor(place / (COMMUNES * BIRTH_ORDERS))];
  const commune = String((Math.floor(place / BIRTH_ORDERS) % COMMUNES) + 1).padStart(3, '0');
  const order = String((place % BIRTH_ORDERS) + 1).padStart(3, '0');
  const year = String(random.integer(1960, 2004) % 100).padStart(2, '0');
  const month = String(random.integer(1, 12)).padStart(2, '0');
  return withNirKey(`${sex === 'MALE' ? '1' : '2'}${year}${month}${department}${commune}${order}`);
}
