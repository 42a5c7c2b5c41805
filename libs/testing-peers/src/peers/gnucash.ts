import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  PEER_TOOLS_DIR,
  SYSTEM_PYTHON,
  makeTempDir,
  removeDir,
  requireDebianPackages,
  runPython,
} from './process';

export const GNUCASH_PACKAGES = [
  'gnucash',
  'python3-gnucash',
  'libdbd-sqlite3',
  'sqlite3',
];

export interface GnucashAccount {
  guid: string;
  name: string;
  /** ':'-separated path below the root, e.g. "Assets:Bank". */
  fullName: string;
  code: string;
  type: string;
  description: string;
  /** Decimal string, debit > 0, credit < 0. */
  balance: string;
}
export interface GnucashOwner {
  guid: string;
  id: string;
  name: string;
  email: string;
  active: boolean;
}
export interface GnucashInvoice {
  guid: string;
  id: string;
  type: string;
  owner: string;
  ownerId: string;
  datePosted: string | null;
  dateDue: string | null;
  posted: boolean;
  paid: boolean;
  notes: string;
  subtotal: string;
  tax: string;
  total: string;
  lines: { description: string; quantity: string; price: string }[];
}
export interface GnucashTransaction {
  guid: string;
  num: string;
  date: string;
  description: string;
  splits: { account: string; memo: string; value: string }[];
}
/** What GnuCash itself sees in a book (tools/peers/gnucash_read_book.py). */
export interface GnucashBook {
  accounts: GnucashAccount[];
  customers: GnucashOwner[];
  vendors: GnucashOwner[];
  taxTables: {
    name: string;
    entries: { account: string; amount: string; type: string }[];
  }[];
  invoices: GnucashInvoice[];
  transactions: GnucashTransaction[];
  lock: { hostname: string; pid: number }[];
}

/** Creates the known-data book (see tools/peers/gnucash_create_book.py) as `<dir>/book.gnucash`. */
export async function createGnucashBook(
  dir?: string,
): Promise<{ path: string; cleanup(): Promise<void> }> {
  requireDebianPackages('GnuCash', GNUCASH_PACKAGES);
  const ownDir = dir === undefined;
  const folder =
    dir === undefined ? await makeTempDir('gnucash') : resolve(dir);
  const path = join(folder, 'book.gnucash');
  try {
    await runPython('gnucash_create_book.py', [path]);
  } catch (e) {
    if (ownDir) await removeDir(folder);
    throw e;
  }
  return {
    path,
    async cleanup() {
      if (ownDir) return removeDir(folder);
      const name = basename(path);
      // the book plus GnuCash's side files (BOOK.<timestamp>.log, BOOK.LCK) if anything wrote them
      const files = (await readdir(folder)).filter(
        (f) => f === name || f.startsWith(`${name}.`),
      );
      await Promise.all(files.map((f) => rm(join(folder, f), { force: true })));
    },
  };
}

/** Opens the book read-only with GnuCash's own bindings and returns what it sees. */
export async function readGnucashBook(path: string): Promise<GnucashBook> {
  requireDebianPackages('GnuCash', GNUCASH_PACKAGES);
  return JSON.parse(
    await runPython('gnucash_read_book.py', [resolve(path)]),
  ) as GnucashBook;
}

/**
 * Opens the book with GnuCash (SESSION_NORMAL_OPEN) in a child process, so its `gnclock` row is held
 * as if GnuCash had the book open. `release()` ends that session cleanly (the row is removed).
 */
export async function holdGnucashLock(
  path: string,
): Promise<{ pid: number; release(): Promise<void> }> {
  requireDebianPackages('GnuCash', GNUCASH_PACKAGES);
  const child = spawn(
    SYSTEM_PYTHON,
    [join(PEER_TOOLS_DIR, 'gnucash_lock.py'), resolve(path)],
    {
      cwd: dirname(resolve(path)),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((ok, fail) => {
    child.stdout.on(
      'data',
      (d: Buffer) => d.toString().includes('locked') && ok(),
    );
    void exited.then(() =>
      fail(
        new Error(`gnucash_lock.py exited before locking ${path}:\n${stderr}`),
      ),
    );
  });
  return {
    pid: child.pid ?? -1,
    async release() {
      if (child.exitCode === null && child.signalCode === null)
        child.kill('SIGTERM');
      await exited;
    },
  };
}
