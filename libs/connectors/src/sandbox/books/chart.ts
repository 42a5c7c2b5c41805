import type { Account, AccountType, TaxRate } from '@ledgerlink/models';

/** One account of the fixed chart: nominal code, name, fully qualified category. */
type ChartRow = readonly [code: string, name: string, category: string];

/** A small UK trading company's chart (Sage/Xero-like nominal codes). */
const CHART: readonly ChartRow[] = [
  ['0030', 'Office Equipment', 'Asset.Fixed'],
  ['0031', 'Office Equipment Depreciation', 'Asset.Fixed'],
  ['0050', 'Motor Vehicles', 'Asset.Fixed'],
  ['1001', 'Stock', 'Asset.Current'],
  ['1100', 'Accounts Receivable', 'Asset.Current'],
  ['1200', 'Business Current Account', 'Asset.Bank'],
  ['1210', 'Business Savings Account', 'Asset.Bank'],
  ['1230', 'Petty Cash', 'Asset.Current'],
  ['2100', 'Accounts Payable', 'Liability.Current'],
  ['2109', 'Accruals', 'Liability.Current'],
  ['2200', 'VAT Liability', 'Liability.Current'],
  ['2210', 'PAYE and NIC', 'Liability.Current'],
  ['2300', 'Bank Loan', 'Liability.NonCurrent'],
  ['2310', 'Company Credit Card', 'Liability.Current'],
  ['3000', 'Share Capital', 'Equity.Owners'],
  ['3200', 'Retained Earnings', 'Equity.RetainedEarnings'],
  ['3260', 'Dividends', 'Equity.Owners'],
  ['4000', 'Sales', 'Income.Revenue'],
  ['4010', 'Services', 'Income.Revenue'],
  ['4020', 'Subscriptions', 'Income.Revenue'],
  ['4900', 'Other Income', 'Income.Other'],
  ['4910', 'Interest Income', 'Income.Other'],
  ['5000', 'Cost of Goods Sold', 'Expense.CostOfSales'],
  ['5100', 'Carriage', 'Expense.CostOfSales'],
  ['6100', 'Advertising and Marketing', 'Expense.Overheads'],
  ['7000', 'Wages and Salaries', 'Expense.Payroll'],
  ['7100', 'Rent and Rates', 'Expense.Overheads'],
  ['7200', 'Utilities', 'Expense.Overheads'],
  ['7500', 'Telephone and Internet', 'Expense.Overheads'],
  ['7600', 'Professional Fees', 'Expense.Overheads'],
  ['7900', 'Bank Charges', 'Expense.Overheads'],
  ['8000', 'Depreciation', 'Expense.Overheads'],
  ['8200', 'Software Subscriptions', 'Expense.Overheads'],
];

/** The categories an account may be created in, with display names (options and write validation). */
export const ACCOUNT_CATEGORIES: Readonly<Record<string, string>> = {
  'Asset.Fixed': 'Fixed Asset',
  'Asset.Current': 'Current Asset',
  'Asset.Bank': 'Bank Account',
  'Liability.Current': 'Current Liability',
  'Liability.NonCurrent': 'Non-current Liability',
  'Equity.Owners': "Owners' Equity",
  'Equity.RetainedEarnings': 'Retained Earnings',
  'Income.Revenue': 'Revenue',
  'Income.Other': 'Other Income',
  'Expense.CostOfSales': 'Cost of Sales',
  'Expense.Payroll': 'Payroll',
  'Expense.Overheads': 'Overheads',
};

export const accountId = (code: string) => `acc-${code}`;

/** The type is the category's first segment. */
export const accountType = (category: string) => category.split('.')[0] as AccountType;

const CHART_MODIFIED = '2023-01-02T09:00:00.000Z';

export const ACCOUNTS: readonly Account[] = CHART.map(([code, name, category]) => ({
  id: accountId(code),
  nominalCode: code,
  name,
  description: `${name} (${ACCOUNT_CATEGORIES[category]})`,
  fullyQualifiedCategory: category,
  fullyQualifiedName: `${category}.${name}`,
  currency: 'GBP',
  type: accountType(category),
  status: 'Active',
  isBankAccount: category === 'Asset.Bank',
  sourceModifiedDate: CHART_MODIFIED,
}));

/** A reference to one of the fixed accounts by nominal code (shared by generated records, so frozen). */
export function accountRef(code: string): { id: string; name: string } {
  const a = ACCOUNTS.find((x) => x.nominalCode === code);
  if (!a?.name) throw new Error(`No sandbox account ${code}`);
  return Object.freeze({ id: a.id, name: a.name });
}

const byCategory = (prefix: string) => ACCOUNTS.filter((a) => a.fullyQualifiedCategory?.startsWith(prefix)).map((a) => ({ id: a.id, name: a.name as string }));
export const INCOME_ACCOUNTS = byCategory('Income.Revenue');
export const EXPENSE_ACCOUNTS = byCategory('Expense.');
export const BANK_ACCOUNTS = byCategory('Asset.Bank');

export const TAX_RATES: readonly TaxRate[] = [
  ['tax-std', 'SR', 'Standard Rate VAT', 20],
  ['tax-red', 'RR', 'Reduced Rate VAT', 5],
  ['tax-zero', 'ZR', 'Zero Rated VAT', 0],
  ['tax-ex', 'EX', 'Exempt', 0],
  ['tax-none', 'NV', 'No VAT', 0],
].map(([id, code, name, rate]) => ({
  id: id as string,
  code: code as string,
  name: name as string,
  effectiveTaxRate: rate as number,
  totalTaxRate: rate as number,
  components: [{ name: name as string, rate: rate as number, isCompound: false }],
  status: 'Active',
  sourceModifiedDate: CHART_MODIFIED,
}));

/** Tax rate refs as line items carry them (shared and frozen); drawn with weights (mostly standard rate). */
export const TAX_REFS = TAX_RATES.map((t) => Object.freeze({ id: t.id, name: t.name as string, effectiveTaxRate: t.effectiveTaxRate as number }));
export const TAX_WEIGHTED = [0, 0, 0, 0, 0, 0, 0, 1, 2, 3].map((i) => TAX_REFS[i]);
