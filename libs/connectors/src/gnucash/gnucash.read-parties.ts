import type { Address, Customer, Supplier } from '@ledgerlink/models';
import { type Row, bool, str } from './gnucash.book';
import { addressFromLines } from './gnucash.mapping';
import { type Page, type ReadContext, all, compact, keyFilter, pageParams } from './gnucash.query';

function partyRows({ db }: ReadContext, table: 'customers' | 'vendors', page: Page): Row[] {
  return all(db, `SELECT p.*, c.mnemonic AS currency_code FROM ${table} p LEFT JOIN commodities c ON c.guid = p.currency
    WHERE ${keyFilter('p.guid', page)} ORDER BY p.guid LIMIT @limit`, pageParams(page));
}

/** Fields customers and vendors share: GnuCash's billing address carries name, phone and e-mail. */
function common(r: Row) {
  const lines = (prefix: string) => [1, 2, 3, 4].map((n) => r[`${prefix}_addr${n}`]);
  const addresses = [addressFromLines('Billing', lines('addr'))];
  if ('shipaddr_addr1' in r) addresses.push(addressFromLines('Delivery', lines('shipaddr')));
  const present = addresses.filter((a): a is Address => a !== undefined);
  return {
    id: str(r['guid']),
    contactName: str(r['addr_name']),
    emailAddress: str(r['addr_email']),
    phone: str(r['addr_phone']),
    defaultCurrency: str(r['currency_code']),
    addresses: present.length ? present : undefined,
    status: bool(r['active']) ? ('Active' as const) : ('Archived' as const),
    supplementalData: { content: { gnucash: compact({ id: str(r['id']), notes: str(r['notes']) }) } },
  };
}

export function readCustomers(ctx: ReadContext, page: Page): Customer[] {
  return partyRows(ctx, 'customers', page).map((r) => compact({ ...common(r), customerName: str(r['name']) }));
}

export function readSuppliers(ctx: ReadContext, page: Page): Supplier[] {
  return partyRows(ctx, 'vendors', page).map((r) => compact({ ...common(r), supplierName: str(r['name']) }));
}
