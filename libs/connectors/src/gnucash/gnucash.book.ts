import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ConnectorAuthError, ConnectorNotSupportedError, ConnectorUnavailableError } from '../connector';
import { gncDay } from './gnucash.mapping';

export type Db = Database.Database;
export type Row = Record<string, unknown>;

/** The tables a GnuCash SQLite book always has. */
const REQUIRED_TABLES = ['books', 'accounts', 'gnclock', 'transactions', 'splits', 'slots', 'versions'];

/**
 * Table versions of GnuCash 4.x/5.x books (`versions`), the layout the writer was built and tested
 * against (GnuCash 4.13). Reading tolerates other versions; writing refuses them.
 */
const WRITE_VERSIONS: Record<string, number> = {
  accounts: 1, books: 1, commodities: 1, customers: 2, entries: 4, invoices: 4, lots: 2,
  slots: 4, splits: 5, taxtables: 2, taxtable_entries: 3, transactions: 4, vendors: 1,
};

/** 32 lowercase hex characters, like every GnuCash guid. */
export const newGuid = () => randomUUID().replaceAll('-', '');

/**
 * Opens the book file. `read` is read-only (allowed while GnuCash has the book open); all
 * integers come back as bigint so money stays exact. `whenMissing` picks the error for a book that
 * cannot be found: an auth error while linking, "unavailable" later (a share or disk may be offline).
 */
export function openBook(path: string | undefined, mode: 'read' | 'write', whenMissing: 'auth' | 'unavailable' = 'unavailable'): Db {
  if (!path || !isAbsolute(path)) throw new ConnectorAuthError('bookPath must be the absolute path of the GnuCash book file (….gnucash).', 'bookPath');
  if (!existsSync(path) || !statSync(path).isFile()) {
    const message = `No GnuCash book at ${path}.`;
    throw whenMissing === 'auth' ? new ConnectorAuthError(message, 'bookPath') : new ConnectorUnavailableError(message);
  }
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: mode === 'read', fileMustExist: true, timeout: 5000 });
    db.defaultSafeIntegers(true);
    db.function('ll_day', { deterministic: true }, (v: unknown) => gncDay(v) ?? null);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new Error(`missing tables ${missing.join(', ')}`);
    return db;
  } catch (e) {
    db?.close();
    const reason = e instanceof Error ? e.message : String(e);
    throw new ConnectorAuthError(
      `${path} is not a GnuCash SQLite book (${reason}). Save the book in SQLite format in GnuCash (File › Save As…, Data Format "sqlite3") and point bookPath at that file.`,
      'bookPath',
    );
  }
}

function tableVersions(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT table_name, table_version FROM versions').all() as { table_name: string; table_version: bigint }[];
  return new Map(rows.map((r) => [r.table_name, Number(r.table_version)]));
}

/** The GnuCash release that last saved the book ("4.13" from versions.Gnucash = 4000013). */
export function gnucashRelease(db: Db): string | undefined {
  const v = tableVersions(db).get('Gnucash');
  return v === undefined ? undefined : `${Math.floor(v / 1_000_000)}.${v % 1_000_000}`;
}

/** Tables whose layout differs from the one the writer knows ("invoices 5 (expected 4)"). */
export function unwritableTables(db: Db): string[] {
  const have = tableVersions(db);
  return Object.entries(WRITE_VERSIONS)
    .filter(([t, v]) => have.get(t) !== v)
    .map(([t, v]) => `${t} ${have.get(t) ?? 'missing'} (expected ${v})`);
}

/** Refuses to write into a book whose table layout differs from the one the writer knows. */
export function assertWritableSchema(db: Db): void {
  const wrong = unwritableTables(db);
  if (wrong.length) {
    throw new ConnectorNotSupportedError(`This GnuCash book's table layout is not supported for writing: ${wrong.join(', ')}.`);
  }
}

export interface BookRoots {
  book: string;
  root: string;
  templateRoot: string;
}

export function bookRoots(db: Db): BookRoots {
  const r = db.prepare('SELECT guid, root_account_guid, root_template_guid FROM books LIMIT 1').get() as Row | undefined;
  if (!r) throw new ConnectorAuthError('The GnuCash book has no books row.', 'bookPath');
  return { book: String(r['guid']), root: String(r['root_account_guid']), templateRoot: String(r['root_template_guid']) };
}

/** A string slot value by its full path name (e.g. "options/Business/Company Name"). */
export function stringSlot(db: Db, name: string): string | undefined {
  const v = db.prepare('SELECT string_val FROM slots WHERE name = ? AND slot_type = 4 LIMIT 1').pluck().get(name);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** Who holds GnuCash's lock (`gnclock`), if anyone. */
export function lockHolders(db: Db): { hostname: string; pid: number }[] {
  return (db.prepare('SELECT Hostname, PID FROM gnclock').all() as Row[]).map((r) => ({ hostname: String(r['Hostname'] ?? ''), pid: Number(r['PID'] ?? 0) }));
}

export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
export const bool = (v: unknown): boolean => Number(v ?? 0) !== 0;
