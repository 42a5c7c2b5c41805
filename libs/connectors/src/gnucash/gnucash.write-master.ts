import type { Address } from '@ledgerlink/models';
import { newGuid } from './gnucash.book';
import { ACCOUNT_KINDS, gnucashTypeFor, linesFromAddress, typesCompatible } from './gnucash.mapping';
import { nextNumber } from './gnucash.slots';
import { type Currency, Problems, type WriteContext, baseCurrency, currencyByCode, currencyByGuid, findAccount, obj, text } from './gnucash.write-support';

/** A new account in the tree: fullyQualifiedName "Parent:Child" places it under an existing parent. */
export function createAccount(ctx: WriteContext, r: Record<string, unknown>): string {
  const p = new Problems();
  const fqn = text(r['fullyQualifiedName']);
  const parts = fqn ? fqn.split(':').map((s) => s.trim()) : [];
  const name = text(r['name']) || parts[parts.length - 1] || '';
  if (!name) p.add('name', 'name is required');
  if (name.includes(':')) p.add('name', "name must not contain ':' (GnuCash's account separator)");
  if (parts.length && parts[parts.length - 1] !== name) p.add('fullyQualifiedName', 'fullyQualifiedName must end with the account name');
  const parentPath = parts.slice(0, -1).join(':');
  const parent = parentPath ? findAccount(ctx, { path: parentPath }) : undefined;
  if (parentPath && !parent) p.add('fullyQualifiedName', `parent account "${parentPath}" does not exist`);
  const type = gnucashTypeFor(r);
  if (!type) {
    const allowed = ACCOUNT_KINDS.filter((k) => k.creatable).map((k) => k.category).join(', ');
    p.add('fullyQualifiedCategory', `an account type is required: fullyQualifiedCategory one of ${allowed}, or type Asset/Liability/Income/Expense/Equity`);
  } else if (parent && !typesCompatible(parent.type, type)) {
    p.add('fullyQualifiedCategory', `a ${type} account cannot be placed under the ${parent.type} account "${parent.path}"`);
  }
  const parentGuid = parent?.guid ?? ctx.roots.root;
  if (name && ctx.db.prepare('SELECT 1 FROM accounts WHERE parent_guid = ? AND name = ?').get(parentGuid, name)) {
    p.add('name', `an account "${name}" already exists under ${parentPath || 'the top level'}`);
  }
  const code = text(r['nominalCode']);
  if (code && ctx.db.prepare('SELECT 1 FROM accounts WHERE code = ?').get(code)) p.add('nominalCode', `nominal code ${code} is already used`);
  const currency = pickCurrency(ctx, p, 'currency', r['currency'], parent ? currencyByGuid(ctx.db, parent.commodity) : undefined);
  p.throwIfAny('The account cannot be created');

  const guid = newGuid();
  ctx.db
    .prepare(`INSERT INTO accounts(guid, name, account_type, commodity_guid, commodity_scu, non_std_scu, parent_guid, code, description, hidden, placeholder)
      VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 0)`)
    .run(guid, name, type, currency?.guid, currency?.fraction, parentGuid, code, text(r['description']), r['status'] === 'Archived' ? 1 : 0);
  return guid;
}

/** A currency the book already has (GnuCash stores only the currencies in use). */
export function pickCurrency(ctx: WriteContext, p: Problems, field: string, code: unknown, fallback?: Currency): Currency | undefined {
  if (text(code)) return currencyByCode(ctx.db, text(code)) ?? p.add(field, `currency ${text(code)} is not used in this book`);
  return fallback ?? baseCurrency(ctx.db) ?? p.add(field, `${field} is required`);
}

type PartyTable = 'customers' | 'vendors';

/** A customer or vendor; its number comes from the book's counter (gncCustomer / gncVendor). */
export function createParty(ctx: WriteContext, r: Record<string, unknown>, table: PartyTable): string {
  const p = new Problems();
  const nameField = table === 'customers' ? 'customerName' : 'supplierName';
  const name = text(r[nameField]);
  if (!name) p.add(nameField, `${nameField} is required`);
  const currency = pickCurrency(ctx, p, 'defaultCurrency', r['defaultCurrency']);
  const addresses = Array.isArray(r['addresses']) ? (r['addresses'] as unknown[]).map((a) => obj(a) as Partial<Address>) : [];
  const billing = linesFromAddress(addresses.find((a) => a.type !== 'Delivery'));
  const delivery = linesFromAddress(addresses.find((a) => a.type === 'Delivery'));
  if (table === 'vendors' && addresses.some((a) => a.type === 'Delivery')) p.add('addresses', 'GnuCash vendors have no delivery address');
  p.throwIfAny(`The ${table === 'customers' ? 'customer' : 'supplier'} cannot be created`);

  const guid = newGuid();
  const counter = table === 'customers' ? 'gncCustomer' : 'gncVendor';
  const id = nextNumber(ctx.db, ctx.roots.book, counter, (n) => !!ctx.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(n));
  const contact = text(r['contactName']) || name;
  const values = {
    guid, name, id, notes: '', active: r['status'] === 'Archived' ? 0 : 1, currency: currency?.guid, tax_override: 0,
    addr_name: contact, addr_addr1: billing[0], addr_addr2: billing[1], addr_addr3: billing[2], addr_addr4: billing[3],
    addr_phone: text(r['phone']), addr_fax: '', addr_email: text(r['emailAddress']),
  };
  if (table === 'customers') {
    const ship = delivery.some(Boolean) ? contact : '';
    ctx.db
      .prepare(`INSERT INTO customers(guid, name, id, notes, active, discount_num, discount_denom, credit_num, credit_denom, currency, tax_override,
          addr_name, addr_addr1, addr_addr2, addr_addr3, addr_addr4, addr_phone, addr_fax, addr_email,
          shipaddr_name, shipaddr_addr1, shipaddr_addr2, shipaddr_addr3, shipaddr_addr4, shipaddr_phone, shipaddr_fax, shipaddr_email,
          terms, tax_included, taxtable)
        VALUES (@guid, @name, @id, @notes, @active, 0, 1, 0, 1, @currency, @tax_override,
          @addr_name, @addr_addr1, @addr_addr2, @addr_addr3, @addr_addr4, @addr_phone, @addr_fax, @addr_email,
          @ship, @s1, @s2, @s3, @s4, '', '', '', NULL, 3, NULL)`)
      .run({ ...values, ship, s1: delivery[0], s2: delivery[1], s3: delivery[2], s4: delivery[3] });
  } else {
    ctx.db
      .prepare(`INSERT INTO vendors(guid, name, id, notes, currency, active, tax_override,
          addr_name, addr_addr1, addr_addr2, addr_addr3, addr_addr4, addr_phone, addr_fax, addr_email, terms, tax_inc, tax_table)
        VALUES (@guid, @name, @id, @notes, @currency, @active, @tax_override,
          @addr_name, @addr_addr1, @addr_addr2, @addr_addr3, @addr_addr4, @addr_phone, @addr_fax, @addr_email, NULL, 'USEGLOBAL', NULL)`)
      .run(values);
  }
  return guid;
}
