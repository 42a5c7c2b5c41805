import type { UnifiedRecord } from '../connector';
import type { TrytonBooks } from './tryton.books';
import { ACCOUNT_FIELDS, mapAccount } from './tryton.map-accounts';
import { INVOICE_FIELDS, INVOICE_LINE_FIELDS, mapBill, mapInvoice, PAYMENT_LINE_FIELDS } from './tryton.map-invoices';
import { mapBillPayment, mapJournalEntry, mapPayment, mapTaxRate, MOVE_FIELDS, MOVE_LINE_FIELDS, PAYMENT_FIELDS } from './tryton.map-ledger';
import { ADDRESS_FIELDS, CONTACT_FIELDS, mapAddresses, mapCompany, mapCustomer, mapSupplier, PARTY_FIELDS } from './tryton.map-parties';
import { m2o, toDateOnly } from './tryton.values';

/*
 * Loaders: Tryton ids → unified records, one batch at a time (a few RPC calls per batch, whatever its
 * size). Reads stream ids through them; writes use them to return the record as Tryton now has it.
 */

type Row = Record<string, unknown>;

/** The model interfaces have no index signature; the records are plain JSON all the same. */
const unified = <T extends object>(records: T[]): UnifiedRecord[] => records as unknown as UnifiedRecord[];

const byId = (a: Row, b: Row) => (a['id'] as number) - (b['id'] as number);

function groupBy(rows: Row[], key: string): Map<number, Row[]> {
  const map = new Map<number, Row[]>();
  for (const r of rows) {
    const k = m2o(r[key]);
    if (k === undefined) continue;
    const list = map.get(k) ?? [];
    list.push(r);
    map.set(k, list);
  }
  return map;
}

export async function loadAccounts(books: TrytonBooks, ids: number[]): Promise<UnifiedRecord[]> {
  const [rows, types, bank] = await Promise.all([books.client.read('account.account', ids, ACCOUNT_FIELDS), books.accountTypes(), books.bankAccountIds()]);
  return unified(rows.sort(byId).map((r) => mapAccount(r, types, bank)));
}

export async function loadPartyRows(books: TrytonBooks, ids: number[], extraFields: string[] = []) {
  const rows = (await books.client.read('party.party', ids, [...PARTY_FIELDS, ...extraFields])).sort(byId);
  const addresses = groupBy(await books.client.searchRead('party.address', [['party', 'in', ids]], ADDRESS_FIELDS), 'party');
  return rows.map((row) => ({ row, addresses: mapAddresses(addresses.get(row['id'] as number) ?? []) }));
}

export async function loadParties(books: TrytonBooks, ids: number[], kind: 'customers' | 'suppliers'): Promise<UnifiedRecord[]> {
  const parties = await loadPartyRows(books, ids);
  return unified(parties.map(({ row, addresses }) => (kind === 'customers' ? mapCustomer(row, addresses) : mapSupplier(row, addresses))));
}

/** Invoices (type out) or bills (type in): the invoice, its lines, taxes, payment lines and due dates. */
export async function loadInvoices(books: TrytonBooks, ids: number[], kind: 'invoices' | 'bills'): Promise<UnifiedRecord[]> {
  const { client } = books;
  const rows = (await client.read('account.invoice', ids, INVOICE_FIELDS)).sort(byId);
  const lines = groupBy(await client.searchRead('account.invoice.line', [['invoice', 'in', ids]], INVOICE_LINE_FIELDS), 'invoice');
  const taxes = await books.taxes([...lines.values()].flat().flatMap((l) => (l['taxes'] as number[]) ?? []));
  const paymentIds = rows.flatMap((r) => (r['payment_lines'] as number[]) ?? []);
  const payments = new Map((await client.read('account.move.line', paymentIds, PAYMENT_LINE_FIELDS)).map((p) => [p['id'] as number, p]));
  const toPayIds = rows.flatMap((r) => (r['lines_to_pay'] as number[]) ?? []);
  const maturities = new Map((await client.read('account.move.line', toPayIds, ['maturity_date'])).map((m) => [m['id'] as number, m['maturity_date']]));
  return unified(rows.map((row) => {
    const parts = {
      row,
      lines: lines.get(row['id'] as number) ?? [],
      taxes,
      payments: ((row['payment_lines'] as number[]) ?? []).map((id) => payments.get(id)).filter((p): p is Row => !!p),
      maturities: ((row['lines_to_pay'] as number[]) ?? []).map((id) => maturities.get(id)),
    };
    return kind === 'invoices' ? mapInvoice(parts) : mapBill(parts);
  }));
}

/** Payment lines (account.move.line with invoice_payment) and the other lines of their moves. */
export async function loadPayments(books: TrytonBooks, ids: number[], kind: 'payments' | 'billPayments'): Promise<UnifiedRecord[]> {
  const { client } = books;
  const [rows, company] = await Promise.all([client.read('account.move.line', ids, PAYMENT_FIELDS), books.company()]);
  const moveIds = [...new Set(rows.map((r) => m2o(r['move'])).filter((m): m is number => m !== undefined))];
  const moveLines = await client.searchRead('account.move.line', [['move', 'in', moveIds]], MOVE_LINE_FIELDS);
  const map = kind === 'payments' ? mapPayment : mapBillPayment;
  return unified(rows.sort(byId).map((r) => map(r, moveLines, company.currencyCode)));
}

export async function loadTaxRates(books: TrytonBooks, ids: number[], today: Date): Promise<UnifiedRecord[]> {
  const taxes = await books.taxes(ids);
  const childIds = ids.flatMap((id) => (taxes.get(id)?.['childs'] as number[]) ?? []);
  await books.taxes(childIds);
  const day = toDateOnly(today.toISOString()) ?? '';
  const rows = ids.map((id) => taxes.get(id)).filter((t): t is Row => !!t);
  return unified(rows.map((t) => mapTaxRate(t, ((t['childs'] as number[]) ?? []).map((c) => taxes.get(c)).filter((c): c is Row => !!c), day)));
}

export async function loadJournalEntries(books: TrytonBooks, ids: number[]): Promise<UnifiedRecord[]> {
  const { client } = books;
  const [moves, company] = await Promise.all([client.read('account.move', ids, MOVE_FIELDS), books.company()]);
  const lines = groupBy(await client.searchRead('account.move.line', [['move', 'in', ids]], MOVE_LINE_FIELDS, { order: [['id', 'ASC']] }), 'move');
  return unified(moves.sort(byId).map((m) => mapJournalEntry(m, lines.get(m['id'] as number) ?? [], company.currencyCode)));
}

/** The single CompanyInfo record: the company's party, addresses, contact mechanisms and current fiscal year. */
export async function loadCompany(books: TrytonBooks, today: Date): Promise<UnifiedRecord> {
  const { client } = books;
  const company = await books.company();
  const [[party], contacts] = await Promise.all([
    loadPartyRows(books, [company.partyId]),
    client.searchRead('party.contact_mechanism', [['party', '=', company.partyId]], CONTACT_FIELDS),
  ]);
  const day = toDateOnly(today.toISOString());
  const years = await client.searchRead('account.fiscalyear', [['company', '=', company.id]], ['start_date', 'end_date'], { order: [['start_date', 'DESC']] });
  const current = years.find((y) => (toDateOnly(y['start_date']) ?? '') <= (day ?? '') && (day ?? '') <= (toDateOnly(y['end_date']) ?? '')) ?? years[0];
  const [info] = unified([mapCompany({ company: company.row, party: party.row, addresses: party.addresses, contacts, fiscalYearStart: current?.['start_date'] })]);
  return info;
}
