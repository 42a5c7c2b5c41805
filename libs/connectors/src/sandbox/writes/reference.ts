import type { UnifiedRecord, WriteOperation, WriteResult } from '../../connector';
import { ACCOUNT_CATEGORIES, accountId, accountType, ACCOUNTS } from '../books/chart';
import { pence, money } from '../books/time';
import { Checker } from './checker';
import { created, type Ledger } from './ledger';

/** chartOfAccounts Create: a unique nominal code (max 10), a name and one of the chart's categories. */
export async function createAccount(l: Ledger, op: WriteOperation, rec: Record<string, unknown>): Promise<WriteResult> {
  const c = new Checker();
  const code = c.string('nominalCode', rec['nominalCode'], { required: true, max: 10 });
  if (code !== undefined && !/^[A-Za-z0-9.-]+$/.test(code)) c.fail('nominalCode', 'may contain only letters, digits, "." and "-"');
  else if (code !== undefined && (await l.find('chartOfAccounts', accountId(code)))) c.fail('nominalCode', `${code} is already used`);
  const name = c.string('name', rec['name'], { required: true, max: 150 });
  const category = c.oneOf('fullyQualifiedCategory', rec['fullyQualifiedCategory'], Object.keys(ACCOUNT_CATEGORIES));
  const description = c.string('description', rec['description'], { max: 4000 });
  const currency = c.currency('currency', rec['currency']);
  if (name !== undefined && ACCOUNTS.some((a) => a.name?.toLowerCase() === name.toLowerCase())) c.fail('name', `an account named ${name} already exists`);
  c.done('account');
  const cat = category as string;
  const account: UnifiedRecord = {
    id: accountId(code as string),
    nominalCode: code,
    name,
    ...(description !== undefined && { description }),
    fullyQualifiedCategory: cat,
    fullyQualifiedName: `${cat}.${name}`,
    currency,
    type: accountType(cat),
    status: 'Active',
    isBankAccount: cat === 'Asset.Bank',
    sourceModifiedDate: l.now(),
  };
  return created(await l.put('chartOfAccounts', account), 'chartOfAccounts');
}

const ADDRESS_TYPES = ['Unknown', 'Billing', 'Delivery'] as const;
const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'region', 'country', 'postalCode'] as const;

/** customers / suppliers Create and Update (an update replaces the record). */
export async function writeContact(l: Ledger, op: WriteOperation, rec: Record<string, unknown>, kind: 'customers' | 'suppliers'): Promise<WriteResult> {
  const c = new Checker();
  const nameField = kind === 'customers' ? 'customerName' : 'supplierName';
  const what = kind === 'customers' ? 'customer' : 'supplier';
  let id: string;
  if (op.type === 'Update') {
    id = op.recordId as string;
    if (!(await l.find(kind, id))) c.fail('id', `${what} ${id} does not exist`);
  } else id = l.newId(kind === 'customers' ? 'cus' : 'sup', op.key);
  const out: UnifiedRecord = { id, [nameField]: c.string(nameField, rec[nameField], { required: true, max: 100 }) };
  for (const f of ['contactName', 'phone', 'registrationNumber', 'taxNumber'] as const) {
    const v = c.string(f, rec[f], { max: 100 });
    if (v !== undefined) out[f] = v;
  }
  const email = c.string('emailAddress', rec['emailAddress'], { max: 254 });
  if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) c.fail('emailAddress', 'must be an email address');
  else if (email !== undefined) out['emailAddress'] = email;
  out['defaultCurrency'] = c.currency('defaultCurrency', rec['defaultCurrency']);
  out['addresses'] = c.array('addresses', rec['addresses']).map((a, k) => {
    const o = c.object(`addresses[${k}]`, a);
    const addr: Record<string, unknown> = { type: c.oneOf(`addresses[${k}].type`, o['type'], ADDRESS_TYPES, 'Unknown') };
    for (const f of ADDRESS_FIELDS) {
      const v = c.string(`addresses[${k}].${f}`, o[f], { max: 200 });
      if (v !== undefined) addr[f] = v;
    }
    return addr;
  });
  out['status'] = c.oneOf('status', rec['status'], ['Active', 'Archived'] as const, 'Active');
  out['sourceModifiedDate'] = l.now();
  c.done(what);
  await l.put(kind, out);
  return { record: out, changes: [{ type: op.type === 'Update' ? 'Modified' : 'Created', recordRef: { id, dataType: kind } }] };
}

/** journalEntries Create: at least two lines on existing accounts, debits (+) and credits (−) balancing. */
export async function createJournalEntry(l: Ledger, op: WriteOperation, rec: Record<string, unknown>): Promise<WriteResult> {
  const c = new Checker();
  const now = l.now();
  const description = c.string('description', rec['description'], { max: 4000 });
  const postedOn = c.date('postedOn', rec['postedOn']) ?? `${now.slice(0, 10)}T00:00:00Z`;
  const currency = c.currency('currency', rec['currency']);
  let balance = 0;
  const lines = c.array('journalLines', rec['journalLines'], { required: true, min: 2 });
  const journalLines = [];
  for (const [k, raw] of lines.entries()) {
    const o = c.object(`journalLines[${k}]`, raw);
    const net = c.number(`journalLines[${k}].netAmount`, o['netAmount'], { required: true });
    const account = await l.ref(c, `journalLines[${k}].accountRef.id`, 'chartOfAccounts', c.object(`journalLines[${k}].accountRef`, o['accountRef'], true)['id'], 'Account');
    const lineDescription = c.string(`journalLines[${k}].description`, o['description'], { max: 4000 });
    balance += pence(net ?? 0);
    journalLines.push({
      netAmount: money(pence(net ?? 0)),
      ...(lineDescription !== undefined && { description: lineDescription }),
      currency,
      accountRef: { id: account?.id, name: account?.['name'] },
    });
  }
  if (balance !== 0 && lines.length >= 2) c.fail('journalLines', `must balance: net amounts add up to ${money(balance)}, not 0`);
  c.done('journal entry');
  const entry: UnifiedRecord = {
    id: l.newId('je', op.key),
    ...(description !== undefined && { description }),
    postedOn,
    createdOn: now,
    updatedOn: now,
    journalRef: { id: 'jnl-general', name: 'General Journal' },
    journalLines,
    sourceModifiedDate: now,
  };
  return created(await l.put('journalEntries', entry), 'journalEntries');
}

/** journalEntries Delete. */
export async function deleteJournalEntry(l: Ledger, op: WriteOperation): Promise<WriteResult> {
  const c = new Checker();
  const entry = await l.find('journalEntries', op.recordId as string);
  if (!entry) c.fail('id', `journal entry ${op.recordId} does not exist`);
  c.done('journal entry');
  await l.tombstone('journalEntries', entry as UnifiedRecord);
  return { changes: [{ type: 'Deleted', recordRef: { id: op.recordId as string, dataType: 'journalEntries' } }] };
}
