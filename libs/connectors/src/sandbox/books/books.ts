import type { SandboxSettings } from '../sandbox.settings';
import { anchorDay, HISTORY_DAYS } from './time';

/** What every generator needs: the seed, the anchor and the size of each data type. */
export interface Books {
  seed: number;
  companyName: string;
  /** The books' "today" (days since the epoch); every generated date is before it. */
  anchorDay: number;
  /** First day of the generated history. */
  firstDay: number;
  counts: { customers: number; suppliers: number; invoices: number; bills: number; journalEntries: number };
}

export function createBooks(settings: Pick<SandboxSettings, 'seed' | 'companyName' | 'volume'>): Books {
  const anchor = anchorDay(settings.seed);
  const v = settings.volume;
  const contacts = Math.max(5, Math.floor(v / 10));
  return {
    seed: settings.seed,
    companyName: settings.companyName,
    anchorDay: anchor,
    firstDay: anchor - HISTORY_DAYS,
    counts: { customers: contacts, suppliers: contacts, invoices: v, bills: v, journalEntries: Math.floor(v / 5) },
  };
}

const { floor } = Math;

/** Document `i` of `count` is dated in its slice of the history, so dates grow with the index. */
export function docDay(b: Books, i: number, count: number, u: number): number {
  return b.firstDay + floor(((i - 1 + u) * HISTORY_DAYS) / count);
}

/** Id prefixes of the generated records: `inv-000001`, `cus-000042`, ... */
export const PREFIX = {
  customers: 'cus',
  suppliers: 'sup',
  invoices: 'inv',
  bills: 'bill',
  payments: 'pay',
  billPayments: 'bpay',
  journalEntries: 'je',
} as const;

export const pad = (i: number) => `${i}`.padStart(6, '0');
export const recordId = (prefix: string, i: number) => `${prefix}-${pad(i)}`;

/** The index behind a generated id, or undefined when the id is not of the generated form. */
export function recordIndex(prefix: string, id: string): number | undefined {
  if (!id.startsWith(`${prefix}-`)) return undefined;
  const i = Number(id.slice(prefix.length + 1));
  return Number.isInteger(i) && i > 0 && recordId(prefix, i) === id ? i : undefined;
}
