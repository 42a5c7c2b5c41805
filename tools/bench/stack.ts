import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

export const ROOT = join(__dirname, '..', '..');
const ADMIN_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface BenchStack {
  apiUrl: string;
  auth: string;
  databaseUrl: string;
  redisUrl: string;
  /** Bull key prefix of this stack's queues (QUEUE_PREFIX). */
  queuePrefix: string;
  workerPid: number;
  /** The last 8 KB each process wrote (for failure reports). */
  logs(name: 'api' | 'worker'): string;
  /** Stops the worker and starts it again with extra environment (workerPid follows). */
  restartWorker(env: Record<string, string>): Promise<void>;
  api<T = unknown>(path: string, init?: { method?: string; json?: unknown }): Promise<T>;
  stop(): Promise<void>;
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`process exited:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  throw new Error(`not healthy: ${url}\n${log()}`);
}

/** Real API and worker processes from dist/ on a fresh database of the local PostgreSQL. */
export async function startBenchStack(env: Record<string, string> = {}): Promise<BenchStack> {
  for (const f of ['dist/apps/api/main.js', 'dist/apps/worker/main.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run npx nx run-many -t build -p api worker`);
  }
  const dbName = `ll_bench_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const apiKey = `llk_bench_${randomBytes(16).toString('hex')}`;
  const apiPort = await freePort();
  const workerPort = await freePort();
  const common = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `bench-${dbName}`,
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    DATABASE_POOL_SIZE: '40',
    ...env,
  };
  const logs: Record<string, string> = { api: '', worker: '' };
  const start = (name: 'api' | 'worker', extra: Record<string, string>) => {
    // BENCH_API_NODE_ARGS / BENCH_WORKER_NODE_ARGS: extra node flags, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = (process.env[`BENCH_${name.toUpperCase()}_NODE_ARGS`] ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, `dist/apps/${name}/main.js`], { cwd: ROOT, env: { ...common, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (b: Buffer) => (logs[name] = (logs[name] + b.toString()).slice(-8000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  };
  const api = start('api', { API_PORT: String(apiPort), BOOTSTRAP_API_KEY: apiKey });
  await waitHealthy(`http://127.0.0.1:${apiPort}/healthz`, api, () => logs['api']);
  let worker = start('worker', { WORKER_PORT: String(workerPort) });
  await waitHealthy(`http://127.0.0.1:${workerPort}/healthz`, worker, () => logs['worker']);
  const stopChild = async (c: ChildProcess) => {
    c.kill('SIGTERM');
    for (let i = 0; i < 50 && c.exitCode === null; i++) await sleep(100);
    if (c.exitCode === null) c.kill('SIGKILL');
  };
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const auth = `Basic ${Buffer.from(apiKey).toString('base64')}`;
  return {
    apiUrl,
    auth,
    databaseUrl: dbUrl.toString(),
    redisUrl: common.REDIS_URL,
    queuePrefix: common.QUEUE_PREFIX,
    get workerPid() {
      return worker.pid ?? 0;
    },
    logs: (name) => logs[name],
    async restartWorker(extra: Record<string, string>) {
      await stopChild(worker);
      worker = start('worker', { WORKER_PORT: String(workerPort), ...extra });
      await waitHealthy(`http://127.0.0.1:${workerPort}/healthz`, worker, () => logs['worker']);
    },
    async api<T>(path: string, init: { method?: string; json?: unknown } = {}) {
      const res = await fetch(apiUrl + path, {
        method: init.method ?? 'GET',
        headers: { authorization: auth, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async stop() {
      for (const c of [worker, api]) await stopChild(c);
      const a = new Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await a.end();
      // The stack's Bull keys go with its database.
      const redis = new Redis(common.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        for (let cursor = '0'; ; ) {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${common.QUEUE_PREFIX}:*`, 'COUNT', 1000);
          if (keys.length) await redis.del(...keys);
          cursor = next;
          if (cursor === '0') break;
        }
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Closed-loop load: `concurrency` workers run `fn` until `total` calls are done; returns rate and latency percentiles. */
export async function load(total: number, concurrency: number, fn: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const s = process.hrtime.bigint();
        await fn(i);
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { perSecond: total / seconds, p50: pct(50), p99: pct(99), seconds };
}

export const fmt = (n: number, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
