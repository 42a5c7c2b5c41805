import {
  type ChildProcess,
  execFile,
  spawn,
  spawnSync,
} from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Debian's interpreter: the only one that can import gnucash, trytond and proteus. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** tools/peers in this repository (fixture scripts, journal template, install.sh). */
export const PEER_TOOLS_DIR =
  process.env['LEDGERLINK_PEER_TOOLS'] ??
  resolve(__dirname, '../../../../tools/peers');

/** Throws, naming the missing Debian packages, unless all of them are installed. */
export function requireDebianPackages(peer: string, packages: string[]): void {
  const r = spawnSync(
    'dpkg-query',
    ['-W', '-f=${Package} ${Status}\\n', ...packages],
    { encoding: 'utf8' },
  );
  const ok = new Set(
    (r.stdout ?? '')
      .split('\n')
      .filter((l) => l.endsWith(' install ok installed'))
      .map((l) => l.split(' ')[0]),
  );
  const missing = packages.filter((p) => !ok.has(p));
  if (missing.length > 0) {
    throw new Error(
      `${peer} peer is not installed: missing Debian package(s) ${missing.join(', ')}. ` +
        'Run `bash tools/peers/install.sh` (as root) first.',
    );
  }
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `ledgerlink-${prefix}-`));
}

export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** Runs a fixture script under Debian's python3; resolves with its stdout. */
export function runPython(script: string, args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    execFile(
      SYSTEM_PYTHON,
      [join(PEER_TOOLS_DIR, script), ...args],
      {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, PYTHONWARNINGS: 'ignore::DeprecationWarning' },
      },
      (err, stdout, stderr) =>
        err
          ? fail(new Error(`${script} failed: ${err.message}\n${stderr}`))
          : ok(stdout),
    );
  });
}

export interface ServerProcess {
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  isRunning(): boolean;
  logTail(): string;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; idempotent. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a server in its own process group, stdout+stderr appended to `logFile`. */
export function spawnServer(
  command: string,
  args: string[],
  logFile: string,
  cwd?: string,
): ServerProcess {
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      cwd,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  let running = true;
  const exited = new Promise<void>((ok) => {
    child.once('exit', () => ok());
    child.once('error', () => ok());
  }).then(() => {
    running = false;
  });
  const pid = child.pid ?? -1;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* group already gone */
    }
  };
  return {
    pid,
    exited,
    isRunning: () => running,
    logTail: () => {
      try {
        return readFileSync(logFile, 'utf8').slice(-4000);
      } catch {
        return '';
      }
    },
    async stop(graceMs = 5000) {
      if (pid <= 0) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      signal('SIGKILL'); // anything the leader left behind in its group
    },
  };
}

/** Polls `probe` until it resolves true; fails early if the server died or after `timeoutMs`. */
export async function waitUntilReady(
  name: string,
  server: ServerProcess,
  probe: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!server.isRunning())
      throw new Error(`${name} exited during startup:\n${server.logTail()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error(
    `${name} did not answer within ${timeoutMs} ms:\n${server.logTail()}`,
  );
}
