import { SUPPORTED_DATA_TYPES } from '@ledgerlink/models';

/** The data types Ledgerlink syncs today, in the order the portal lists them (the default sync order). */
export const SYNC_DATA_TYPES = SUPPORTED_DATA_TYPES;

const LABELS: Record<string, string> = {
  company: 'Company info',
  chartOfAccounts: 'Chart of accounts',
  customers: 'Customers',
  suppliers: 'Suppliers',
  invoices: 'Invoices',
  bills: 'Bills',
  payments: 'Payments',
  billPayments: 'Bill payments',
  taxRates: 'Tax rates',
  journalEntries: 'Journal entries',
};

/** "billPayments" → "Bill payments"; unknown keys are split on capitals the same way. */
export function dataTypeLabel(dataType: string): string {
  const known = LABELS[dataType];
  if (known) return known;
  const words = dataType
    .replace(/-/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words ? words[0].toUpperCase() + words.slice(1) : dataType;
}

/** The portal's order first, then any other type the API reports, alphabetically. */
export function orderDataTypes(extra: Iterable<string> = []): string[] {
  const known = new Set<string>(SYNC_DATA_TYPES);
  const others = [...new Set(extra)].filter((t) => !known.has(t)).sort();
  return [...SYNC_DATA_TYPES, ...others];
}
