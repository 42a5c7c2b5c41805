import { type ConnectorStore, ConnectorNotSupportedError, ConnectorValidationError, type WriteOperation, type WriteResult } from '../connector';
import type { Books } from './books/books';
import { canWrite } from './sandbox.features';
import type { Simulation } from './sandbox.simulation';
import { isObject } from './writes/checker';
import { BILL, deleteDocument, INVOICE, writeDocument } from './writes/documents';
import { Ledger } from './writes/ledger';
import { BILL_PAYMENT, createPayment, deletePayment, PAYMENT } from './writes/payments';
import { createAccount, createJournalEntry, deleteJournalEntry, writeContact } from './writes/reference';

type Handler = (l: Ledger, op: WriteOperation, record: Record<string, unknown>) => Promise<WriteResult>;

const HANDLERS: Record<string, Handler> = {
  'chartOfAccounts:Create': createAccount,
  'customers:Create': (l, op, r) => writeContact(l, op, r, 'customers'),
  'customers:Update': (l, op, r) => writeContact(l, op, r, 'customers'),
  'suppliers:Create': (l, op, r) => writeContact(l, op, r, 'suppliers'),
  'suppliers:Update': (l, op, r) => writeContact(l, op, r, 'suppliers'),
  'invoices:Create': (l, op, r) => writeDocument(l, op, r, INVOICE),
  'invoices:Update': (l, op, r) => writeDocument(l, op, r, INVOICE),
  'invoices:Delete': (l, op) => deleteDocument(l, op, INVOICE),
  'bills:Create': (l, op, r) => writeDocument(l, op, r, BILL),
  'bills:Update': (l, op, r) => writeDocument(l, op, r, BILL),
  'bills:Delete': (l, op) => deleteDocument(l, op, BILL),
  'payments:Create': (l, op, r) => createPayment(l, op, r, PAYMENT),
  'billPayments:Create': (l, op, r) => createPayment(l, op, r, BILL_PAYMENT),
  'billPayments:Delete': (l, op) => deletePayment(l, op, BILL_PAYMENT),
  'journalEntries:Create': createJournalEntry,
  'journalEntries:Delete': deleteJournalEntry,
};

/**
 * Writes go to the platform's connector store and show up in later reads. A key that already ran
 * answers its recorded result without writing again.
 */
export async function writeRecord(books: Books, sim: Simulation, store: ConnectorStore | undefined, now: () => Date, op: WriteOperation): Promise<WriteResult> {
  if (!store) throw new Error('The sandbox cannot write without a connector store: the platform must pass ctx.store');
  if (typeof op.key !== 'string' || op.key === '') throw new Error('A write operation needs its push operation key');
  const handler = HANDLERS[`${op.dataType}:${op.type}`];
  if (!handler || !canWrite(op.dataType, op.type)) throw new ConnectorNotSupportedError(`The sandbox does not support ${op.type} for ${op.dataType}`);
  await sim.write(op.key);
  const done = await store.getOperation(op.key);
  if (done) return done;
  if (op.type !== 'Create' && !op.recordId) throw new ConnectorValidationError(`${op.type} needs a record id`, [{ itemId: 'id', message: 'id: is required' }]);
  if (op.type !== 'Delete' && !isObject(op.record)) throw new ConnectorValidationError(`${op.type} needs a record`, [{ itemId: 'record', message: 'record: is required' }]);
  const result = await handler(new Ledger(books, store, now), op, op.record ?? {});
  await store.putOperation(op.key, result);
  return result;
}
