/**
 * Exact decimal arithmetic for hledger amounts. hledger sends amounts as
 * `{ decimalMantissa, decimalPlaces }` (value = mantissa / 10^places); the unified model carries JS
 * numbers. Sums are done on bigint mantissas so 0.1 + 0.2 - 0.3 is exactly zero.
 */
export interface Decimal {
  /** value = mantissa / 10^places, normalised: no trailing zeros in the mantissa unless places is 0. */
  mantissa: bigint;
  places: number;
}

export const ZERO: Decimal = { mantissa: 0n, places: 0 };

function normalise(d: Decimal): Decimal {
  let { mantissa, places } = d;
  if (mantissa === 0n) return ZERO;
  while (places > 0 && mantissa % 10n === 0n) {
    mantissa /= 10n;
    places -= 1;
  }
  return { mantissa, places };
}

/** Parses a plain or exponent decimal string ("12.50", "-1e-7", "1.5e+21"). Undefined if it is not one. */
export function parseDecimalString(text: string): Decimal | undefined {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const [, sign, whole, frac = '', exp = '0'] = m;
  let mantissa = BigInt(`${whole}${frac}`);
  let places = frac.length - Number(exp);
  if (places < 0) {
    mantissa *= 10n ** BigInt(-places);
    places = 0;
  }
  return normalise({ mantissa: sign === '-' ? -mantissa : mantissa, places });
}

/**
 * The exact decimal a JS number stands for, taken from its shortest round-trip representation
 * (so 0.1 is 1/10, not the binary double nearest to it).
 */
export function decimalFromNumber(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite number: ${n}`);
  const d = parseDecimalString(String(n));
  if (!d) throw new RangeError(`Cannot represent ${n} as a decimal`);
  return d;
}

/** From hledger's JSON quantity. */
export function decimalFromHledger(q: { decimalMantissa: number; decimalPlaces: number }): Decimal {
  // JSON.parse already turned the mantissa into a double; integers up to 2^53 are exact.
  return normalise({ mantissa: BigInt(Math.trunc(q.decimalMantissa)), places: q.decimalPlaces });
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const places = Math.max(a.places, b.places);
  const am = a.mantissa * 10n ** BigInt(places - a.places);
  const bm = b.mantissa * 10n ** BigInt(places - b.places);
  return normalise({ mantissa: am + bm, places });
}

export function negateDecimal(a: Decimal): Decimal {
  return normalise({ mantissa: -a.mantissa, places: a.places });
}

export function isZero(d: Decimal): boolean {
  return d.mantissa === 0n;
}

/** "1234.5", "-0.001": plain notation, no exponent, no grouping. */
export function formatDecimal(d: Decimal): string {
  const negative = d.mantissa < 0n;
  const digits = (negative ? -d.mantissa : d.mantissa).toString();
  if (d.places === 0) return `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(d.places + 1, '0');
  const whole = padded.slice(0, padded.length - d.places);
  const frac = padded.slice(padded.length - d.places);
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** The nearest JS number (correctly rounded by the engine's decimal parser). */
export function decimalToNumber(d: Decimal): number {
  const n = Number(formatDecimal(d));
  return Object.is(n, -0) ? 0 : n;
}
