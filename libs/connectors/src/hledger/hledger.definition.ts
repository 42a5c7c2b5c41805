import type { PushOption, SupportedDataType } from '@ledgerlink/models';
import {
  type AuthorizeResult,
  type Connector,
  ConnectorAuthError,
  type ConnectorContext,
  type ConnectorDefinition,
  ConnectorNotSupportedError,
  ConnectorUnavailableError,
  type ReadOptions,
  type UnifiedRecord,
  type WriteOperation,
  type WriteResult,
} from '../connector';
import { HledgerClient, HledgerProtocolError, parseBaseUrl } from './hledger.client';
import { HLEDGER_LOGO_SVG } from './hledger.logo';
import { journalEntryIds, mapAccounts, mapTransaction } from './hledger.mapping';
import { journalEntryCreateOption } from './hledger.options';
import type { HledgerTransaction } from './hledger.types';
import { buildAddBody, commodityStyles, compareWritten, findByOpKey, prepareJournalEntry } from './hledger.write';

const DEFAULT_BATCH_SIZE = 500;
/** How long to wait for hledger-web to serve a transaction it has just appended. */
const READ_BACK_ATTEMPTS = 5;
const READ_BACK_DELAY_MS = 200;

const readOnly = { Get: 'Release', Post: 'NotSupported', Put: 'NotSupported', Delete: 'NotSupported' } as const;
const readCreate = { Get: 'Release', Post: 'Release', Put: 'NotSupported', Delete: 'NotSupported' } as const;

/** The journal's file name, from the source positions hledger-web reports (never the full path). */
export function journalFileName(transactions: HledgerTransaction[]): string | undefined {
  const path = transactions.find((t) => t.tsourcepos?.[0]?.sourceName)?.tsourcepos[0].sourceName;
  if (!path) return undefined;
  return path.split(/[\\/]/).pop() || undefined;
}

function batchSizeOf(options?: ReadOptions): number {
  const n = Math.floor(options?.batchSize ?? DEFAULT_BATCH_SIZE);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_BATCH_SIZE;
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason ?? new Error('Aborted');
}

