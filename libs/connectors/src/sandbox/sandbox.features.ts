import type { ConnectorMetadata } from '../connector';

const get = { Get: 'Release' } as const;
const create = { Get: 'Release', Post: 'Release', Put: 'NotSupported', Delete: 'NotSupported' } as const;
const createUpdate = { ...create, Put: 'Release' } as const;
const all = { ...createUpdate, Delete: 'Release' } as const;

/** What the sandbox offers, as the contract's push table (5.2) has it; every Release is implemented. */
export const SANDBOX_FEATURES: ConnectorMetadata['features'] = {
  chartOfAccounts: create,
  customers: createUpdate,
  suppliers: createUpdate,
  invoices: all,
  bills: all,
  payments: create,
  billPayments: { ...create, Delete: 'Release' },
  taxRates: get,
  journalEntries: { ...create, Delete: 'Release' },
  company: get,
};

const FEATURE_OF = { Create: 'Post', Update: 'Put', Delete: 'Delete' } as const;

/** Whether a write operation is offered for a data type. */
export const canWrite = (dataType: string, type: keyof typeof FEATURE_OF) =>
  SANDBOX_FEATURES[dataType as keyof typeof SANDBOX_FEATURES]?.[FEATURE_OF[type]] === 'Release';
