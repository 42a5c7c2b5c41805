import { hostname } from 'node:os';
import type { SupportedDataType } from '@ledgerlink/models';
import {
  ConnectorAuthError,
  ConnectorNotSupportedError,
  ConnectorUnavailableError,
  ConnectorValidationError,
  type WriteOperation,
  type WriteResult,
} from '../connector';
import { type Db, assertWritableSchema, bookRoots, lockHolders, openBook } from './gnucash.book';
import { readOne } from './gnucash.read';
import { CUSTOMER_SIDE, VENDOR_SIDE } from './gnucash.read-documents';
import { findByOperationKey, markOperation } from './gnucash.slots';
import { createDocument } from './gnucash.write-documents';
import { createJournalEntry } from './gnucash.write-journal';
import { createAccount, createParty } from './gnucash.write-master';
import type { WriteContext } from './gnucash.write-support';

type Creatable = 'chartOfAccounts' | 'customers' | 'suppliers' | 'invoices' | 'bills' | 'journalEntries';

const CREATORS: Record<Creatable, (ctx: WriteContext, record: Record<string, unknown>) => string> = {
  chartOfAccounts: createAccount,
  customers: (ctx, r) => createParty(ctx, r, 'customers'),
  suppliers: (ctx, r) => createParty(ctx, r, 'vendors'),
  invoices: (ctx, r) => createDocument(ctx, r, CUSTOMER_SIDE),
  bills: (ctx, r) => createDocument(ctx, r, VENDOR_SIDE),
  journalEntries: createJournalEntry,
};

export const CREATABLE = Object.keys(CREATORS) as Creatable[];
const isCreatable = (t: SupportedDataType): t is Creatable => (CREATABLE as string[]).includes(t);

/**
 * Creates one record in one SQLite transaction (BEGIN IMMEDIATE). A record an earlier run of the
 * same operation key created is returned instead (the key is a slot on the record). Nothing is
 * written while GnuCash has the book open (a `gnclock` row); while writing, the connector holds
 * that lock itself so GnuCash cannot open the book half-written.
 */
export function writeBook(path: string | undefined, op: WriteOperation, now: Date): WriteResult {
  if (op.type !== 'Create' || !isCreatable(op.dataType)) {
    throw new ConnectorNotSupportedError(`GnuCash: ${op.type} of ${op.dataType} is not supported.`);
  }
  if (!op.key) throw new ConnectorValidationError('The operation has no key.');
  if (!op.record || typeof op.record !== 'object') throw new ConnectorValidationError('The operation has no record.', [{ message: 'record is required' }]);
  const dataType = op.dataType;
  const record = op.record;
  const db = openBook(path, 'write');
  try {
    assertWritableSchema(db);
    return db
      .transaction((): WriteResult => {
        const done = findByOperationKey(db, op.key);
        if (done) return result(db, dataType, done, op.key);
        const holders = lockHolders(db);
        if (holders.length) {
          const who = holders.map((h) => `${h.hostname || 'unknown host'} (pid ${h.pid})`).join(', ');
          throw new ConnectorUnavailableError(
            `The GnuCash book is open in GnuCash on ${who}; close it there (or, after a crash, open and close it once) and the write will be retried.`,
          );
        }
        const me = { host: `ledgerlink@${hostname()}`, pid: process.pid };
        db.prepare('INSERT INTO gnclock(Hostname, PID) VALUES (?, ?)').run(me.host, me.pid);
        try {
          const ctx: WriteContext = { db, roots: bookRoots(db), now, key: op.key };
          const guid = CREATORS[dataType](ctx, record);
          markOperation(db, guid, op.key);
          return result(db, dataType, guid, op.key);
        } finally {
          db.prepare('DELETE FROM gnclock WHERE Hostname = ? AND PID = ?').run(me.host, me.pid);
        }
      })
      .immediate();
  } catch (e) {
    throw sqliteError(e);
  } finally {
    db.close();
  }
}

function result(db: Db, dataType: Creatable, id: string, key: string): WriteResult {
  const record = readOne(db, dataType, id);
  if (!record) throw new ConnectorValidationError(`Operation key ${key} was already used for a record that is not in ${dataType}.`);
  return { record, changes: [{ type: 'Created', recordRef: { id, dataType } }] };
}

/** SQLite's busy/read-only failures as the connector errors the platform understands. */
function sqliteError(e: unknown): unknown {
  const code = (e as { code?: unknown })?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new ConnectorUnavailableError('The GnuCash book is busy (another program is writing to it); try again later.');
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) return new ConnectorAuthError('The connector may not write to the GnuCash book file (file permissions).', 'bookPath');
  return e;
}
