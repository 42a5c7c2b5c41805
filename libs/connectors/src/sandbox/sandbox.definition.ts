import { type ConnectorDefinition, ConnectorNotSupportedError } from '../connector';
import { SANDBOX_LOGO_SVG } from './sandbox.logo';
import { parseSandboxSettings } from './sandbox.settings';

const readWrite = { Get: 'Release', Post: 'Release', Put: 'Release', Delete: 'Release' } as const;
const readCreate = { Get: 'Release', Post: 'Release', Put: 'NotSupported', Delete: 'NotSupported' } as const;

/** The built-in sandbox: a generated company for demos, tests and benchmarks. */
export const sandboxDefinition: ConnectorDefinition = {
  metadata: {
    key: 'sbox',
    name: 'Ledgerlink Sandbox',
    sourceType: 'Accounting',
    isOfflineConnector: false,
    isBeta: false,
    dataProvidedBy: 'Ledgerlink',
    logoSvg: SANDBOX_LOGO_SVG,
    features: {
      chartOfAccounts: readCreate,
      customers: readWrite,
      suppliers: readWrite,
      invoices: readWrite,
      bills: readWrite,
      payments: readCreate,
      billPayments: { ...readCreate, Delete: 'Release' },
      taxRates: { Get: 'Release' },
      journalEntries: { ...readCreate, Delete: 'Release' },
      company: { Get: 'Release' },
    },
    credentialFields: [
      { name: 'companyName', label: 'Company name', type: 'text', required: false, description: 'Defaults to Sandbox Trading Ltd' },
      { name: 'seed', label: 'Seed', type: 'number', required: false, description: 'The same seed gives the same books' },
      { name: 'volume', label: 'Records per data type', type: 'number', required: false },
    ],
    dataAccessNotes: [
      'Reads a generated demo company: accounts, customers, suppliers, invoices, bills, payments, tax rates and journals.',
      'Nothing leaves this server: the sandbox exists for demos, tests and benchmarks.',
    ],
  },
  create: (ctx) => {
    const notYet = () => Promise.reject(new ConnectorNotSupportedError('The sandbox data generator is not built yet.'));
    return {
      async authorize() {
        const settings = parseSandboxSettings(ctx.credentials);
        return { companyName: settings.companyName, connectionInfo: { seed: settings.seed, volume: settings.volume } };
      },
      read: () => ({ [Symbol.asyncIterator]: () => ({ next: notYet }) }),
      options: notYet,
      write: notYet,
    };
  },
};
