import type { SupportedDataType } from '@ledgerlink/models';
import type { Connector, ConnectorStore, ReadOptions, UnifiedRecord } from '../../connector';
import { sandboxDefinition } from '../sandbox.definition';

export const FIXED_NOW = new Date('2026-06-01T12:00:00Z');

export function sandbox(credentials: Record<string, string> = {}, store?: ConnectorStore, now: () => Date = () => FIXED_NOW): Connector {
  return sandboxDefinition.create({ credentials, connectionId: 'conn-test', store, now });
}

export async function readAll(c: Connector, dataType: SupportedDataType, options?: ReadOptions): Promise<UnifiedRecord[]> {
  const out: UnifiedRecord[] = [];
  for await (const batch of c.read(dataType, options)) out.push(...batch);
  return out;
}

/** Reads every list data type into maps by id. */
export async function readBooks(c: Connector) {
  const types = ['chartOfAccounts', 'taxRates', 'customers', 'suppliers', 'invoices', 'bills', 'payments', 'billPayments', 'journalEntries'] as const;
  const books = {} as Record<(typeof types)[number], Map<string, UnifiedRecord>>;
  for (const t of types) books[t] = new Map((await readAll(c, t)).map((r) => [r.id as string, r]));
  return books;
}

/** Money as whole pence, to compare without float noise. */
export const p = (n: unknown) => Math.round((n as number) * 100);

/** True when a number has at most 2 decimals. */
export const twoDecimals = (n: unknown) => typeof n === 'number' && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
