import { ANY_ACTIVE, type TrytonBooks } from './tryton.books';
import { date, decimal, m2o, truthy } from './tryton.values';
import { day, decimalText, isObject, Issues, num, type Rec, refId, str, trytonId } from './tryton.validate';

/*
 * Invoices and bills are both `account.invoice` (type out / in). Over RPC nothing runs the GUI's
 * on_change handlers, so the connector fills what they would: invoice address, receivable/payable
 * account, journal and payment term from the party and the account configuration.
 */

export type DocKind = 'invoices' | 'bills';

export interface DocumentInput {
  values: Rec;
  /** Line values for `create` commands; undefined when the record sends no lineItems (update). */
  lines?: Rec[];
  post: boolean;
}

const LINE_ACCOUNT_DOMAIN: Record<DocKind, unknown[]> = {
  invoices: ['type.revenue', '=', true],
  bills: ['OR', ['type.expense', '=', true], ['type.debt', '=', true]],
};

/** The invoice the connector created for a push key (marker on its first line), if any. */
export async function findInvoiceByMarker(books: TrytonBooks, type: 'out' | 'in', mark: string) {
  const [row] = await books.client.searchRead('account.invoice', [['type', '=', type], ['lines.note', '=', mark]], ['state'], { limit: 1 });
  return row ? { id: row['id'] as number, state: String(row['state']) } : undefined;
}

async function partyValues(books: TrytonBooks, kind: DocKind, partyId: number, creating: boolean, itemId: string, issues: Issues): Promise<Rec> {
  const { client } = books;
  const own = await books.companyPartyIds();
  const [party] = await client.searchRead('party.party', [['id', '=', partyId], ['id', 'not in', own], ANY_ACTIVE], [
    'active', 'account_receivable', 'account_payable', 'customer_payment_term', 'supplier_payment_term',
  ]);
  if (!party) return issues.add(itemId, `Tryton has no party with id ${partyId}.`) ?? {};
  if (!truthy(party['active'])) return issues.add(itemId, `Party ${partyId} is archived in Tryton.`) ?? {};
  const addresses = await client.searchRead('party.address', [['party', '=', partyId]], ['invoice'], { order: [['sequence', 'ASC'], ['id', 'ASC']] });
  const address = addresses.find((a) => truthy(a['invoice'])) ?? addresses[0];
  if (!address) return issues.add(itemId, `Party ${partyId} has no address in Tryton; invoices need one.`) ?? {};
  const [config] = await client.read('account.configuration', [1], ['default_account_receivable', 'default_account_payable', 'default_customer_payment_term']);
  const isInvoice = kind === 'invoices';
  const account = m2o(party[isInvoice ? 'account_receivable' : 'account_payable']) ?? m2o(config?.[isInvoice ? 'default_account_receivable' : 'default_account_payable']);
  if (account === undefined) issues.add(itemId, `Neither party ${partyId} nor the accounting configuration has a ${isInvoice ? 'receivable' : 'payable'} account.`);
  const values: Rec = { party: partyId, invoice_address: address['id'], account };
  if (creating) {
    const term = m2o(party[isInvoice ? 'customer_payment_term' : 'supplier_payment_term']) ?? (isInvoice ? m2o(config?.['default_customer_payment_term']) : undefined);
    if (term !== undefined) values['payment_term'] = term;
  }
  return values;
}

