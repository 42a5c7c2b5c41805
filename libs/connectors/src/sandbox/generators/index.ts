import type { SupportedDataType } from '@ledgerlink/models';
import type { UnifiedRecord } from '../../connector';
import { type Books, PREFIX, recordIndex } from '../books/books';
import { ACCOUNTS, TAX_RATES } from '../books/chart';
import { makeBill } from './bills';
import { makeCustomer, makeSupplier } from './contacts';
import { makeInvoice } from './invoices';
import { makeJournalEntry } from './journals';
import { makeBillPayment, makePayment } from './payments';

export type ListDataType = Exclude<SupportedDataType, 'company'>;

/**
 * A generated data type: records 1..count, each produced on its own from (seed, index); `make` answers
 * undefined for an index with no record (e.g. no payment for an unpaid invoice).
 */
export interface Source {
  count: number;
  make(i: number): UnifiedRecord | undefined;
  /** The record's document date, for the history window (`from`); absent for reference data. */
  dateOf?(record: UnifiedRecord): string | undefined;
  /** The id of record i, or the index behind an id. */
  indexOf(id: string): number | undefined;
}

/** The fixed chart and tax rates: copies, so a caller that mutates a record cannot change the books. */
const fixed = (records: readonly UnifiedRecord[]): Source => ({
  count: records.length,
  make: (i) => (i >= 1 && i <= records.length ? structuredClone(records[i - 1]) : undefined),
  indexOf: (id) => {
    const k = records.findIndex((r) => r.id === id);
    return k < 0 ? undefined : k + 1;
  },
});

const generated = (prefix: string, count: number, make: (i: number) => object | undefined, dateField?: string): Source => ({
  count,
  make: make as (i: number) => UnifiedRecord | undefined,
  dateOf: dateField ? (r) => r[dateField] as string | undefined : undefined,
  indexOf: (id) => {
    const i = recordIndex(prefix, id);
    return i !== undefined && i <= count ? i : undefined;
  },
});

/** The generator of a data type (undefined for a type the sandbox does not have). */
export function sourceOf(b: Books, dataType: ListDataType): Source | undefined {
  const c = b.counts;
  switch (dataType) {
    case 'chartOfAccounts':
      return fixed(ACCOUNTS as UnifiedRecord[]);
    case 'taxRates':
      return fixed(TAX_RATES as UnifiedRecord[]);
    case 'customers':
      return generated(PREFIX.customers, c.customers, (i) => makeCustomer(b, i));
    case 'suppliers':
      return generated(PREFIX.suppliers, c.suppliers, (i) => makeSupplier(b, i));
    case 'invoices':
      return generated(PREFIX.invoices, c.invoices, (i) => makeInvoice(b, i), 'issueDate');
    case 'bills':
      return generated(PREFIX.bills, c.bills, (i) => makeBill(b, i), 'issueDate');
    case 'payments':
      return generated(PREFIX.payments, c.invoices, (i) => makePayment(b, i), 'date');
    case 'billPayments':
      return generated(PREFIX.billPayments, c.bills, (i) => makeBillPayment(b, i), 'date');
    case 'journalEntries':
      return generated(PREFIX.journalEntries, c.journalEntries, (i) => makeJournalEntry(b, i), 'postedOn');
    default:
      return undefined;
  }
}

/** The generated record with this id, if there is one (before any write). */
export function generatedRecord(b: Books, dataType: ListDataType, id: string): UnifiedRecord | undefined {
  const s = sourceOf(b, dataType);
  const i = s?.indexOf(id);
  return i === undefined ? undefined : s?.make(i);
}
