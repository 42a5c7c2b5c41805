import type { ConnectorDefinition } from '../connector';
import { type Books, createBooks } from './books/books';
import { SANDBOX_FEATURES } from './sandbox.features';
import { SANDBOX_LOGO_SVG } from './sandbox.logo';
import { buildOptions } from './sandbox.options';
import { readRecords } from './sandbox.read';
import { parseSandboxSettings, type SandboxSettings } from './sandbox.settings';
import { Simulation } from './sandbox.simulation';
import { writeRecord } from './sandbox.write';

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
    features: SANDBOX_FEATURES,
    // modifiedSince is honoured, and deletions come back as tombstones (metadata.isDeleted).
    incrementalReads: true,
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
  /**
   * The books are generated from the seed (the same seed gives the same books); what is written is kept
   * in `ctx.store` and merged into later reads.
   */
  create: (ctx) => {
    const now = ctx.now ?? (() => new Date());
    // Settings are parsed on first use, so bad credentials reject authorize() (naming the field), not create().
    let state: { settings: SandboxSettings; books: Books; sim: Simulation } | undefined;
    const open = () => {
      if (!state) {
        const settings = parseSandboxSettings(ctx.credentials);
        state = { settings, books: createBooks(settings), sim: new Simulation(settings, now) };
      }
      return state;
    };
    return {
      async authorize() {
        const { settings } = open();
        return { companyName: settings.companyName, connectionInfo: { seed: settings.seed, volume: settings.volume } };
      },
      async *read(dataType, options) {
        const { books, sim } = open();
        yield* readRecords(books, sim, ctx.store, dataType, options);
      },
      async options(dataType, operation) {
        const { books, sim } = open();
        sim.assertOnline();
        return buildOptions(books, ctx.store, dataType, operation);
      },
      async write(operation) {
        const { books, sim } = open();
        return writeRecord(books, sim, ctx.store, now, operation);
      },
    };
  },
};
