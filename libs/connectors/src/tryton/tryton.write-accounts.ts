import { ACCOUNT_TYPES, type AccountType } from '@ledgerlink/models';
import type { WriteResult } from '../connector';
import type { TrytonBooks } from './tryton.books';
import { marker } from './tryton.idempotency';
import { loadAccounts } from './tryton.loaders';
import { truthy } from './tryton.values';
import { asValidationError, Issues, type Rec, requireStr, str } from './tryton.validate';

/** Creates an `account.account` under the company's chart root; the push key rides in the note. */
export async function createAccount(books: TrytonBooks, record: Rec, key: string): Promise<WriteResult> {
  const { client } = books;
  const { id: company } = await books.company();
  const mark = marker(key);
  const [existing] = await client.search('account.account', [['note', 'like', `%${mark}%`], ['company', '=', company], ['active', 'in', [true, false]]], 0, 1, null);
  let id = existing;
  if (id === undefined) {
    const issues = new Issues();
    const name = requireStr(record['name'], 'name', issues);
    const types = await books.accountTypes();
    const category = str(record['fullyQualifiedCategory']);
    const kind = str(record['type']);
    let type = category ? types.byPath(category) : undefined;
    if (category && !type) issues.add('fullyQualifiedCategory', `"${category}" is not a Tryton account type; see the options for the list.`);
    if (!category && kind) {
      if (!(ACCOUNT_TYPES as readonly string[]).includes(kind) || kind === 'Unknown') issues.add('type', 'type must be Asset, Liability, Equity, Income or Expense.');
      else type = types.forKind(kind as AccountType) ?? issues.add('type', `The chart has no account type of kind ${kind}.`);
    }
    if (!category && !kind) issues.add('fullyQualifiedCategory', 'fullyQualifiedCategory (a Tryton account type) or type is required.');
    const [root] = await client.search('account.account', [['company', '=', company], ['parent', '=', null]], 0, 1, [['id', 'ASC']]);
    issues.throwIfAny('account');
    const partyBound = type && (truthy(type.receivable) || truthy(type.payable));
    const note = [str(record['description']), mark].filter(Boolean).join('\n');
    try {
      id = await client.create('account.account', {
        name,
        code: str(record['nominalCode']) ?? null,
        type: type?.id,
        parent: root ?? null,
        company,
        note,
        ...(partyBound ? { reconcile: true, party_required: true } : {}),
      });
    } catch (e) {
      throw asValidationError(e);
    }
  }
  const [out] = await loadAccounts(books, [id]);
  return { record: out, changes: [{ type: 'Created', recordRef: { id: String(id), dataType: 'chartOfAccounts' } }] };
}
