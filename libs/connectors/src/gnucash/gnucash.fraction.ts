/**
 * Exact rationals on bigint, as GnuCash stores money (`value_num / value_denom`). Never floats:
 * sums, tax and discounts are computed exactly, then rounded the way GnuCash rounds.
 */
export interface Fraction {
  /** Reduced: gcd(num, den) = 1 and den > 0. */
  num: bigint;
  den: bigint;
}

type Int = bigint | number | string;

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

export function frac(num: Int, den: Int = 1n): Fraction {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('Fraction with denominator 0');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

export const ZERO = frac(0);
export const add = (a: Fraction, b: Fraction) => frac(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Fraction, b: Fraction) => add(a, neg(b));
export const mul = (a: Fraction, b: Fraction) => frac(a.num * b.num, a.den * b.den);
export const div = (a: Fraction, b: Fraction) => frac(a.num * b.den, a.den * b.num);
export const neg = (a: Fraction): Fraction => ({ num: -a.num, den: a.den });
export const isZero = (a: Fraction) => a.num === 0n;
export const sum = (xs: Fraction[]) => xs.reduce(add, ZERO);
/** -1, 0 or 1 as a compares to b. */
export const cmp = (a: Fraction, b: Fraction) => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/**
 * The numerator of `a` on denominator `den`, rounded half away from zero (GnuCash's
 * GNC_HOW_RND_ROUND_HALF_UP: 0.125 → 0.13, -0.125 → -0.13).
 */
export function scaledNumerator(a: Fraction, den: bigint): bigint {
  const n = a.num * den;
  const q = n / a.den;
  const r = n % a.den;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice >= a.den) return n < 0n ? q - 1n : q + 1n;
  return q;
}

export const round = (a: Fraction, den: bigint) => frac(scaledNumerator(a, den), den);

/** The numerator on `den` if `a` is exactly representable there (e.g. 12.345 on cents is not). */
export function exactNumerator(a: Fraction, den: bigint): bigint | undefined {
  const n = a.num * den;
  return n % a.den === 0n ? n / a.den : undefined;
}

/**
 * Decimal text with at least `minPlaces` places; exact when the fraction terminates within
 * `maxPlaces` places, else rounded there ("1500.60", "0.125", "0.3333333333").
 */
export function toDecimalString(a: Fraction, minPlaces = 2, maxPlaces = 10): string {
  let places = minPlaces;
  while (places < maxPlaces && exactNumerator(a, 10n ** BigInt(places)) === undefined) places++;
  const n = scaledNumerator(a, 10n ** BigInt(places));
  const digits = (n < 0n ? -n : n).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const sign = n < 0n ? '-' : '';
  return places ? `${sign}${whole}.${digits.slice(-places)}` : `${sign}${whole}`;
}

/** The unified model's number for an exact amount. */
export const toNumber = (a: Fraction): number => Number(toDecimalString(a));

/** Parses "12.50", "-1e-7", 3 or 0.1 (from its shortest decimal text, so 0.1 is exactly 1/10). */
export function parseDecimal(value: unknown): Fraction | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const m = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(String(value).trim());
  if (!m) return undefined;
  const [, sign, whole, fraction = '', exp = '0'] = m;
  const places = BigInt(fraction.length - Number(exp));
  const mantissa = BigInt(`${sign}${whole}${fraction}`);
  return places >= 0n ? frac(mantissa, 10n ** places) : frac(mantissa * 10n ** -places);
}