async function parseLines(books: TrytonBooks, kind: DocKind, raw: unknown, creating: boolean, issues: Issues): Promise<Rec[] | undefined> {
  if (raw === undefined && !creating) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) return issues.add('lineItems', 'lineItems needs at least one line.');
  const lines: Rec[] = [];
  const accountIds = new Map<number, string>();
  const taxIds = new Map<number, string>();
  for (const [i, item] of raw.entries()) {
    const at = `lineItems[${i}]`;
    if (!isObject(item)) {
      issues.add(at, 'A line must be an object.');
      continue;
    }
    const quantity = num(item['quantity'], `${at}.quantity`, issues, true);
    const unit = num(item['unitAmount'], `${at}.unitAmount`, issues, true);
    const account = trytonId(refId(item['accountRef']), `${at}.accountRef.id`, issues, true);
    const tax = trytonId(refId(item['taxRateRef']), `${at}.taxRateRef.id`, issues);
    const discount = num(item['discountAmount'], `${at}.discountAmount`, issues);
    if (discount) issues.add(`${at}.discountAmount`, 'Tryton invoice lines have no discount: send the discounted unitAmount.');
    if (account !== undefined) accountIds.set(account, `${at}.accountRef.id`);
    if (tax !== undefined) taxIds.set(tax, `${at}.taxRateRef.id`);
    lines.push({
      type: 'line',
      description: str(item['description']) ?? null,
      quantity: quantity ?? 0,
      unit_price: decimal(decimalText(unit ?? 0)),
      account,
      ...(tax !== undefined ? { taxes: [['add', [tax]]] } : {}),
    });
  }
  const { id: company } = await books.company();
  const okAccounts = new Set(await books.client.search('account.account', [['id', 'in', [...accountIds.keys()]], ['company', '=', company], ['closed', '!=', true], LINE_ACCOUNT_DOMAIN[kind]], 0, null, null));
  for (const [id, itemId] of accountIds) {
    if (!okAccounts.has(id)) issues.add(itemId, `Account ${id} is not an open ${kind === 'invoices' ? 'revenue' : 'expense'} account in Tryton.`);
  }
  const okTaxes = new Set(await books.client.search('account.tax', [['id', 'in', [...taxIds.keys()]], ['company', '=', company], ['parent', '=', null]], 0, null, null));
  for (const [id, itemId] of taxIds) if (!okTaxes.has(id)) issues.add(itemId, `Tryton has no tax with id ${id}.`);
  return lines;
}

function wantsPost(kind: DocKind, record: Rec, issues: Issues): boolean {
  const postStatus = kind === 'invoices' ? 'Submitted' : 'Open';
  const status = record['status'];
  if (status !== undefined && status !== 'Draft' && status !== postStatus) {
    issues.add('status', `status must be Draft or ${postStatus} (${postStatus} posts the document); Tryton sets paid states itself.`);
  }
  if (record['post'] !== undefined && typeof record['post'] !== 'boolean') issues.add('post', 'post must be true or false.');
  return record['post'] === true || status === postStatus;
}

/** Validates a pushed Invoice/Bill and turns it into `account.invoice` values. `existingId`: update. */
export async function parseDocument(books: TrytonBooks, kind: DocKind, record: Rec, existingId: number | undefined): Promise<DocumentInput> {
  const creating = existingId === undefined;
  const issues = new Issues();
  const partyKey = kind === 'invoices' ? 'customerRef' : 'supplierRef';
  const values: Rec = {};
  const partyId = trytonId(refId(record[partyKey]), `${partyKey}.id`, issues, creating);
  if (partyId !== undefined) Object.assign(values, await partyValues(books, kind, partyId, creating, `${partyKey}.id`, issues));
  const issued = day(record['issueDate'], 'issueDate', issues, creating);
  if (issued) values['invoice_date'] = date(issued);
  const due = day(record['dueDate'], 'dueDate', issues);
  if (due) Object.assign(values, { payment_term: null, payment_term_date: date(due) });
  const currency = str(record['currency']);
  if (currency) {
    const [id] = await books.client.search('currency.currency', [['code', '=', currency.toUpperCase()]], 0, 1, null);
    if (id === undefined) issues.add('currency', `Tryton has no currency ${currency}.`);
    else values['currency'] = id;
  }
  if (record['note'] !== undefined) values['comment'] = str(record['note']) ?? null;
  if (kind === 'bills' && record['reference'] !== undefined) values['reference'] = str(record['reference']) ?? null;
  if (creating) {
    const [journal] = await books.client.search('account.journal', [['type', '=', kind === 'invoices' ? 'revenue' : 'expense']], 0, 1, [['id', 'ASC']]);
    if (journal === undefined) issues.add(partyKey, `Tryton has no ${kind === 'invoices' ? 'revenue' : 'expense'} journal.`);
    values['journal'] = journal;
  }
  const lines = await parseLines(books, kind, record['lineItems'], creating, issues);
  const post = wantsPost(kind, record, issues);
  issues.throwIfAny(kind === 'invoices' ? 'invoice' : 'bill');
  return { values, lines, post };
}
