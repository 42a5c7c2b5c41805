import { basename, extname } from 'node:path';
import type { SupportedDataType } from '@ledgerlink/models';
import { ConnectorNotSupportedError, type ReadOptions, type UnifiedRecord } from '../connector';
import { type Db, bookRoots, openBook } from './gnucash.book';
import { type Reader, type ReadContext } from './gnucash.query';
import { readBills, readInvoices } from './gnucash.read-documents';
import { readAccounts, readCompany, readTaxRates } from './gnucash.read-ledger';
import { readCustomers, readSuppliers } from './gnucash.read-parties';
import { readBillPayments, readJournalEntries, readPayments } from './gnucash.read-transactions';

const READERS: Record<Exclude<SupportedDataType, 'company'>, Reader> = {
  chartOfAccounts: readAccounts,
  customers: readCustomers,
  suppliers: readSuppliers,
  invoices: readInvoices,
  bills: readBills,
  payments: readPayments,
  billPayments: readBillPayments,
  taxRates: readTaxRates,
  journalEntries: readJournalEntries,
};

/** The company name when the book has none set: the file name without ".gnucash". */
export const fileCompanyName = (path: string) => basename(path, extname(path));

/** One record by guid, as read() would return it (used to answer writes). */
export function readOne(db: Db, dataType: Exclude<SupportedDataType, 'company'>, id: string): UnifiedRecord | undefined {
  return READERS[dataType]({ db, roots: bookRoots(db) }, { id, limit: 1 })[0] as UnifiedRecord | undefined;
}

/**
 * Streams one data type in guid order, `batchSize` records per query (keyset pagination), inside
 * one read transaction so every batch comes from the same snapshot. GnuCash's lock is ignored:
 * reading is safe while GnuCash has the book open. `modifiedSince` is ignored: GnuCash keeps no
 * modification times, so every read is a full read (`from` does narrow dated records).
 */
export async function* readBook(
  path: string | undefined,
  dataType: SupportedDataType,
  options: ReadOptions,
  track: (db: Db) => () => void,
): AsyncGenerator<UnifiedRecord[]> {
  if (dataType !== 'company' && !READERS[dataType]) throw new ConnectorNotSupportedError(`GnuCash: ${dataType} cannot be read.`);
  const db = openBook(path, 'read');
  const untrack = track(db);
  try {
    db.exec('BEGIN');
    if (dataType === 'company') {
      yield [readCompany(db, fileCompanyName(path ?? '')) as UnifiedRecord];
      return;
    }
    const ctx: ReadContext = { db, roots: bookRoots(db) };
    const limit = Math.min(Math.max(Math.trunc(options.batchSize ?? 500) || 500, 1), 5000);
    const from = options.from?.toISOString().slice(0, 10);
    let after = '';
    for (;;) {
      options.signal?.throwIfAborted();
      const batch = READERS[dataType](ctx, { after, limit, from });
      if (batch.length) yield batch as unknown as UnifiedRecord[];
      if (batch.length < limit) return;
      after = String(batch[batch.length - 1].id);
    }
  } finally {
    untrack();
    if (db.open) {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    }
  }
}
