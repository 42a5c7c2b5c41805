import { ConnectorValidationError, type WriteResult } from '../connector';
import type { TrytonBooks } from './tryton.books';
import { findInvoiceByMarker, parseDocument, type DocKind, type DocumentInput } from './tryton.write-documents';
import { marker } from './tryton.idempotency';
import { loadInvoices } from './tryton.loaders';
import { asValidationError, Issues, type Rec, trytonId } from './tryton.validate';
import { MARKER_PREFIX } from './tryton.map-accounts';

const noun = (kind: DocKind) => (kind === 'invoices' ? 'invoice' : 'bill');
const trytonType = (kind: DocKind) => (kind === 'invoices' ? 'out' : 'in');

/** Posts, confirming Tryton's warnings (a due date in the past); UserErrors become validation errors. */
async function post(books: TrytonBooks, id: number): Promise<void> {
  try {
    await books.client.confirmingWarnings(() => books.client.model('account.invoice', 'post', [[id]]));
  } catch (e) {
    throw asValidationError(e, 'issueDate');
  }
}

/** A write on a draft invoice makes Tryton recompute its tax lines (create does not). */
const recomputeTaxes = (books: TrytonBooks, id: number) => books.client.write('account.invoice', [id], {});

async function result(books: TrytonBooks, kind: DocKind, id: number, change: 'Created' | 'Modified'): Promise<WriteResult> {
  const [record] = await loadInvoices(books, [id], kind);
  return { record, changes: [{ type: change, recordRef: { id: String(id), dataType: kind } }] };
}

export async function createDocument(books: TrytonBooks, kind: DocKind, record: Rec, key: string): Promise<WriteResult> {
  const mark = marker(key);
  const input = await parseDocument(books, kind, record, undefined);
  const existing = await findInvoiceByMarker(books, trytonType(kind), mark);
  if (existing) {
    // A retry: the first attempt created it; finish what it may not have (posting).
    if (input.post && existing.state === 'draft') await post(books, existing.id);
    return result(books, kind, existing.id, 'Created');
  }
  const [first, ...rest] = input.lines ?? [];
  const values = { ...input.values, type: trytonType(kind), lines: [['create', [{ ...first, note: mark }, ...rest]]] };
  let id: number;
  try {
    id = await books.client.create('account.invoice', values);
    await recomputeTaxes(books, id);
  } catch (e) {
    throw asValidationError(e);
  }
  if (input.post) {
    try {
      await post(books, id);
    } catch (e) {
      await books.client.delete('account.invoice', [id]).catch(() => undefined); // all or nothing: no stray draft
      throw e;
    }
  }
  return result(books, kind, id, 'Created');
}

/** The document `recordId` names, if it is of this kind; otherwise a validation error on `id`. */
async function existingDocument(books: TrytonBooks, kind: DocKind, recordId: string | undefined) {
  const issues = new Issues();
  const id = trytonId(recordId, 'id', issues, true);
  const [row] = id === undefined ? [] : await books.client.searchRead('account.invoice', [['id', '=', id], ['type', '=', trytonType(kind)]], ['state', 'number', 'reference', 'lines']);
  if (!row && !issues.any) issues.add('id', `Tryton has no ${noun(kind)} with id ${recordId}.`);
  issues.throwIfAny(noun(kind));
  const name = String(row['number'] ?? row['reference'] ?? `#${row['id']}`);
  return { id: row['id'] as number, state: String(row['state']), name, lines: (row['lines'] as number[]) ?? [] };
}

function refuse(kind: DocKind, doc: { name: string; state: string }, action: string): never {
  const label = kind === 'invoices' ? 'Invoice' : 'Bill';
  throw new ConnectorValidationError(`${label} ${doc.name} is ${doc.state} and cannot be ${action}; only draft ${kind} can.`, [
    { itemId: 'id', message: `${label} ${doc.name} is ${doc.state}.` },
  ]);
}

export async function updateDocument(books: TrytonBooks, kind: DocKind, recordId: string | undefined, record: Rec): Promise<WriteResult> {
  const doc = await existingDocument(books, kind, recordId);
  if (doc.state !== 'draft') refuse(kind, doc, 'changed');
  const input: DocumentInput = await parseDocument(books, kind, record, doc.id);
  const values: Rec = { ...input.values };
  if (input.lines) {
    // Keep the idempotency marker of the replaced lines on the new first line.
    const notes = await books.client.read('account.invoice.line', doc.lines, ['note']);
    const kept = notes.map((n) => String(n['note'] ?? '')).find((n) => n.startsWith(MARKER_PREFIX));
    const [first, ...rest] = input.lines;
    const created = first ? [{ ...first, ...(kept ? { note: kept } : {}) }, ...rest] : [];
    values['lines'] = [...(doc.lines.length ? [['delete', doc.lines]] : []), ...(created.length ? [['create', created]] : [])];
  }
  try {
    if (Object.keys(values).length) await books.client.write('account.invoice', [doc.id], values);
  } catch (e) {
    throw asValidationError(e);
  }
  if (input.post) await post(books, doc.id);
  return result(books, kind, doc.id, 'Modified');
}

export async function deleteDocument(books: TrytonBooks, kind: DocKind, recordId: string | undefined): Promise<WriteResult> {
  const doc = await existingDocument(books, kind, recordId);
  if (doc.state !== 'draft') refuse(kind, doc, 'deleted');
  try {
    await books.client.delete('account.invoice', [doc.id]);
  } catch (e) {
    throw asValidationError(e);
  }
  return { changes: [{ type: 'Deleted', recordRef: { id: String(doc.id), dataType: kind } }] };
}
