import type { WriteResult } from '../connector';
import type { TrytonBooks } from './tryton.books';
import { addNote, findNoted, marker } from './tryton.idempotency';
import { loadPayments } from './tryton.loaders';
import { date, decimal, m2o, money, related, text } from './tryton.values';
import { asValidationError, day, decimalText, isObject, Issues, num, type Rec, refId, str, trytonId } from './tryton.validate';

/*
 * Payments are made with Tryton's own "Pay invoice" wizard (account.invoice.pay), as a user would:
 * it books a move on the payment method's journal (cash/bank account ↔ receivable/payable), links
 * the receivable/payable line to the invoice as a payment line and reconciles when fully paid.
 * The unified Payment's id is that payment line.
 */

type PayKind = 'payments' | 'billPayments';

interface PaymentInput {
  invoiceId: number;
  amount: number;
  day: string;
  method: number;
  description?: string;
}

const linkType = (kind: PayKind) => (kind === 'payments' ? 'Invoice' : 'Bill');

function theLink(record: Rec, kind: PayKind, issues: Issues): { id: unknown; itemId: string } | undefined {
  const lines = record['lines'];
  if (!Array.isArray(lines) || lines.length === 0) return issues.add('lines', `lines needs one line linking the ${linkType(kind)} to pay.`);
  const links: { id: unknown; itemId: string }[] = [];
  for (const [i, line] of lines.entries()) {
    const ls = isObject(line) && Array.isArray(line['links']) ? (line['links'] as unknown[]) : [];
    for (const [j, l] of ls.entries()) if (isObject(l) && l['type'] === linkType(kind)) links.push({ id: l['id'], itemId: `lines[${i}].links[${j}].id` });
  }
  if (links.length !== 1) {
    return issues.add('lines', `Tryton pays one document per payment: send exactly one link of type ${linkType(kind)} (found ${links.length}).`);
  }
  return links[0];
}

async function parse(books: TrytonBooks, kind: PayKind, record: Rec): Promise<PaymentInput> {
  const issues = new Issues();
  const what = kind === 'payments' ? 'payment' : 'bill payment';
  const paid = day(record['date'], 'date', issues, true);
  const link = theLink(record, kind, issues);
  const invoiceId = link && trytonId(link.id, link.itemId, issues, true);
  const firstLine = Array.isArray(record['lines']) && isObject(record['lines'][0]) ? record['lines'][0] : {};
  const amountItem = record['totalAmount'] !== undefined && record['totalAmount'] !== null ? 'totalAmount' : 'lines[0].amount';
  const amount = num(amountItem === 'totalAmount' ? record['totalAmount'] : firstLine['amount'], amountItem, issues, true);
  if (amount !== undefined && amount <= 0) issues.add(amountItem, 'The amount paid must be positive.');
  issues.throwIfAny(what);

  const type = kind === 'payments' ? 'out' : 'in';
  const [doc] = await books.client.searchRead('account.invoice', [['id', '=', invoiceId], ['type', '=', type]], ['state', 'number', 'party', 'amount_to_pay', 'currency.code']);
  const label = `${linkType(kind)} ${doc?.['number'] ?? invoiceId}`;
  if (!doc) issues.add(link?.itemId ?? 'lines', `Tryton has no ${linkType(kind).toLowerCase()} with id ${invoiceId}.`);
  else if (doc['state'] !== 'posted') {
    issues.add(link?.itemId ?? 'lines', doc['state'] === 'paid' ? `${label} is already paid.` : `${label} is ${doc['state']}: post it before paying it.`);
  } else if ((amount ?? 0) > money(doc['amount_to_pay']) + 1e-9) {
    issues.add(amountItem, `${amount} is more than the ${money(doc['amount_to_pay'])} due on ${label}.`);
  }
  const partyKey = kind === 'payments' ? 'customerRef' : 'supplierRef';
  const partyId = refId(record[partyKey]);
  if (doc && partyId !== undefined && String(partyId) !== String(doc['party'])) issues.add(`${partyKey}.id`, `${label} belongs to party ${doc['party']}, not ${partyId}.`);
  const currency = str(record['currency']);
  const docCurrency = doc && text(related(doc, 'currency')?.['code']);
  if (currency && docCurrency && currency.toUpperCase() !== docCurrency) issues.add('currency', `${label} is in ${docCurrency}.`);
  const method = await paymentMethod(books, kind, record, issues);
  issues.throwIfAny(what);
  return { invoiceId: invoiceId as number, amount: amount as number, day: paid as string, method: method as number, description: str(record['reference']) ?? str(record['note']) };
}

