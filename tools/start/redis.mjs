// Redis discovery for the launcher (Node built-ins only):
//   1. REDIS_URL from the environment;
//   2. something answering PING on 127.0.0.1:6379;
//   3. a private redis-server on a free port (no persistence), spawned by us;
//   4. otherwise an error telling how to install it.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnChild } from './children.mjs';
import { findFreePort, sleep } from './proc.mjs';

export const REDIS_MISSING_MESSAGE =
  'Redis is required. Install it with: sudo apt-get install -y redis-server';
export const REDIS_MISSING_HINT =
  '(or set REDIS_URL=redis://host:port to use an existing Redis)';

/** Raw RESP PING: resolves true if the server answers +PONG within timeoutMs. */
export function pingRedis(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    let reply = '';
    const sock = net.connect({ port, host });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('error', () => done(false));
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    sock.once('end', () => done(reply.startsWith('+PONG')));
  });
}

/** Path of redis-server on PATH (or /usr/bin, /usr/local/bin), or null. */
export const REDIS_FALLBACK_DIRS = ['/usr/bin', '/usr/local/bin', '/usr/sbin'];

export function findRedisServer(
  envPath = process.env.PATH ?? '',
  fallbackDirs = REDIS_FALLBACK_DIRS,
) {
  const dirs = [
    ...envPath.split(path.delimiter).filter(Boolean),
    ...fallbackDirs,
  ];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'redis-server');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return null;
}

export class RedisMissingError extends Error {
  constructor() {
    super(`${REDIS_MISSING_MESSAGE}\n${REDIS_MISSING_HINT}`);
    this.name = 'RedisMissingError';
  }
}

/**
 * Returns { url, source: 'env' | 'local' | 'spawned', child? }. `child` (a spawnChild handle,
 * output prefixed "[redis] ") is set only when we started redis-server; stop it with child.stop().
 * `localPort` / `fallbackDirs` exist for tests.
 */
export async function resolveRedis({
  env = process.env,
  startTimeoutMs = 15_000,
  log = () => {},
  localPort = 6379,
  fallbackDirs = REDIS_FALLBACK_DIRS,
} = {}) {
  if (env.REDIS_URL) return { url: env.REDIS_URL, source: 'env' };
  if (await pingRedis(localPort))
    return { url: `redis://127.0.0.1:${localPort}`, source: 'local' };

  const bin = findRedisServer(env.PATH, fallbackDirs);
  if (!bin) throw new RedisMissingError();

  const port = await findFreePort();
  log(`Starting ${bin} on 127.0.0.1:${port} (no persistence)...`);
  const child = spawnChild({
    name: 'redis',
    command: bin,
    cwd: os.tmpdir(), // nothing is saved (--save ''), but never drop a dump.rdb into the repo
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
    ],
    env,
  });
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitInfo) {
      throw new Error(
        `redis-server exited while starting.\nLast output of redis:\n${child.lastOutput()}`,
      );
    }
    if (await pingRedis(port)) break;
    if (Date.now() > deadline) {
      await child.stop();
      throw new Error(
        `redis-server did not answer PING on port ${port} within ${startTimeoutMs / 1000} s.`,
      );
    }
    await sleep(100);
  }
  return { url: `redis://127.0.0.1:${port}`, source: 'spawned', child };
}
