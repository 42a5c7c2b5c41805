import type { SupportedDataType } from '@ledgerlink/models';
import { ConnectorNotSupportedError, type ReadOptions, type UnifiedRecord } from '../connector';
import { ANY_ACTIVE, type TrytonBooks } from './tryton.books';
import { loadAccounts, loadCompany, loadInvoices, loadJournalEntries, loadParties, loadPayments, loadTaxRates } from './tryton.loaders';
import { partyRoles } from './tryton.roles';
import { date, datetime } from './tryton.values';

const DEFAULT_BATCH = 500;
const MAX_BATCH = 1000;

/** `modifiedSince` → Tryton domain: changed (write_date) or created (create_date) after the instant. */
export function modifiedDomain(since?: Date): unknown[] {
  if (!since) return [];
  const at = datetime(since);
  return [['OR', ['write_date', '>', at], ['create_date', '>', at]]];
}

/** `from` (history window) → a date clause; records without the date (draft invoices) stay in. */
export function fromDomain(field: string, from?: Date, keepEmpty = false): unknown[] {
  if (!from) return [];
  const clause = [field, '>=', date(from.toISOString())];
  return [keepEmpty ? ['OR', clause, [field, '=', null]] : clause];
}

/**
 * Streams ids matching `domain` in id order, `size` at a time. Keyset paging (`id > last`) rather than
 * offsets, so records created or deleted during a long read never shift a page.
 */
export async function* idPages(books: TrytonBooks, model: string, domain: unknown[], size: number, signal?: AbortSignal): AsyncGenerator<number[]> {
  let last = 0;
  for (;;) {
    signal?.throwIfAborted();
    const ids = await books.client.search(model, [...domain, ['id', '>', last]], 0, size, [['id', 'ASC']], signal);
    if (ids.length === 0) return;
    yield ids;
    if (ids.length < size) return;
    last = ids[ids.length - 1];
  }
}

interface Plan {
  model: string;
  domain: unknown[];
  load: (ids: number[]) => Promise<UnifiedRecord[]>;
}

async function plan(books: TrytonBooks, dataType: SupportedDataType, opts: ReadOptions, now: Date): Promise<Plan> {
  const { id: company } = await books.company();
  const changed = modifiedDomain(opts.modifiedSince);
  switch (dataType) {
    case 'chartOfAccounts':
      return { model: 'account.account', domain: [ANY_ACTIVE, ['company', '=', company], ...changed], load: (ids) => loadAccounts(books, ids) };
    case 'customers':
    case 'suppliers': {
      const own = await books.companyPartyIds();
      const role = dataType === 'customers' ? 'customer' : 'supplier';
      return {
        model: 'party.party',
        domain: [ANY_ACTIVE, ['id', 'not in', own], ...changed],
        load: async (ids) => {
          const roles = await partyRoles(books, ids);
          return loadParties(books, ids.filter((id) => roles.get(id)?.has(role)), dataType);
        },
      };
    }
    case 'invoices':
    case 'bills':
      return {
        model: 'account.invoice',
        domain: [['type', '=', dataType === 'invoices' ? 'out' : 'in'], ['company', '=', company], ...changed, ...fromDomain('invoice_date', opts.from, true)],
        load: (ids) => loadInvoices(books, ids, dataType),
      };
    case 'payments':
    case 'billPayments':
      return {
        model: 'account.move.line',
        // invoice_payment is a function field: its searcher takes "where", not a dotted "invoice_payment.type".
        domain: [
          ['invoice_payment', 'where', [['type', '=', dataType === 'payments' ? 'out' : 'in']]],
          ['move.company', '=', company],
          ...changed,
          ...fromDomain('date', opts.from),
        ],
        load: (ids) => loadPayments(books, ids, dataType),
      };
    case 'taxRates':
      return { model: 'account.tax', domain: [ANY_ACTIVE, ['parent', '=', null], ['company', '=', company], ...changed], load: (ids) => loadTaxRates(books, ids, now) };
    case 'journalEntries':
      return {
        model: 'account.move',
        domain: [['state', '=', 'posted'], ['company', '=', company], ...changed, ...fromDomain('date', opts.from)],
        load: (ids) => loadJournalEntries(books, ids),
      };
    default:
      throw new ConnectorNotSupportedError(`Tryton connector cannot read ${dataType}.`);
  }
}

/** read(): batches of unified records, at most `batchSize` each; only the current batch is held. */
export async function* readRecords(books: TrytonBooks, dataType: SupportedDataType, opts: ReadOptions = {}, now = new Date()): AsyncGenerator<UnifiedRecord[]> {
  if (dataType === 'company') {
    yield [await loadCompany(books, now)];
    return;
  }
  const size = Math.min(Math.max(Math.floor(opts.batchSize ?? DEFAULT_BATCH), 1), MAX_BATCH);
  const { model, domain, load } = await plan(books, dataType, opts, now);
  for await (const ids of idPages(books, model, domain, size, opts.signal)) {
    const records = await load(ids);
    if (records.length) yield records;
  }
}
