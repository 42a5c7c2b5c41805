import { describe, expect, it } from '@jest/globals';
import { type EntryInput, TAX_PERCENT, TAX_VALUE, computeEntry, documentTotals, paymentState } from '../gnucash.entries';
import { type Fraction, frac, parseDecimal, toDecimalString } from '../gnucash.fraction';

const d = (v: string) => parseDecimal(v) as Fraction;
const VAT20 = [{ account: 'vat', type: TAX_PERCENT, amount: frac(20) }];
const FIXED5 = [{ account: 'vat', type: TAX_VALUE, amount: frac(5) }];

function line(quantity: string, price: string, extra: Partial<EntryInput> = {}): EntryInput {
  return { quantity: d(quantity), price: d(price), taxable: true, taxIncluded: false, taxes: VAT20, discountHow: 'PRETAX', discountType: 'PERCENT', ...extra };
}

/** [subtotal, tax, total] as GnuCash shows them for a document of these lines (EUR, cents). */
function totals(...lines: EntryInput[]): string[] {
  const t = documentTotals(lines.map(computeEntry), 100n);
  return [t.subTotal, t.tax, t.total].map((f) => toDecimalString(f));
}

// Expected values were measured with GnuCash 4.13 itself (Invoice.GetTotalSubtotal/GetTotalTax/GetTotal).
describe('GnuCash invoice arithmetic', () => {
  it('computes the known invoice INV-0001', () => {
    expect(totals(line('10', '120'), line('1', '50.50'))).toEqual(['1250.50', '250.10', '1500.60']);
  });

  it('rounds each line half up, but tax once per tax account', () => {
    expect(totals(line('1', '0.125'))).toEqual(['0.13', '0.03', '0.16']);
    expect(totals(line('1', '-0.125'))).toEqual(['-0.13', '-0.03', '-0.16']);
    expect(totals(line('3', '0.333'))).toEqual(['1.00', '0.20', '1.20']);
    const mixed = [
      line('1', '0.125'),
      line('3', '0.333'),
      line('2', '10', { taxes: FIXED5 }),
      line('4', '25', { discount: d('10'), discountType: 'VALUE' }),
      line('1', '100', { discount: d('10') }),
    ];
    expect(totals(...mixed)).toEqual(['201.13', '41.22', '242.35']);
  });

  it('charges a VALUE tax once per line, whatever the quantity', () => {
    expect(totals(line('2', '10', { taxes: FIXED5 }))).toEqual(['20.00', '5.00', '25.00']);
    expect(totals(line('3', '33.33', { taxes: FIXED5, taxIncluded: true }))).toEqual(['94.99', '5.00', '99.99']);
  });

  it('applies discounts before tax, at the same time, or after tax', () => {
    const valueOf10 = { discount: d('10'), discountType: 'VALUE' };
    expect(totals(line('3', '33.33', { ...valueOf10, discountHow: 'SAMETIME' }))).toEqual(['89.99', '20.00', '109.99']);
    expect(totals(line('3', '33.33', { ...valueOf10, discountHow: 'POSTTAX' }))).toEqual(['89.99', '20.00', '109.99']);
    expect(totals(line('3', '33.33', { discount: d('10'), discountHow: 'POSTTAX' }))).toEqual(['87.99', '20.00', '107.99']);
  });

  it('takes tax out of tax-included prices', () => {
    expect(totals(line('1', '120', { taxIncluded: true }))).toEqual(['100.00', '20.00', '120.00']);
    expect(totals(line('3', '33.33', { taxIncluded: true, discount: d('10') }))).toEqual(['74.99', '15.00', '89.99']);
    expect(totals(line('3', '33.33', { taxIncluded: true, discount: d('5'), discountType: 'VALUE', discountHow: 'POSTTAX' }))).toEqual(['78.33', '16.67', '95.00']);
  });

  it('ignores the tax table of an untaxed line', () => {
    expect(totals(line('2', '10', { taxable: false }))).toEqual(['20.00', '0.00', '20.00']);
  });

  it('derives the payment state from what is still due', () => {
    expect(paymentState(frac(150060, 100), frac(150060, 100))).toBe('Unpaid');
    expect(paymentState(frac(150060, 100), frac(100060, 100))).toBe('PartiallyPaid');
    expect(paymentState(frac(150060, 100), frac(0))).toBe('Paid');
    expect(paymentState(frac(100), frac(-5))).toBe('Paid');
    expect(paymentState(frac(0), frac(0))).toBe('Paid');
  });
});