/** The payment method booking to `accountRef.id` (its debit account for customer payments), else the first. */
async function paymentMethod(books: TrytonBooks, kind: PayKind, record: Rec, issues: Issues): Promise<number | undefined> {
  const { id: company } = await books.company();
  const field = kind === 'payments' ? 'debit_account' : 'credit_account';
  const methods = await books.client.searchRead('account.invoice.payment.method', [['company', '=', company]], [field], { order: [['id', 'ASC']] });
  const wanted = trytonId(refId(record['accountRef']), 'accountRef.id', issues);
  if (wanted === undefined) return (methods[0]?.['id'] as number | undefined) ?? issues.add('accountRef.id', 'Tryton has no invoice payment method.');
  const method = methods.find((m) => m2o(m[field]) === wanted);
  return (method?.['id'] as number | undefined) ?? issues.add('accountRef.id', `No Tryton payment method books to account ${wanted}.`);
}

/** Runs account.invoice.pay: start form → (ask: partial) → pay. */
async function runPayWizard(books: TrytonBooks, input: PaymentInput): Promise<void> {
  const { client } = books;
  const ctx = await client.context();
  const wctx = { ...ctx, active_model: 'account.invoice', active_id: input.invoiceId, active_ids: [input.invoiceId] };
  const [session, startState] = await client.wizard<[number, string, string]>('account.invoice.pay', 'create', [ctx]);
  try {
    const first = await client.wizard<{ view?: { defaults?: Rec } }>('account.invoice.pay', 'execute', [session, {}, startState, wctx]);
    const form = { ...withoutHelpers(first.view?.defaults), amount: decimal(decimalText(input.amount, 2)), payment_method: input.method, date: date(input.day), description: input.description ?? null };
    const next = await client.wizard<{ view?: { state?: string; defaults?: Rec } }>('account.invoice.pay', 'execute', [session, { start: form }, 'choice', wctx]);
    if (next.view?.state === 'ask') {
      // Less than the amount due: keep the rest open ("partial"), never write it off.
      const ask = { ...withoutHelpers(next.view.defaults), type: 'partial' };
      await client.wizard('account.invoice.pay', 'execute', [session, { start: form, ask }, 'pay', wctx]);
    }
  } finally {
    await client.wizard('account.invoice.pay', 'delete', [session, ctx]).catch(() => undefined);
  }
}

/** Wizard defaults carry "field." display helpers the server rejects when sent back. */
const withoutHelpers = (defaults: Rec | undefined): Rec => Object.fromEntries(Object.entries(defaults ?? {}).filter(([k]) => !k.includes('.')));

export async function createPayment(books: TrytonBooks, kind: PayKind, record: Rec, key: string): Promise<WriteResult> {
  const mark = marker(key);
  let lineId = await findNoted(books.client, 'account.move.line', mark);
  if (lineId === undefined) {
    const input = await parse(books, kind, record);
    const paymentLines = async () => {
      const [doc] = await books.client.read('account.invoice', [input.invoiceId], ['payment_lines']);
      return (doc?.['payment_lines'] as number[]) ?? [];
    };
    const before = new Set(await paymentLines());
    try {
      await books.client.confirmingWarnings(() => runPayWizard(books, input));
    } catch (e) {
      throw asValidationError(e, 'date');
    }
    lineId = (await paymentLines()).filter((id) => !before.has(id)).sort((a, b) => b - a)[0];
    if (lineId === undefined) throw new Error(`Tryton's pay wizard ran but ${linkType(kind)} ${input.invoiceId} shows no new payment line.`);
    await addNote(books.client, 'account.move.line', lineId, mark);
  }
  const [out] = await loadPayments(books, [lineId], kind);
  return { record: out, changes: [{ type: 'Created', recordRef: { id: String(lineId), dataType: kind } }] };
}
