import { describe, expect, it } from '@jest/globals';
import { add, cmp, exactNumerator, frac, parseDecimal, round, scaledNumerator, sub, sum, toDecimalString, toNumber } from '../gnucash.fraction';

const dec = (v: string | number) => {
  const f = parseDecimal(v);
  if (!f) throw new Error(`not a decimal: ${v}`);
  return f;
};

describe('GnuCash fractions', () => {
  it('keeps fractions reduced with a positive denominator', () => {
    expect(frac(150060, 100)).toEqual({ num: 7503n, den: 5n });
    expect(frac(1, -2)).toEqual({ num: -1n, den: 2n });
    expect(frac(0, 7)).toEqual({ num: 0n, den: 1n });
    expect(() => frac(1, 0)).toThrow(RangeError);
  });

  it('adds exactly where floats do not (0.1 + 0.2 - 0.3 = 0)', () => {
    expect(cmp(sub(add(dec(0.1), dec(0.2)), dec(0.3)), frac(0))).toBe(0);
    expect(sum(Array.from({ length: 10 }, () => dec('0.1')))).toEqual(frac(1));
  });

  it('prints at least two places, exact where the fraction terminates', () => {
    expect(toDecimalString(frac(150060, 100))).toBe('1500.60');
    expect(toDecimalString(frac(1, 8))).toBe('0.125');
    expect(toDecimalString(frac(-5, 100))).toBe('-0.05');
    expect(toDecimalString(frac(0))).toBe('0.00');
    expect(toDecimalString(frac(1, 3))).toBe('0.3333333333');
    expect(toDecimalString(frac(10n ** 20n + 1n, 100))).toBe('1000000000000000000.01');
  });

  it('converts to numbers for the unified model', () => {
    expect(toNumber(frac(150060, 100))).toBe(1500.6);
    expect(toNumber(frac(-24010, 100))).toBe(-240.1);
  });

  it('rounds half away from zero, like GnuCash (ROUND_HALF_UP)', () => {
    expect(scaledNumerator(dec('0.125'), 100n)).toBe(13n);
    expect(scaledNumerator(dec('-0.125'), 100n)).toBe(-13n);
    expect(scaledNumerator(dec('0.124999'), 100n)).toBe(12n);
    expect(scaledNumerator(dec('0.135'), 100n)).toBe(14n);
    expect(round(dec('0.999'), 100n)).toEqual(frac(1));
  });

  it('tells whether an amount fits a currency fraction', () => {
    expect(exactNumerator(dec('12.34'), 100n)).toBe(1234n);
    expect(exactNumerator(dec('12.345'), 100n)).toBeUndefined();
    expect(exactNumerator(dec('-7'), 1n)).toBe(-7n);
  });

  it('parses decimal text and numbers exactly', () => {
    expect(dec('12.50')).toEqual(frac(25, 2));
    expect(dec(0.1)).toEqual(frac(1, 10));
    expect(dec('1e-7')).toEqual(frac(1, 10_000_000));
    expect(dec('-1.5e+3')).toEqual(frac(-1500));
    expect(dec('+3')).toEqual(frac(3));
    for (const bad of ['abc', '', '1,5', NaN, Infinity, null, undefined, {}]) expect(parseDecimal(bad)).toBeUndefined();
  });
});
