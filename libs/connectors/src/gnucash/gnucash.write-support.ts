import { ConnectorValidationError } from '../connector';
import { type BookRoots, type Db, type Row, str } from './gnucash.book';
import { type Fraction, parseDecimal } from './gnucash.fraction';
import { storedTimestamp } from './gnucash.mapping';
import { PATHS_CTE } from './gnucash.query';

export interface WriteContext {
  db: Db;
  roots: BookRoots;
  now: Date;
  key: string;
}

/** Collects validation problems and throws them together, naming the offending fields. */
export class Problems {
  readonly items: { itemId?: string; message: string }[] = [];

  add(itemId: string, message: string): undefined {
    this.items.push({ itemId, message });
    return undefined;
  }

  throwIfAny(what: string): void {
    if (this.items.length) throw new ConnectorValidationError(`${what}: ${this.items.map((p) => p.message).join('; ')}`, this.items);
  }
}

export const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
export const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const refId = (v: unknown): string => text(obj(v)['id']);

/** A required or optional decimal field, parsed exactly. */
export function amount(p: Problems, field: string, v: unknown, required = true): Fraction | undefined {
  if (v === undefined || v === null) return required ? p.add(field, `${field} is required`) : undefined;
  return parseDecimal(v) ?? p.add(field, `${field} must be a number`);
}

export interface Currency {
  guid: string;
  code: string;
  fraction: bigint;
}

export function currencyByCode(db: Db, code: string): Currency | undefined {
  const r = db.prepare("SELECT guid, mnemonic, fraction FROM commodities WHERE namespace = 'CURRENCY' AND mnemonic = ?").get(code.toUpperCase()) as Row | undefined;
  return r && { guid: str(r['guid']), code: str(r['mnemonic']), fraction: r['fraction'] as bigint };
}

export function currencyByGuid(db: Db, guid: string): Currency | undefined {
  const r = db.prepare("SELECT guid, mnemonic, fraction FROM commodities WHERE namespace = 'CURRENCY' AND guid = ?").get(guid) as Row | undefined;
  return r && { guid: str(r['guid']), code: str(r['mnemonic']), fraction: r['fraction'] as bigint };
}

/** The book's main currency: the one most of its accounts use. */
export function baseCurrency(db: Db): Currency | undefined {
  const guid = db
    .prepare(`SELECT c.guid FROM accounts a JOIN commodities c ON c.guid = a.commodity_guid WHERE c.namespace = 'CURRENCY'
      GROUP BY c.guid ORDER BY COUNT(*) DESC, c.mnemonic LIMIT 1`)
    .pluck()
    .get();
  return typeof guid === 'string' ? currencyByGuid(db, guid) : undefined;
}

export interface AccountRow {
  guid: string;
  name: string;
  type: string;
  path: string;
  commodity: string;
  placeholder: boolean;
}

/** An account of the book's tree by guid or by its ':' full name. */
export function findAccount(ctx: WriteContext, by: { guid?: string; path?: string }): AccountRow | undefined {
  const r = ctx.db
    .prepare(`WITH RECURSIVE ${PATHS_CTE}
      SELECT a.guid, a.name, a.account_type, a.commodity_guid, a.placeholder, p.path FROM paths p JOIN accounts a ON a.guid = p.guid
      WHERE a.guid = @guid OR p.path = @path LIMIT 1`)
    .get({ root: ctx.roots.root, guid: by.guid ?? null, path: by.path ?? null }) as Row | undefined;
  return (
    r && { guid: str(r['guid']), name: str(r['name']), type: str(r['account_type']), path: str(r['path']), commodity: str(r['commodity_guid']), placeholder: Number(r['placeholder'] ?? 0) !== 0 }
  );
}

/** Now (plus some seconds, to keep the order of invoice lines), as GnuCash stores enter dates. */
export const enteredAt = (ctx: WriteContext, offsetSeconds = 0) => storedTimestamp(new Date(ctx.now.getTime() + offsetSeconds * 1000));
