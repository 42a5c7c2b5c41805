import type { JournalEntry, JournalLine } from '@ledgerlink/models';
import { type Books, docDay, PREFIX, recordId } from '../books/books';
import { accountRef } from '../books/chart';
import { Rng, SALT } from '../books/random';
import { isoInstant, money } from '../books/time';

/** Journal templates: lines as (nominal code, share of the amount); the last line balances the entry. */
type Template = readonly [description: string, lines: readonly (readonly [code: string, share: number])[]];
const TEMPLATES: readonly Template[] = [
  ['Monthly payroll', [['7000', 1], ['2210', -0.25], ['1200', 0]]],
  ['Depreciation of office equipment', [['8000', 1], ['0031', 0]]],
  ['Accrued rent', [['7100', 1], ['2109', 0]]],
  ['VAT payment to HMRC', [['2200', 1], ['1200', 0]]],
  ['Transfer to savings', [['1210', 1], ['1200', 0]]],
  ['Loan repayment with interest', [['2300', 0.9], ['7900', 0.1], ['1200', 0]]],
  ['Dividend paid', [['3260', 1], ['1200', 0]]],
  ['Petty cash top-up', [['1230', 1], ['1200', 0]]],
];
const PREPARED = TEMPLATES.map(([description, lines]) => ({ description, lines: lines.map(([code, share]) => ({ ref: accountRef(code), share })) }));

const { round } = Math;
const JOURNAL_REF = Object.freeze({ id: 'jnl-general', name: 'General Journal' });

/** Journal entry `i`: a balanced entry (net amounts sum to zero, debit positive). */
export function makeJournalEntry(b: Books, i: number): JournalEntry {
  const r = new Rng(b.seed, SALT.journalEntries, i);
  const day = docDay(b, i, b.counts.journalEntries, r.next());
  const { description, lines } = r.pick(PREPARED);
  const amount = r.logUniform(5_000, 2_000_000);
  const journalLines: JournalLine[] = [];
  let balance = 0;
  for (let k = 0; k < lines.length; k++) {
    const net = k === lines.length - 1 ? -balance : round(amount * lines[k].share);
    balance += net;
    journalLines.push({ netAmount: money(net), description, currency: 'GBP', accountRef: lines[k].ref });
  }
  const created = isoInstant(day, 480 + r.int(600));
  return {
    id: recordId(PREFIX.journalEntries, i),
    description,
    postedOn: created.slice(0, 10) + 'T00:00:00Z',
    createdOn: created,
    updatedOn: created,
    journalRef: JOURNAL_REF,
    journalLines,
    sourceModifiedDate: created,
  };
}
