import {
  type AuthorizeResult,
  ConnectorAuthError,
  type ConnectorDefinition,
  ConnectorUnavailableError,
} from '../connector';
import { TrytonBooks } from './tryton.books';
import { TRYTON_LOGO_SVG } from './tryton.logo';
import { buildOptions } from './tryton.options';
import { readRecords } from './tryton.read';
import { TrytonClient, TrytonFault, TrytonHttpError } from './tryton.rpc';
import { writeRecord } from './tryton.write';

const all = { Get: 'Release', Post: 'Release', Put: 'Release', Delete: 'Release' } as const;
const getPost = { Get: 'Release', Post: 'Release', Put: 'NotSupported', Delete: 'NotSupported' } as const;
const getPostPut = { ...getPost, Put: 'Release' } as const;
const getOnly = { Get: 'Release', Post: 'NotSupported', Put: 'NotSupported', Delete: 'NotSupported' } as const;

async function authorize(client: TrytonClient, books: TrytonBooks, database: string): Promise<AuthorizeResult> {
  let serverVersion: string;
  try {
    serverVersion = await client.version();
  } catch (e) {
    if (e instanceof ConnectorUnavailableError || e instanceof TrytonHttpError || e instanceof TrytonFault) {
      throw new ConnectorAuthError(`No Tryton server answers at ${client.baseUrl}: ${e.message}`, 'serverUrl');
    }
    throw e;
  }
  await client.login();
  const company = await books.company().catch((e: Error) => {
    throw new ConnectorAuthError(`The Tryton user has no usable company: ${e.message}`, 'username');
  });
  return {
    companyName: company.name,
    connectionInfo: { serverVersion, database, companyId: company.id, baseCurrency: company.currencyCode },
  };
}

/** Tryton 6.x over JSON-RPC (trytond with the account_invoice and party modules). */
export const trytonDefinition: ConnectorDefinition = {
  metadata: {
    key: 'tryt',
    name: 'Tryton',
    sourceType: 'Accounting',
    isOfflineConnector: false,
    isBeta: false,
    dataProvidedBy: 'Tryton',
    logoSvg: TRYTON_LOGO_SVG,
    features: {
      chartOfAccounts: getPost,
      customers: getPostPut,
      suppliers: getPostPut,
      invoices: all,
      bills: all,
      payments: getPost,
      billPayments: getPost,
      taxRates: getOnly,
      journalEntries: getOnly,
      company: getOnly,
    },
    credentialFields: [
      { name: 'serverUrl', label: 'Server URL', type: 'url', required: true, description: 'The trytond address, e.g. https://erp.example.com:8000' },
      { name: 'database', label: 'Database', type: 'text', required: true, description: 'The Tryton database name' },
      { name: 'username', label: 'Username', type: 'text', required: true, description: 'A Tryton user with accounting rights' },
      { name: 'password', label: 'Password', type: 'password', required: true },
    ],
    dataAccessNotes: [
      "Reads the user's current company: accounts, parties (customers and suppliers), customer and supplier invoices, invoice payments, taxes and posted account moves.",
      'Writes only what you push: accounts, parties, draft or posted invoices and bills, and invoice payments made with Tryton\'s "Pay invoice" wizard.',
      'Parties created by Ledgerlink are put in the party category "Customer" or "Supplier" and carry a note with the push operation key.',
    ],
  },
  create: (ctx) => {
    const { serverUrl = '', database = '', username = '', password = '' } = ctx.credentials;
    let books: TrytonBooks | undefined;
    const connect = () => (books ??= new TrytonBooks(new TrytonClient({ serverUrl, database, username, password })));
    const now = () => ctx.now?.() ?? new Date();
    return {
      authorize: async () => {
        const b = connect();
        return authorize(b.client, b, database);
      },
      read: (dataType, options) => readRecords(connect(), dataType, options, now()),
      options: (dataType, operation) => buildOptions(connect(), dataType, operation),
      write: (operation) => writeRecord(connect(), operation, ctx.store),
      close: async () => {
        await books?.client.logout();
      },
    };
  },
};
