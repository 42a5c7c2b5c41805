/**
 * The unified accounting models (contract section 10). Every connector maps its system's records
 * into these shapes. Optional fields are omitted when the source has no value (never null).
 */
export interface RecordMetadata {
  isDeleted?: boolean;
}

interface Common {
  id: string;
  /** When the record last changed in the source system, where the source has such a date. */
  sourceModifiedDate?: string;
  /** Set by the platform's records store, not by connectors. */
  modifiedDate?: string;
  metadata?: RecordMetadata;
  supplementalData?: { content: Record<string, Record<string, unknown>> };
}

export interface Ref {
  id?: string;
  name?: string;
}

export const ACCOUNT_TYPES = ['Unknown', 'Asset', 'Expense', 'Income', 'Liability', 'Equity'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export interface Account extends Common {
  nominalCode?: string;
  name?: string;
  description?: string;
  fullyQualifiedCategory?: string;
  fullyQualifiedName?: string;
  currency?: string;
  currentBalance?: number;
  type?: AccountType;
  status?: 'Unknown' | 'Active' | 'Archived' | 'Pending';
  isBankAccount?: boolean;
}

export interface Address {
  type: 'Unknown' | 'Billing' | 'Delivery';
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  country?: string;
  postalCode?: string;
}

export interface Customer extends Common {
  customerName?: string;
  contactName?: string;
  emailAddress?: string;
  phone?: string;
  defaultCurrency?: string;
  registrationNumber?: string;
  taxNumber?: string;
  addresses?: Address[];
  status: 'Unknown' | 'Active' | 'Archived';
}

export interface Supplier extends Common {
  supplierName?: string;
  contactName?: string;
  emailAddress?: string;
  phone?: string;
  defaultCurrency?: string;
  registrationNumber?: string;
  taxNumber?: string;
  addresses?: Address[];
  status: 'Unknown' | 'Active' | 'Archived';
}

export interface TaxRateRef {
  id?: string;
  name?: string;
  effectiveTaxRate?: number;
}

export interface LineItem {
  description?: string;
  unitAmount: number;
  quantity: number;
  discountAmount?: number;
  subTotal?: number;
  taxAmount?: number;
  totalAmount?: number;
  accountRef?: Ref;
  taxRateRef?: TaxRateRef;
  itemRef?: { id: string; name?: string };
}

export interface PaymentAllocation {
  payment: { id?: string; note?: string; reference?: string; accountRef?: Ref; currency?: string; paidOnDate?: string; totalAmount?: number };
  allocation: { currency?: string; allocatedOnDate?: string; totalAmount?: number };
}

export const INVOICE_STATUSES = ['Unknown', 'Draft', 'Submitted', 'PartiallyPaid', 'Paid', 'Void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface Invoice extends Common {
  invoiceNumber?: string;
  customerRef?: { id: string; companyName?: string };
  issueDate: string;
  dueDate?: string;
  paidOnDate?: string;
  currency?: string;
  currencyRate?: number;
  lineItems?: LineItem[];
  paymentAllocations?: PaymentAllocation[];
  totalDiscount?: number;
  subTotal?: number;
  totalTaxAmount: number;
  totalAmount: number;
  amountDue: number;
  status: InvoiceStatus;
  note?: string;
}

export const BILL_STATUSES = ['Unknown', 'Open', 'PartiallyPaid', 'Paid', 'Void', 'Draft'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

export interface Bill extends Common {
  reference?: string;
  supplierRef?: { id: string; supplierName?: string };
  issueDate: string;
  dueDate?: string;
  currency?: string;
  currencyRate?: number;
  lineItems?: LineItem[];
  paymentAllocations?: PaymentAllocation[];
  subTotal: number;
  taxAmount: number;
  totalAmount: number;
  amountDue?: number;
  status: BillStatus;
  note?: string;
}

export interface PaymentLineLink {
  type: string;
  id?: string;
  amount?: number;
  currencyRate?: number;
}

export interface PaymentLine {
  amount: number;
  allocatedOnDate?: string;
  links?: PaymentLineLink[];
}

export interface Payment extends Common {
  date: string;
  customerRef?: { id: string; companyName?: string };
  accountRef?: Ref;
  totalAmount?: number;
  currency?: string;
  currencyRate?: number;
  note?: string;
  reference?: string;
  lines?: PaymentLine[];
}

export interface BillPayment extends Common {
  date: string;
  supplierRef?: { id: string; supplierName?: string };
  accountRef?: Ref;
  totalAmount?: number;
  currency?: string;
  currencyRate?: number;
  note?: string;
  reference?: string;
  lines?: PaymentLine[];
}

export interface TaxRate extends Common {
  code?: string;
  name?: string;
  effectiveTaxRate?: number;
  totalTaxRate?: number;
  components?: { name?: string; rate?: number; isCompound: boolean }[];
  status?: 'Unknown' | 'Active' | 'Archived';
}

export interface JournalLine {
  /** Debit positive, credit negative. */
  netAmount: number;
  description?: string;
  currency?: string;
  accountRef?: Ref;
}

export interface JournalEntry extends Common {
  description?: string;
  postedOn?: string;
  createdOn?: string;
  updatedOn?: string;
  journalRef?: { id: string; name?: string };
  journalLines?: JournalLine[];
}

/** `company` data type (GET /data/info): no id, modifiedDate or metadata. */
export interface CompanyInfo {
  companyName?: string;
  companyLegalName?: string;
  accountingPlatformRef?: string;
  addresses?: Address[];
  phoneNumbers?: { number?: string; type?: string }[];
  webLinks?: { type?: 'Website' | 'Social' | 'Unknown'; url?: string }[];
  registrationNumber?: string;
  taxNumber?: string;
  financialYearStartDate?: string;
  baseCurrency?: string;
  createdDate?: string;
  sourceUrls?: Record<string, string>;
}

/** The record type of each supported data type. */
export interface RecordsByDataType {
  chartOfAccounts: Account;
  customers: Customer;
  suppliers: Supplier;
  invoices: Invoice;
  bills: Bill;
  payments: Payment;
  billPayments: BillPayment;
  taxRates: TaxRate;
  journalEntries: JournalEntry;
  company: CompanyInfo;
}

/** Read paths under /companies/{id}/data (contract 10.1). */
export const DATA_TYPE_PATHS = {
  chartOfAccounts: 'accounts',
  customers: 'customers',
  suppliers: 'suppliers',
  invoices: 'invoices',
  bills: 'bills',
  payments: 'payments',
  billPayments: 'billPayments',
  taxRates: 'taxRates',
  journalEntries: 'journalEntries',
  company: 'info',
} as const;
