import type { Connector, ConnectorDefinition } from '../connector';
import { type Db, gnucashRelease, openBook, stringSlot, unwritableTables } from './gnucash.book';
import { GNUCASH_LOGO_SVG } from './gnucash.logo';
import { buildOptions } from './gnucash.options';
import { fileCompanyName, readBook } from './gnucash.read';
import { writeBook } from './gnucash.write';

const readCreate = { Get: 'Release', Post: 'Release', Put: 'NotSupported', Delete: 'NotSupported' } as const;
const readOnly = { Get: 'Release', Post: 'NotSupported', Put: 'NotSupported', Delete: 'NotSupported' } as const;

/** GnuCash 4.x/5.x books saved as SQLite, read and written directly on the machine that holds them. */
export const gnucashDefinition: ConnectorDefinition = {
  metadata: {
    key: 'gncs',
    name: 'GnuCash',
    sourceType: 'Accounting',
    isOfflineConnector: true,
    isBeta: false,
    dataProvidedBy: 'Ledgerlink',
    logoSvg: GNUCASH_LOGO_SVG,
    features: {
      chartOfAccounts: readCreate,
      customers: readCreate,
      suppliers: readCreate,
      invoices: readCreate,
      bills: readCreate,
      payments: readOnly,
      billPayments: readOnly,
      taxRates: { Get: 'Release' },
      journalEntries: readCreate,
      company: { Get: 'Release' },
    },
    credentialFields: [
      {
        name: 'bookPath',
        label: 'GnuCash book file',
        type: 'text',
        required: true,
        description: 'Absolute path of the book saved in SQLite format, e.g. /home/anna/Accounts/business.gnucash',
      },
    ],
    dataAccessNotes: [
      'Reads the book file directly: accounts with balances, customers, vendors, invoices, bills, payments, tax tables, transactions and the company details from File › Properties.',
      'Writes only what you push (accounts, customers, vendors, invoices, bills, journal entries), and only while the book is closed in GnuCash.',
    ],
    setupNotes: [
      'Install the Ledgerlink connector on the computer that holds the GnuCash book; it reads and writes the file directly and must run on that machine.',
      'When the connector asks for a license key, enter your company id from the link page (the license key is the company id).',
      'The book must be saved in SQLite format: in GnuCash use File › Save As… with Data Format "sqlite3" (XML books cannot be linked).',
      'Enter the absolute path of that .gnucash file as "GnuCash book file".',
      'Reading works while GnuCash is open. Pushed changes wait until you close the book in GnuCash, then they are written.',
    ],
  },
  create(ctx): Connector {
    const path = ctx.credentials['bookPath']?.trim();
    const open = new Set<Db>();
    const track = (db: Db) => {
      open.add(db);
      return () => void open.delete(db);
    };
    const withBook = <T>(fn: (db: Db) => T): T => {
      const db = openBook(path, 'read');
      try {
        return fn(db);
      } finally {
        db.close();
      }
    };
    return {
      async authorize() {
        const db = openBook(path, 'read', 'auth');
        try {
          const companyName = stringSlot(db, 'options/Business/Company Name') ?? fileCompanyName(path ?? '');
          return { companyName, connectionInfo: { bookPath: path, gnucashVersion: gnucashRelease(db), writable: unwritableTables(db).length === 0 } };
        } finally {
          db.close();
        }
      },
      read: (dataType, options = {}) => readBook(path, dataType, options, track),
      options: async (dataType, operation) => withBook((db) => buildOptions(db, dataType, operation)),
      write: async (operation) => writeBook(path, operation, ctx.now?.() ?? new Date()),
      async close() {
        for (const db of open) db.close();
        open.clear();
      },
    };
  },
};
