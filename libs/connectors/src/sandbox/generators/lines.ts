import type { LineItem } from '@ledgerlink/models';
import { accountRef, TAX_WEIGHTED } from '../books/chart';
import type { Rng } from '../books/random';
import { money } from '../books/time';

type Item = readonly [description: string, account: { id: string; name: string }];

export const SALES_ITEMS: readonly Item[] = [
  ['Product sale', accountRef('4000')],
  ['Wholesale order', accountRef('4000')],
  ['Consultancy (day rate)', accountRef('4010')],
  ['Installation', accountRef('4010')],
  ['Support hours', accountRef('4010')],
  ['Monthly subscription', accountRef('4020')],
  ['Annual subscription', accountRef('4020')],
];

export const PURCHASE_ITEMS: readonly Item[] = [
  ['Stock purchase', accountRef('5000')],
  ['Courier charges', accountRef('5100')],
  ['Online advertising', accountRef('6100')],
  ['Office rent', accountRef('7100')],
  ['Electricity', accountRef('7200')],
  ['Broadband and phones', accountRef('7500')],
  ['Accountancy fees', accountRef('7600')],
  ['Software licence', accountRef('8200')],
];

const { round } = Math;
const QUANTITIES = [1, 1, 1, 1, 2, 2, 3, 5, 10, 12];

/** Line items with their totals in pence: every line's subTotal + taxAmount = totalAmount, exactly. */
export function makeLines(r: Rng, items: readonly Item[]): { lineItems: LineItem[]; sub: number; tax: number } {
  const n = r.between(1, 3);
  const lineItems: LineItem[] = [];
  let sub = 0;
  let tax = 0;
  for (let k = 0; k < n; k++) {
    const [description, account] = r.pick(items);
    const taxRate = r.pick(TAX_WEIGHTED);
    const unit = r.logUniform(500, 200_000);
    const quantity = r.pick(QUANTITIES);
    const lineSub = unit * quantity;
    const lineTax = round((lineSub * taxRate.effectiveTaxRate) / 100);
    lineItems.push({
      description,
      unitAmount: money(unit),
      quantity,
      subTotal: money(lineSub),
      taxAmount: money(lineTax),
      totalAmount: money(lineSub + lineTax),
      accountRef: account,
      taxRateRef: taxRate,
    });
    sub += lineSub;
    tax += lineTax;
  }
  return { lineItems, sub, tax };
}
