import type { WriteResult } from '../connector';
import { ANY_ACTIVE, type TrytonBooks } from './tryton.books';
import { addNote, findNoted, marker } from './tryton.idempotency';
import { loadParties } from './tryton.loaders';
import { ROLE_CATEGORY, type PartyRole } from './tryton.roles';
import { isObject, Issues, type Rec, str, trytonId } from './tryton.validate';

type Kind = 'customers' | 'suppliers';

const nameKey = (kind: Kind) => (kind === 'customers' ? 'customerName' : 'supplierName');
const roleOf = (kind: Kind): PartyRole => (kind === 'customers' ? 'customer' : 'supplier');

interface PartyInput {
  values: Rec;
  email?: string;
  phone?: string;
  addresses?: Rec[];
}

async function countryId(books: TrytonBooks, code: string, itemId: string, issues: Issues): Promise<number | undefined> {
  const [id] = await books.client.search('country.country', [['code', '=', code.toUpperCase()]], 0, 1, null);
  return id ?? issues.add(itemId, `Tryton has no country with code "${code}" (countries are loaded with trytond_import_countries).`);
}

async function parse(books: TrytonBooks, kind: Kind, record: Rec, creating: boolean, issues: Issues): Promise<PartyInput> {
  const values: Rec = {};
  const key = nameKey(kind);
  const name = str(record[key]);
  if (name) values['name'] = name;
  else if (creating || key in record) issues.add(key, `${key} is required.`);
  if (record['status'] !== undefined) {
    if (record['status'] !== 'Active' && record['status'] !== 'Archived') issues.add('status', 'status must be Active or Archived.');
    values['active'] = record['status'] !== 'Archived';
  }
  const input: PartyInput = { values, email: str(record['emailAddress']), phone: str(record['phone']) };
  if (record['addresses'] !== undefined) {
    if (!Array.isArray(record['addresses'])) issues.add('addresses', 'addresses must be an array.');
    else {
      input.addresses = [];
      for (const [i, a] of (record['addresses'] as unknown[]).entries()) {
        if (!isObject(a)) {
          issues.add(`addresses[${i}]`, 'An address must be an object.');
          continue;
        }
        const country = str(a['country']);
        input.addresses.push({
          street: [str(a['line1']), str(a['line2'])].filter(Boolean).join('\n') || null,
          city: str(a['city']) ?? null,
          postal_code: str(a['postalCode']) ?? null,
          country: country ? ((await countryId(books, country, `addresses[${i}].country`, issues)) ?? null) : null,
          invoice: a['type'] === 'Billing',
        });
      }
    }
  }
  return input;
}

/** The party category the connector files its customers (or suppliers) under, created on first use. */
async function roleCategory(books: TrytonBooks, role: PartyRole): Promise<number> {
  const name = ROLE_CATEGORY[role];
  const [id] = await books.client.search('party.category', [['name', '=', name], ['parent', '=', null]], 0, 1, [['id', 'ASC']]);
  return id ?? books.client.create('party.category', { name });
}

export async function createParty(books: TrytonBooks, kind: Kind, record: Rec, key: string): Promise<WriteResult> {
  const issues = new Issues();
  const input = await parse(books, kind, record, true, issues);
  issues.throwIfAny(kind === 'customers' ? 'customer' : 'supplier');
  const mark = marker(key);
  let id = await findNoted(books.client, 'party.party', mark);
  if (id === undefined) {
    const contacts = [
      ...(input.email ? [{ type: 'email', value: input.email }] : []),
      ...(input.phone ? [{ type: 'phone', value: input.phone }] : []),
    ];
    const addresses = input.addresses?.length ? input.addresses : [{}]; // invoices need an address
    id = await books.client.create('party.party', {
      ...input.values,
      addresses: [['create', addresses]],
      ...(contacts.length ? { contact_mechanisms: [['create', contacts]] } : {}),
      categories: [['add', [await roleCategory(books, roleOf(kind))]]],
    });
    await addNote(books.client, 'party.party', id, mark);
  }
  const [out] = await loadParties(books, [id], kind);
  return { record: out, changes: [{ type: 'Created', recordRef: { id: String(id), dataType: kind } }] };
}

/** Contact mechanism commands: change the first of the type, or add one. */
function contactCommands(existing: Rec[], type: string, value: string | undefined): unknown[] {
  if (!value) return [];
  const current = existing.find((c) => c['type'] === type);
  return current ? [['write', [current['id']], { value }]] : [['create', [{ type, value }]]];
}

export async function updateParty(books: TrytonBooks, kind: Kind, recordId: string | undefined, record: Rec): Promise<WriteResult> {
  const issues = new Issues();
  const id = trytonId(recordId, 'id', issues, true);
  const input = await parse(books, kind, record, false, issues);
  issues.throwIfAny(kind === 'customers' ? 'customer' : 'supplier');
  const own = await books.companyPartyIds();
  const found = await books.client.search('party.party', [['id', '=', id], ['id', 'not in', own], ANY_ACTIVE], 0, 1, null);
  if (!found.length) {
    issues.add('id', `Tryton has no ${kind === 'customers' ? 'customer' : 'supplier'} party with id ${recordId}.`);
    issues.throwIfAny(kind === 'customers' ? 'customer' : 'supplier');
  }
  const partyId = id as number;
  const contacts = await books.client.searchRead('party.contact_mechanism', [['party', '=', partyId]], ['type'], { order: [['sequence', 'ASC'], ['id', 'ASC']] });
  const commands = [...contactCommands(contacts, 'email', input.email), ...contactCommands(contacts, 'phone', input.phone)];
  const values: Rec = { ...input.values };
  if (commands.length) values['contact_mechanisms'] = commands;
  if (input.addresses?.length) {
    const existing = await books.client.search('party.address', [['party', '=', partyId]], 0, null, [['sequence', 'ASC'], ['id', 'ASC']]);
    values['addresses'] = input.addresses.map((a, i) => (existing[i] ? ['write', [existing[i]], a] : ['create', [a]]));
  }
  if (Object.keys(values).length) await books.client.write('party.party', [partyId], values);
  const [out] = await loadParties(books, [partyId], kind);
  return { record: out, changes: [{ type: 'Modified', recordRef: { id: String(partyId), dataType: kind } }] };
}
