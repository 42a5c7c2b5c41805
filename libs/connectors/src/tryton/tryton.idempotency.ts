import { createHash } from 'node:crypto';
import { ANY_ACTIVE } from './tryton.books';
import { MARKER_PREFIX } from './tryton.map-accounts';
import type { TrytonClient } from './tryton.rpc';

/**
 * Idempotency markers: every record the connector creates carries `ledgerlink:push:<sha256(key)>`
 * (hashing keeps LIKE wildcards and odd characters out), and a create first looks for it:
 *   accounts  → a line of the account's `note`            (same transaction as the create)
 *   invoices  → the first invoice line's `note`            (same transaction; not printed, stays editable)
 *   parties, payments → an `ir.note` on the record          (a second call right after the create)
 */
export function marker(key: string): string {
  return `${MARKER_PREFIX}${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/** The record an `ir.note` marker is attached to, if it still exists. */
export async function findNoted(client: TrytonClient, model: string, mark: string): Promise<number | undefined> {
  const notes = await client.searchRead<{ resource: string }>('ir.note', [['message', '=', mark], ['resource', 'like', `${model},%`]], ['resource'], {
    order: [['id', 'ASC']],
  });
  for (const n of notes) {
    const id = Number(n.resource.split(',')[1]);
    const domain = [['id', '=', id], ...(model === 'party.party' ? [ANY_ACTIVE] : [])];
    if (Number.isInteger(id) && (await client.search(model, domain, 0, 1, null)).length) return id;
  }
  return undefined;
}

export async function addNote(client: TrytonClient, model: string, id: number, mark: string): Promise<void> {
  await client.create('ir.note', { resource: `${model},${id}`, message: mark });
}
