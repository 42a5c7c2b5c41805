// Globals are read once: a hot loop that looks up `Math` per call is many times slower inside a vm
// context (Jest), and these functions run millions of times.
const { imul, floor, round, pow } = Math;

/** 32-bit avalanche mix (murmur3 finaliser over a xor/multiply of the inputs). */
export function mix(a: number, b: number): number {
  let h = imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a of a string, for keys that are not numbers (operation keys). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A mulberry32 stream seeded from (seed, salt, index): record `index` of a data type is drawn from its
 * own stream, so it can be produced without producing the records before it.
 */
export class Rng {
  private state: number;

  constructor(seed: number, salt: number, index: number) {
    this.state = mix(mix(seed, salt), index);
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [0, n). */
  int(n: number): number {
    return floor(this.next() * n);
  }

  /** Whole number in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Log-uniform whole number in [min, max]: small amounts are common, large ones rare. */
  logUniform(min: number, max: number): number {
    return round(min * pow(max / min, this.next()));
  }
}

/** Per data type salts, so invoice 7 and bill 7 draw different numbers. */
export const SALT = {
  company: 1,
  customers: 2,
  suppliers: 3,
  invoices: 4,
  bills: 5,
  journalEntries: 6,
  readFailure: 7,
  writeFailure: 8,
} as const;
