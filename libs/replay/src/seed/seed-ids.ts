import { SeededRandom } from './seeded-random';

/** What an id the seed chooses names; part of its derivation, so a stoppage id never equals a request id. */
export const SEED_ID_ROLES = { stoppage: 1, caseFile: 2, request: 3, rules: 4 } as const;

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A UUID (version 4 layout) drawn from the seed's generator for these parts: the same parts always give the
 * same id. Cheaper than a name-based UUID, which matters at tens of thousands of ids per second.
 */
export function seedId(role: number, ...parts: number[]): string {
  const random = SeededRandom.for(role, ...parts);
  const words = [random.nextUint32(), random.nextUint32(), random.nextUint32(), random.nextUint32()];
  words[1] = (words[1] & 0xffff0fff) | 0x00004000;
  words[2] = (words[2] & 0x3fffffff) | 0x80000000;
  const hex = words.map((word) => HEX[word >>> 24] + HEX[(word >>> 16) & 0xff] + HEX[(word >>> 8) & 0xff] + HEX[word & 0xff]).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
