import type { TrytonBooks } from './tryton.books';
import type { TrytonClient } from './tryton.rpc';
import { m2o } from './tryton.values';

/**
 * Tryton 6.0 (without the sale/purchase modules) has no customer or supplier flag: a party is
 * either by use. A party is a customer when it is in the party category "Customer" (the connector
 * puts the customers it creates there), has a customer payment term, or has customer invoices;
 * likewise for suppliers. A party with none of these signals is listed as both.
 */
export type PartyRole = 'customer' | 'supplier';

export const ROLE_CATEGORY: Record<PartyRole, string> = { customer: 'Customer', supplier: 'Supplier' };

/** Ids of the party categories named "Customer"/"Customers" (or Supplier), case-insensitive. */
export async function roleCategoryIds(client: TrytonClient, role: PartyRole): Promise<number[]> {
  const name = ROLE_CATEGORY[role];
  return client.search('party.category', ['OR', ['name', 'ilike', name], ['name', 'ilike', `${name}s`]], 0, null, [['id', 'ASC']]);
}

/** Which of `ids` have at least one invoice of `type`, without reading every invoice of a busy party. */
export async function partiesWithInvoices(client: TrytonClient, ids: number[], type: 'out' | 'in'): Promise<Set<number>> {
  const found = new Set<number>();
  let remaining = ids;
  while (remaining.length) {
    const rows = await client.searchRead('account.invoice', [['party', 'in', remaining], ['type', '=', type]], ['party'], {
      limit: remaining.length,
      order: [['party', 'ASC']],
    });
    for (const r of rows) {
      const p = m2o(r['party']);
      if (p !== undefined) found.add(p);
    }
    if (rows.length < remaining.length) break;
    remaining = remaining.filter((id) => !found.has(id));
  }
  return found;
}

/** Pure: the roles of one party from its signals. */
export function rolesOf(signals: { customer: boolean; supplier: boolean }): Set<PartyRole> {
  if (!signals.customer && !signals.supplier) return new Set(['customer', 'supplier']);
  const roles = new Set<PartyRole>();
  if (signals.customer) roles.add('customer');
  if (signals.supplier) roles.add('supplier');
  return roles;
}

export async function partyRoles(books: TrytonBooks, ids: number[]): Promise<Map<number, Set<PartyRole>>> {
  const { client } = books;
  const [rows, customerCats, supplierCats, sells, buys] = await Promise.all([
    client.read('party.party', ids, ['categories', 'customer_payment_term', 'supplier_payment_term']),
    roleCategoryIds(client, 'customer'),
    roleCategoryIds(client, 'supplier'),
    partiesWithInvoices(client, ids, 'out'),
    partiesWithInvoices(client, ids, 'in'),
  ]);
  const result = new Map<number, Set<PartyRole>>();
  for (const r of rows) {
    const id = r['id'] as number;
    const cats = (r['categories'] as number[]) ?? [];
    result.set(
      id,
      rolesOf({
        customer: sells.has(id) || m2o(r['customer_payment_term']) !== undefined || cats.some((c) => customerCats.includes(c)),
        supplier: buys.has(id) || m2o(r['supplier_payment_term']) !== undefined || cats.some((c) => supplierCats.includes(c)),
      }),
    );
  }
  return result;
}
