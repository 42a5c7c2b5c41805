import { type Fraction, ZERO, add, cmp, div, frac, mul, round, sub, sum } from './gnucash.fraction';

/** One tax-table line: PERCENT (type 2, 20/1 = 20 %) or VALUE (type 1, a fixed amount per invoice line). */
export interface TaxComponent {
  account: string;
  type: number;
  amount: Fraction;
}

/** An invoice or bill line as GnuCash stores it in `entries` (the customer `i_*` or vendor `b_*` side). */
export interface EntryInput {
  quantity: Fraction;
  price: Fraction;
  discount?: Fraction;
  discountType?: string;
  discountHow?: string;
  taxable: boolean;
  taxIncluded: boolean;
  taxes: TaxComponent[];
}

export interface EntryValues {
  /** Net value after discount, exact (GnuCash rounds it per line). */
  net: Fraction;
  discount: Fraction;
  /** Tax per tax account, exact (GnuCash rounds the per-account sums of a whole document). */
  taxes: Map<string, Fraction>;
}

export const TAX_VALUE = 1;
export const TAX_PERCENT = 2;
const HUNDRED = frac(100);

/** GnuCash's gncEntryComputeValue: tax included or not, discount PRETAX, SAMETIME or POSTTAX. */
export function computeEntry(e: EntryInput): EntryValues {
  const taxes = e.taxable ? e.taxes : [];
  const percent = sum(taxes.filter((t) => t.type === TAX_PERCENT).map((t) => div(t.amount, HUNDRED)));
  const fixed = sum(taxes.filter((t) => t.type === TAX_VALUE).map((t) => t.amount));
  const aggregate = mul(e.quantity, e.price);
  const pretax = e.taxIncluded ? div(sub(aggregate, fixed), add(frac(1), percent)) : aggregate;
  const taxOn = (base: Fraction) => {
    const out = new Map<string, Fraction>();
    for (const t of taxes) {
      const amount = t.type === TAX_PERCENT ? mul(base, div(t.amount, HUNDRED)) : t.amount;
      out.set(t.account, add(out.get(t.account) ?? ZERO, amount));
    }
    return out;
  };
  const rate = e.discount ?? ZERO;
  const discountOf = (base: Fraction) => (e.discountType === 'VALUE' ? rate : mul(base, div(rate, HUNDRED)));
  if (e.discountHow === 'POSTTAX') {
    const afterTax = add(add(pretax, mul(pretax, percent)), fixed);
    const discount = discountOf(afterTax);
    return { net: sub(pretax, discount), discount, taxes: taxOn(pretax) };
  }
  const discount = discountOf(pretax);
  const net = sub(pretax, discount);
  return { net, discount, taxes: taxOn(e.discountHow === 'SAMETIME' ? pretax : net) };
}

export interface DocumentTotals {
  subTotal: Fraction;
  /** Per tax account, rounded (these become the posting's tax splits). */
  taxes: Map<string, Fraction>;
  tax: Fraction;
  total: Fraction;
}

/**
 * GnuCash's invoice totals: net values rounded per line to the currency's fraction, tax summed
 * exactly per tax account and rounded once per account (gncInvoiceGetNetAndTaxesInternal).
 */
export function documentTotals(lines: EntryValues[], currencyFraction: bigint): DocumentTotals {
  const exact = new Map<string, Fraction>();
  for (const l of lines) for (const [acc, v] of l.taxes) exact.set(acc, add(exact.get(acc) ?? ZERO, v));
  const taxes = new Map([...exact].map(([acc, v]) => [acc, round(v, currencyFraction)] as const));
  const subTotal = sum(lines.map((l) => round(l.net, currencyFraction)));
  const tax = sum([...taxes.values()]);
  return { subTotal, taxes, tax, total: add(subTotal, tax) };
}

/** Submitted / PartiallyPaid / Paid from what is still due on a posted document. */
export function paymentState(total: Fraction, due: Fraction): 'Unpaid' | 'PartiallyPaid' | 'Paid' {
  if (cmp(due, ZERO) <= 0 && cmp(total, ZERO) > 0) return 'Paid';
  if (cmp(due, ZERO) === 0) return 'Paid';
  return cmp(due, total) >= 0 ? 'Unpaid' : 'PartiallyPaid';
}
