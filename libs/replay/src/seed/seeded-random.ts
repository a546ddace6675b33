/**
 * mulberry32: a tiny 32-bit PRNG. The seed must be reproducible byte for byte across runs and machines,
 * so no Math.random and no clock: the same seed always draws the same sequence.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for one sub-story (a policyholder, a month's salary): independent of how many draws came before. */
  static for(...parts: number[]): SeededRandom {
    let hash = 0x811c9dc5;
    for (const part of parts) {
      hash = Math.imul(hash ^ (part >>> 0), 0x01000193) >>> 0;
      hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
    }
    return new SeededRandom(hash);
  }

  /** A uint32. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** An integer in `min … max`, both included. */
  integer(min: number, max: number): number {
    return min + Math.floor((this.nextUint32() / 4_294_967_296) * (max - min + 1));
  }

  /** True with probability `percent` / 100. */
  chance(percent: number): boolean {
    return this.integer(0, 99) < percent;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.integer(0, items.length - 1)];
  }

  /** One of the keys, drawn in proportion to its weight (integer weights). */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.integer(0, total - 1);
    for (const [key, weight] of entries) {
      if (draw < weight) return key;
      draw -= weight;
    }
    return entries[entries.length - 1][0];
  }
}
