import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PEER_TOOLS_DIR,
  freePort,
  makeTempDir,
  removeDir,
  requireDebianPackages,
  runPython,
  spawnServer,
  waitUntilReady,
} from './process';

export const TRYTON_PACKAGES = [
  'tryton-server',
  'tryton-modules-account',
  'tryton-modules-account-invoice',
  'tryton-modules-party',
  'tryton-proteus',
];

/** Name of the database tools/peers/tryton_setup.py builds (the file is `<name>.sqlite`). */
const BUILT_DATABASE = 'ledgerlink';

export interface TrytonPeer {
  /** Server root, e.g. http://127.0.0.1:41234 (database calls go to `${url}/${database}/`). */
  url: string;
  database: string;
  user: string;
  password: string;
  pid: number;
  /** Temp folder holding trytond.conf, the database file and trytond.log. */
  dir: string;
  stop(): Promise<void>;
}

export interface StartTrytonOptions {
  port?: number;
  /** Database name to serve the fresh copy under (default "ledgerlink"). */
  database?: string;
}

/**
 * Path of a pristine database built by tryton_setup.py, cached under os.tmpdir() and keyed by the
 * script's hash. Built once (~15 s); concurrent builders race harmlessly (atomic rename).
 */
export async function trytonTemplateDatabase(): Promise<string> {
  requireDebianPackages('Tryton', TRYTON_PACKAGES);
  const script = readFileSync(join(PEER_TOOLS_DIR, 'tryton_setup.py'));
  const key = createHash('sha256').update(script).digest('hex').slice(0, 16);
  const cacheDir = join(tmpdir(), 'ledgerlink-peers-cache', `tryton-${key}`);
  const file = join(cacheDir, `${BUILT_DATABASE}.sqlite`);
  if (existsSync(file)) return file;
  await mkdir(join(tmpdir(), 'ledgerlink-peers-cache'), { recursive: true });
  const build = await makeTempDir('tryton-build');
  try {
    await runPython('tryton_setup.py', [build]);
    await rename(build, cacheDir).catch((e: NodeJS.ErrnoException) => {
      if (!existsSync(file)) throw e; // someone else finished first: use theirs
    });
  } finally {
    await removeDir(build);
  }
  return file;
}

/** Starts trytond on 127.0.0.1 with a fresh copy of the known-data database. */
export async function startTryton(
  opts: StartTrytonOptions = {},
): Promise<TrytonPeer> {
  const template = await trytonTemplateDatabase();
  const database = opts.database ?? BUILT_DATABASE;
  const dir = await makeTempDir('tryton');
  try {
    const port = opts.port ?? (await freePort());
    await copyFile(template, join(dir, `${database}.sqlite`));
    const conf = join(dir, 'trytond.conf');
    await writeFile(
      conf,
      `[database]\nuri = sqlite://\npath = ${dir}\n\n[web]\nlisten = 127.0.0.1:${port}\n`,
    );
    const server = spawnServer(
      'trytond',
      ['-c', conf, '-d', database],
      join(dir, 'trytond.log'),
      dir,
    );
    const url = `http://127.0.0.1:${port}`;
    await waitUntilReady('trytond', server, async () => {
      return (
        typeof (await trytonRpc(url, '', 'common.server.version', [])) ===
        'string'
      );
    });
    return {
      url,
      database,
      user: 'admin',
      password: 'admin',
      pid: server.pid,
      dir,
      async stop() {
        await server.stop();
        await removeDir(dir);
      },
    };
  } catch (e) {
    await removeDir(dir);
    throw e;
  }
}

export interface TrytonSession {
  login: string;
  userId: number;
  key: string;
  /** User preferences (company, language, …): pass as the last parameter of model calls. */
  context: Record<string, unknown>;
}

export class TrytonRpcError extends Error {
  constructor(
    readonly method: string,
    readonly detail: unknown,
  ) {
    super(`${method}: ${JSON.stringify(detail).slice(0, 500)}`);
  }
}

let nextId = 1;

/**
 * One JSON-RPC call. `database` '' targets the server root (common.server.version, common.db.list).
 * Typed values come back as {__class__: 'Decimal', decimal: '1.00'} / {__class__: 'date', year, month, day}.
 */
export async function trytonRpc<T = unknown>(
  url: string,
  database: string,
  method: string,
  params: unknown[],
  session?: Pick<TrytonSession, 'login' | 'userId' | 'key'>,
): Promise<T> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
  };
  if (session) {
    const token = Buffer.from(
      `${session.login}:${session.userId}:${session.key}`,
    ).toString('base64');
    headers['Authorization'] = `Session ${token}`;
  }
  const res = await fetch(`${url}/${database ? `${database}/` : ''}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ id: nextId++, method, params }),
  });
  if (!res.ok) throw new TrytonRpcError(method, `HTTP ${res.status}`);
  const body = (await res.json()) as { result?: T; error?: unknown };
  if (body.error !== undefined) throw new TrytonRpcError(method, body.error);
  return body.result as T;
}

/** Logs in (common.db.login) and reads the user's context (res.user.get_preferences). */
export async function trytonLogin(
  url: string,
  database: string,
  login: string,
  password: string,
): Promise<TrytonSession> {
  const [userId, key] = await trytonRpc<[number, string]>(
    url,
    database,
    'common.db.login',
    [login, { password }, 'en'],
  );
  const session = { login, userId, key };
  const context = await trytonRpc<Record<string, unknown>>(
    url,
    database,
    'model.res.user.get_preferences',
    [true, {}],
    session,
  );
  return { ...session, context };
}

/** Logs in to a started peer and returns a bound `call(method, params)` (context appended for you). */
export async function trytonClient(
  peer: Pick<TrytonPeer, 'url' | 'database' | 'user' | 'password'>,
) {
  const session = await trytonLogin(
    peer.url,
    peer.database,
    peer.user,
    peer.password,
  );
  return {
    session,
    /** Calls `model.*`/`wizard.*` methods; the session context is appended as the last parameter. */
    call: <T = unknown>(method: string, params: unknown[]) =>
      trytonRpc<T>(
        peer.url,
        peer.database,
        method,
        [...params, session.context],
        session,
      ),
  };
}

/** Decodes Tryton's typed JSON values: Decimal → string, date → 'YYYY-MM-DD'; others unchanged. */
export function trytonValue(v: unknown): unknown {
  if (v && typeof v === 'object' && '__class__' in v) {
    const o = v as Record<string, unknown>;
    if (o['__class__'] === 'Decimal') return String(o['decimal']);
    if (o['__class__'] === 'date') {
      const p = (n: unknown, w: number) => String(n).padStart(w, '0');
      return `${p(o['year'], 4)}-${p(o['month'], 2)}-${p(o['day'], 2)}`;
    }
  }
  return v;
}
