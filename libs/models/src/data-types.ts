/** DataType keys (contract 7.2). A closed set: the official SDKs reject anything else. */
export const ACCOUNTING_DATA_TYPES = [
  'accountTransactions',
  'balanceSheet',
  'bankAccounts',
  'bankTransactions',
  'billCreditNotes',
  'billPayments',
  'bills',
  'cashFlowStatement',
  'chartOfAccounts',
  'company',
  'creditNotes',
  'customers',
  'directCosts',
  'directIncomes',
  'invoices',
  'itemReceipts',
  'items',
  'journalEntries',
  'journals',
  'paymentMethods',
  'payments',
  'profitAndLoss',
  'purchaseOrders',
  'salesOrders',
  'suppliers',
  'taxRates',
  'trackingCategories',
  'transfers',
] as const;

export const BANKING_DATA_TYPES = [
  'banking-accountBalances',
  'banking-accounts',
  'banking-transactionCategories',
  'banking-transactions',
] as const;

export const COMMERCE_DATA_TYPES = [
  'commerce-companyInfo',
  'commerce-customers',
  'commerce-disputes',
  'commerce-locations',
  'commerce-orders',
  'commerce-paymentMethods',
  'commerce-payments',
  'commerce-productCategories',
  'commerce-products',
  'commerce-taxComponents',
  'commerce-transactions',
] as const;

export const DATA_TYPES = [...ACCOUNTING_DATA_TYPES, ...BANKING_DATA_TYPES, ...COMMERCE_DATA_TYPES] as const;
export type DataType = (typeof DATA_TYPES)[number];

export function isDataType(value: unknown): value is DataType {
  return typeof value === 'string' && (DATA_TYPES as readonly string[]).includes(value);
}

/** The data types Ledgerlink's connectors read and write today, in their default sync order. */
export const SUPPORTED_DATA_TYPES = [
  'company',
  'chartOfAccounts',
  'customers',
  'suppliers',
  'invoices',
  'bills',
  'payments',
  'billPayments',
  'taxRates',
  'journalEntries',
] as const satisfies readonly DataType[];
export type SupportedDataType = (typeof SUPPORTED_DATA_TYPES)[number];
