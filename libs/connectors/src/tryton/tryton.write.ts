import { ConnectorNotSupportedError, ConnectorValidationError, type ConnectorStore, type WriteOperation, type WriteResult } from '../connector';
import type { TrytonBooks } from './tryton.books';
import { createAccount } from './tryton.write-accounts';
import { createDocument, deleteDocument, updateDocument } from './tryton.write-invoices';
import { createParty, updateParty } from './tryton.write-parties';
import { createPayment } from './tryton.write-payments';
import { isObject, type Rec } from './tryton.validate';

function body(op: WriteOperation): Rec {
  if (!isObject(op.record)) throw new ConnectorValidationError(`${op.type} needs a record.`, [{ itemId: 'record', message: 'The record is missing.' }]);
  return op.record;
}

async function dispatch(books: TrytonBooks, op: WriteOperation): Promise<WriteResult> {
  const { dataType, type } = op;
  switch (dataType) {
    case 'chartOfAccounts':
      if (type === 'Create') return createAccount(books, body(op), op.key);
      break;
    case 'customers':
    case 'suppliers':
      if (type === 'Create') return createParty(books, dataType, body(op), op.key);
      if (type === 'Update') return updateParty(books, dataType, op.recordId, body(op));
      break;
    case 'invoices':
    case 'bills':
      if (type === 'Create') return createDocument(books, dataType, body(op), op.key);
      if (type === 'Update') return updateDocument(books, dataType, op.recordId, body(op));
      return deleteDocument(books, dataType, op.recordId);
    case 'payments':
    case 'billPayments':
      if (type === 'Create') return createPayment(books, dataType, body(op), op.key);
      break;
    default:
      break;
  }
  throw new ConnectorNotSupportedError(`Tryton connector does not support ${type} for ${dataType}.`);
}

/**
 * write(): idempotent on `op.key`. With a store, a finished operation's result is replayed; without
 * one, creates still find their own earlier record by the marker they leave in Tryton (see
 * tryton.idempotency.ts), updates are naturally repeatable, and a repeated delete fails with a
 * validation error naming the id (the document is gone).
 */
export async function writeRecord(books: TrytonBooks, op: WriteOperation, store?: ConnectorStore): Promise<WriteResult> {
  if (!op.key) throw new ConnectorValidationError('The operation key is required.', [{ itemId: 'key', message: 'key is required.' }]);
  const done = await store?.getOperation(op.key);
  if (done) return done;
  const result = await dispatch(books, op);
  await store?.putOperation(op.key, result);
  return result;
}