function* batches<T>(items: Iterable<T>, size: number, signal?: AbortSignal): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      checkAborted(signal);
      yield batch;
      batch = [];
    }
  }
  if (batch.length) {
    checkAborted(signal);
    yield batch;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class HledgerConnector implements Connector {
  private clientInstance?: HledgerClient;
  /** Writes run one at a time, so two retries of one operation key cannot both append. */
  private writeChain: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: ConnectorContext) {}

  private get client(): HledgerClient {
    this.clientInstance ??= new HledgerClient(parseBaseUrl(this.ctx.credentials['baseUrl']));
    return this.clientInstance;
  }

  async authorize(): Promise<AuthorizeResult> {
    const client = this.client;
    try {
      const version = await client.version();
      const accountNames = await client.accountNames();
      const transactions = await client.transactions();
      const canWrite = await client.canAdd();
      const journalFile = journalFileName(transactions);
      return {
        companyName: journalFile ?? `hledger journal at ${client.host}`,
        connectionInfo: {
          hledgerWebVersion: version,
          ...(journalFile ? { journalFile } : {}),
          accounts: accountNames.length,
          transactions: transactions.length,
          canWrite,
        },
      };
    } catch (e) {
      if (e instanceof ConnectorAuthError) throw e;
      if (e instanceof ConnectorUnavailableError || e instanceof HledgerProtocolError) {
        throw new ConnectorAuthError(`No hledger-web JSON API at ${client.host}: ${e.message}`, 'baseUrl');
      }
      throw e;
    }
  }

  read(dataType: SupportedDataType, options?: ReadOptions): AsyncIterable<UnifiedRecord[]> {
    switch (dataType) {
      case 'chartOfAccounts':
        return this.readAccounts(options);
      case 'journalEntries':
        return this.readJournalEntries(options);
      default:
        return {
          [Symbol.asyncIterator]: () => ({
            next: () => Promise.reject(new ConnectorNotSupportedError(`hledger has no ${dataType}: only chartOfAccounts and journalEntries are read.`)),
          }),
        };
    }
  }

  private async *readAccounts(options?: ReadOptions): AsyncGenerator<UnifiedRecord[]> {
    const signal = options?.signal;
    const [names, accounts, transactions] = await Promise.all([
      this.client.accountNames(signal),
      this.client.accounts(signal),
      this.client.transactions(signal),
    ]);
    // No modification dates in hledger: every read is a full read (modifiedSince is ignored).
    yield* batches(mapAccounts(names, accounts, transactions) as UnifiedRecord[], batchSizeOf(options), signal);
  }

  private async *readJournalEntries(options?: ReadOptions): AsyncGenerator<UnifiedRecord[]> {
    const signal = options?.signal;
    const transactions = await this.client.transactions(signal);
    // Ids come from the whole journal (duplicates are numbered), so the date filter cannot change them.
    const ids = journalEntryIds(transactions);
    // hledger dates are calendar dates: keep every transaction dated on or after the day of `from` (UTC).
    const fromDay = options?.from ? options.from.toISOString().slice(0, 10) : undefined;
    const mapped = function* (): Generator<UnifiedRecord> {
      for (let i = 0; i < transactions.length; i++) {
        if (fromDay && transactions[i].tdate < fromDay) continue;
        yield mapTransaction(transactions[i], ids[i]) as UnifiedRecord;
      }
    };
    yield* batches(mapped(), batchSizeOf(options), signal);
  }

  private toRecord(t: HledgerTransaction, id: string): UnifiedRecord {
    return mapTransaction(t, id) as UnifiedRecord;
  }

  async options(dataType: SupportedDataType, operation: 'Create' | 'Update'): Promise<PushOption> {
    if (dataType !== 'journalEntries' || operation !== 'Create') {
      throw new ConnectorNotSupportedError(`hledger supports only creating journal entries (asked: ${operation} ${dataType}).`);
    }
    const [names, commodities] = await Promise.all([this.client.accountNames(), this.client.commodities()]);
    return journalEntryCreateOption(names, commodities);
  }

  write(operation: WriteOperation): Promise<WriteResult> {
    const run = this.writeChain.then(() => this.writeNow(operation));
    this.writeChain = run.catch(() => undefined);
    return run;
  }

  private async writeNow(op: WriteOperation): Promise<WriteResult> {
    if (op.dataType !== 'journalEntries') {
      throw new ConnectorNotSupportedError(`hledger can only write journal entries, not ${op.dataType}.`);
    }
    if (op.type !== 'Create') {
      throw new ConnectorNotSupportedError(
        `hledger-web's API can only append transactions: ${op.type} of a journal entry is not supported.`,
      );
    }
    const client = this.client;
    const [names, commodities, accounts, transactions] = await Promise.all([
      client.accountNames(),
      client.commodities(),
      client.accounts(),
      client.transactions(),
    ]);

    // Idempotency: a retry finds the transaction tagged with its operation key and returns it.
    const existing = findByOpKey(transactions, op.key);
    if (existing >= 0) return this.created(transactions, existing);

    // Validate everything (balance in exact decimals, accounts, date) before anything is sent:
    // hledger-web appends even an unbalanced transaction, after which the journal no longer parses.
    const entry = prepareJournalEntry(op.record, { accountNames: new Set(names), commodities });
    await client.add(buildAddBody(entry, op.key, commodityStyles(accounts)));

    for (let attempt = 0; attempt < READ_BACK_ATTEMPTS; attempt++) {
      if (attempt) await sleep(READ_BACK_DELAY_MS);
      const after = await client.transactions();
      const index = findByOpKey(after, op.key);
      if (index < 0) continue;
      const problems = compareWritten(entry, after[index]);
      if (problems.length) {
        // Not retryable: the transaction is in the journal, just not as intended.
        throw new Error(`hledger stored the journal entry differently from what was sent: ${problems.join('; ')}.`);
      }
      return this.created(after, index);
    }
    // Not retryable either: a retry would append a second copy if the journal reloads later.
    throw new Error(
      'hledger-web accepted the journal entry (201) but does not serve it: the journal file may no longer parse. Check it with `hledger check`.',
    );
  }

  private created(transactions: HledgerTransaction[], index: number): WriteResult {
    const id = journalEntryIds(transactions)[index];
    return {
      record: this.toRecord(transactions[index], id),
      changes: [{ type: 'Created', recordRef: { id, dataType: 'journalEntries' } }],
    };
  }
}

/** hledger-web (`--serve-api`): a plain-text double-entry journal, read and appended over its JSON API. */
export const hledgerDefinition: ConnectorDefinition = {
  metadata: {
    key: 'hldg',
    name: 'hledger',
    sourceType: 'Accounting',
    isOfflineConnector: false,
    isBeta: false,
    dataProvidedBy: 'hledger-web',
    logoSvg: HLEDGER_LOGO_SVG,
    features: {
      chartOfAccounts: readOnly,
      journalEntries: readCreate,
    },
    credentialFields: [
      {
        name: 'baseUrl',
        label: 'hledger-web URL',
        type: 'url',
        required: true,
        description: 'Where hledger-web serves its JSON API, e.g. http://127.0.0.1:5000 (started with --serve-api).',
      },
    ],
    dataAccessNotes: [
      'Reads the account tree with balances and every transaction of the journal, as journal entries.',
      'Creates journal entries by appending balanced transactions to the journal; hledger-web cannot change or delete existing ones.',
      'Each created transaction carries a "ledgerlink-op:" tag in its comment so that a retried push never adds it twice.',
    ],
    setupNotes: [
      'Start hledger-web with: hledger-web --serve-api --host=127.0.0.1 --port=5000 --capabilities=view,add -f your.journal',
      'Without the "add" capability the connection is read-only.',
    ],
  },
  create: (ctx) => new HledgerConnector(ctx),
};
