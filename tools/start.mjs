#!/usr/bin/env node
// Ledgerlink one-command launcher: installs what is missing, builds (Nx cache), starts PostgreSQL
// (embedded unless DATABASE_URL is set), Redis (unless REDIS_URL is set), the API, the worker and
// the portal, and prints the URLs and dev credentials.
//
//   node tools/start.mjs [--data-dir DIR] [--api-port N] [--worker-port N] [--portal-port N]
//                        [--no-build] [--no-portal]
//
// Only Node built-ins are imported statically: node_modules may not exist yet.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  describeExit,
  spawnChild,
  waitForHttp,
  waitForPort,
} from './start/children.mjs';
import { loadDevCredentials } from './start/dev-credentials.mjs';
import { findFreePort, isPortFree } from './start/proc.mjs';
import {
  RedisMissingError,
  REDIS_MISSING_HINT,
  REDIS_MISSING_MESSAGE,
  resolveRedis,
} from './start/redis.mjs';
import { createRunState, reapOrphans } from './start/run-state.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEALTH_TIMEOUT_MS = 90_000;

const USAGE = `Usage: node tools/start.mjs [options]

  --data-dir DIR     local data (embedded PostgreSQL, dev.json)   default: <repo>/.ledgerlink
  --api-port N       API port (0 = any free port)                 default: 3000
  --worker-port N    worker health port (0 = any free port)       default: 3001
  --portal-port N    portal port (0 = any free port)              default: 4200
  --no-build         do not run the Nx build (use the existing dist/ and apps/portal/.next)
  --no-portal        do not build or start the portal
  -h, --help         this text

Environment: DATABASE_URL (else embedded PostgreSQL), REDIS_URL (else 127.0.0.1:6379 or a private
redis-server), CREDENTIALS_KEY / BOOTSTRAP_* (else the values in <data-dir>/dev.json).`;

const say = (msg) => process.stdout.write(`[start] ${msg}\n`);
const sayErr = (msg) => process.stderr.write(`${msg}\n`);
process.stdout.on('error', () => {}); // e.g. piped into `head`
process.stderr.on('error', () => {});

class UsageError extends Error {}

function parseCli(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        'api-port': { type: 'string' },
        'worker-port': { type: 'string' },
        'portal-port': { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        'no-portal': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(err.message);
  }
  const v = parsed.values;
  const port = (name, fallback) => {
    const raw = v[name] ?? String(fallback);
    if (!/^\d+$/.test(raw) || Number(raw) > 65535)
      throw new UsageError(
        `--${name} must be a port number 0-65535, got "${raw}"`,
      );
    return Number(raw);
  };
  return {
    help: v.help,
    dataDir: path.resolve(
      v['data-dir'] ??
        process.env.LEDGERLINK_DATA_DIR ??
        path.join(ROOT, '.ledgerlink'),
    ),
    apiPort: port('api-port', 3000),
    workerPort: port('worker-port', 3001),
    portalPort: port('portal-port', 4200),
    build: !v['no-build'],
    portal: !v['no-portal'],
  };
}

function nxBin() {
  const legacy = path.join(ROOT, 'node_modules/nx/bin/nx.js');
  if (fs.existsSync(legacy)) return legacy;
  const pkg = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'node_modules/nx/package.json'), 'utf8'),
  );
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.nx;
  return path.join(ROOT, 'node_modules/nx', bin);
}

async function main() {
  const opts = parseCli(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const t0 = Date.now();
  process.env.NX_DAEMON = 'false';
  process.env.NX_NO_CLOUD = 'true';
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  // ---- lifecycle -------------------------------------------------------------------------
  const children = []; // started services, in start order
  let step = null; // current install/build process
  let dbPromise = null;
  let redisPromise = null;
  let runState = null;
  let shutdownPromise = null;
  let exitCode = 0;

  const shutdown = (code) => {
    if (shutdownPromise) return shutdownPromise;
    exitCode = code;
    shutdownPromise = (async () => {
      if (step) await step.stop();
      const byName = (n) => children.filter((c) => c.name === n);
      // services that depend on others first, databases last
      await Promise.all(
        [...byName('portal'), ...byName('worker')].map((c) => c.stop()),
      );
      await Promise.all(byName('api').map((c) => c.stop()));
      await Promise.all([
        dbPromise?.then((db) => db?.stop()).catch(() => {}),
        redisPromise?.then((r) => r?.child?.stop()).catch(() => {}),
        ...children
          .filter((c) => !['portal', 'worker', 'api'].includes(c.name))
          .map((c) => c.stop()),
      ]);
      runState?.remove();
    })()
      .catch((err) => sayErr(`Error while stopping: ${err?.stack ?? err}`))
      .finally(() => process.exit(exitCode));
    return shutdownPromise;
  };
  const stopping = () => shutdownPromise !== null;
  let signals = 0;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      signals += 1;
      if (signals === 1) {
        say(`${sig} received, stopping...`);
        shutdown(0);
      } else {
        say(`${sig} received again, killing the services.`);
        step?.kill();
        for (const c of children) c.kill();
      }
    });
  }
  const fail = (err) => {
    if (stopping()) return shutdownPromise;
    if (err instanceof RedisMissingError) {
      sayErr(REDIS_MISSING_MESSAGE);
      sayErr(REDIS_MISSING_HINT);
    } else {
      sayErr(`Ledgerlink failed to start: ${err?.message ?? err}`);
    }
    return shutdown(1);
  };
  /** Any started service exiting on its own stops everything with exit code 1. */
  const watch = (name, exited, info = () => '') => {
    exited.then((result) => {
      if (stopping()) return;
      const tail = info();
      sayErr(
        `${name} ${describeExit(result)} unexpectedly; stopping everything.${tail ? `\nLast output of ${name}:\n${tail}` : ''}`,
      );
      shutdown(1);
    });
  };
  const startService = (spec) => {
    if (stopping()) return null;
    const child = spawnChild(spec);
    children.push(child);
    runState?.addChild(child);
    watch(child.name, child.exited, () => child.lastOutput(20));
    return child;
  };
  const runStep = async (label, command, args) => {
    say(`${label}: ${[path.basename(command), ...args].join(' ')}`);
    const started = Date.now();
    step = spawnChild({
      name: label,
      command,
      args,
      cwd: ROOT,
      env: process.env,
      inherit: true,
    });
    const result = await step.exited;
    step = null;
    if (stopping()) return false;
    if (result.code !== 0) throw new Error(`${label} ${describeExit(result)}.`);
    say(`${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  };

  try {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    // A launcher already running on this data dir -> refuse; one that was SIGKILLed -> clean up.
    for (const name of await reapOrphans(opts.dataDir, say))
      say(`Stopped leftover ${name}.`);
    runState = createRunState(opts.dataDir);

    // ---- 1. install + build ------------------------------------------------------------
    if (!fs.existsSync(path.join(ROOT, 'node_modules'))) {
      if (!(await runStep('npm install', 'npm', ['install']))) return;
    }
    const projects = opts.portal
      ? ['api', 'worker', 'portal']
      : ['api', 'worker'];
    if (opts.build) {
      const args = [
        nxBin(),
        'run-many',
        '-t',
        'build',
        '-p',
        projects.join(','),
        '--outputStyle=static',
      ];
      if (!(await runStep('build', process.execPath, args))) return;
    }
    const apiMain = path.join(ROOT, 'dist/apps/api/main.js');
    const workerMain = path.join(ROOT, 'dist/apps/worker/main.js');
    const portalDir = path.join(ROOT, 'apps/portal');
    const nextBin = path.join(ROOT, 'node_modules/next/dist/bin/next');
    const hint = opts.build
      ? 'The build succeeded but did not produce it: check the build output path of the project.'
      : 'Run without --no-build, or build first: npx nx run-many -t build -p api,worker,portal';
    for (const file of [apiMain, workerMain]) {
      if (!fs.existsSync(file))
        throw new Error(`${path.relative(ROOT, file)} is missing. ${hint}`);
    }
    if (opts.portal) {
      if (!fs.existsSync(path.join(portalDir, '.next/BUILD_ID'))) {
        throw new Error(
          `apps/portal/.next has no production build (BUILD_ID missing). ${hint}`,
        );
      }
      if (!fs.existsSync(nextBin))
        throw new Error(
          `${path.relative(ROOT, nextBin)} is missing: run npm install.`,
        );
    }

    // ---- 2. credentials + ports ---------------------------------------------------------
    const creds = loadDevCredentials(opts.dataDir);
    const taken = new Set();
    const pickPort = async (wanted, flag) => {
      if (wanted === 0) {
        let p;
        do p = await findFreePort();
        while (taken.has(p));
        taken.add(p);
        return p;
      }
      if (taken.has(wanted))
        throw new Error(`Port ${wanted} is given to two services (--${flag}).`);
      if (!(await isPortFree(wanted))) {
        throw new Error(
          `Port ${wanted} is already in use (--${flag} ${wanted}). Pick another one, or 0 for any free port.`,
        );
      }
      taken.add(wanted);
      return wanted;
    };
    const apiPort = await pickPort(opts.apiPort, 'api-port');
    const workerPort = await pickPort(opts.workerPort, 'worker-port');
    const portalPort = opts.portal
      ? await pickPort(opts.portalPort, 'portal-port')
      : opts.portalPort;

    // ---- 3. PostgreSQL + Redis ------------------------------------------------------------
    if (process.env.DATABASE_URL) {
      say('Database: DATABASE_URL from the environment.');
      dbPromise = Promise.resolve(null);
    } else {
      const { ensureEmbeddedPostgres } = await import(
        './start/embedded-db.mjs'
      ); // needs node_modules
      if (stopping()) return;
      const started = Date.now();
      dbPromise = ensureEmbeddedPostgres(opts.dataDir, {
        ifRunning: 'stop',
        log: say,
        serverLog: (line) => process.stdout.write(`[postgres] ${line}\n`),
      });
      dbPromise.catch(() => {}); // handled below / in shutdown
      const db = await dbPromise;
      if (stopping()) return;
      say(
        `Database: embedded PostgreSQL on 127.0.0.1:${db.port} (${db.pgDir}), ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      watch('postgres', db.exited, () => db.lastOutput?.());
    }
    const databaseUrl = process.env.DATABASE_URL || (await dbPromise).url;

    redisPromise = resolveRedis({ env: process.env, log: say });
    redisPromise.catch(() => {});
    const redis = await redisPromise;
    if (stopping()) return;
    if (redis.child) {
      children.push(redis.child);
      runState.addChild(redis.child);
      watch('redis', redis.child.exited, () => redis.child.lastOutput(20));
    }
    say(
      `Redis: ${redis.url} (${{ env: 'REDIS_URL from the environment', local: 'already running', spawned: 'started by the launcher' }[redis.source]}).`,
    );

    // ---- 4. services -------------------------------------------------------------------------
    const env = process.env;
    const serviceEnv = {
      ...env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      API_PORT: String(apiPort),
      PUBLIC_API_URL: `http://localhost:${apiPort}`,
      PORTAL_URL: `http://localhost:${portalPort}`,
      CREDENTIALS_KEY: env.CREDENTIALS_KEY || creds.credentialsKey,
      BOOTSTRAP_API_KEY: env.BOOTSTRAP_API_KEY || creds.apiKey,
      BOOTSTRAP_PORTAL_EMAIL: env.BOOTSTRAP_PORTAL_EMAIL || creds.portalEmail,
      BOOTSTRAP_PORTAL_PASSWORD:
        env.BOOTSTRAP_PORTAL_PASSWORD || creds.portalPassword,
      COOKIE_SECURE: 'false',
    };
    // Launchers with their own data dir (tests) may share one Redis: keep their Bull queues apart.
    if (!env.QUEUE_PREFIX && opts.dataDir !== path.join(ROOT, '.ledgerlink')) {
      serviceEnv.QUEUE_PREFIX = `ledgerlink_${createHash('sha256').update(opts.dataDir).digest('hex').slice(0, 10)}`;
    }

    say(
      `Starting the API on port ${apiPort} (it runs the migrations first)...`,
    );
    const api = startService({
      name: 'api',
      command: process.execPath,
      args: [apiMain],
      cwd: ROOT,
      env: serviceEnv,
    });
    if (!api) return;
    await waitForHttp(`http://127.0.0.1:${apiPort}/healthz`, {
      child: api,
      timeoutMs: HEALTH_TIMEOUT_MS,
    });
    if (stopping()) return;

    say(`Starting the worker (health on port ${workerPort})...`);
    const worker = startService({
      name: 'worker',
      command: process.execPath,
      args: [workerMain],
      cwd: ROOT,
      env: { ...serviceEnv, WORKER_PORT: String(workerPort) },
    });
    if (!worker) return;
    await waitForHttp(`http://127.0.0.1:${workerPort}/healthz`, {
      child: worker,
      timeoutMs: HEALTH_TIMEOUT_MS,
    });
    if (stopping()) return;

    if (opts.portal) {
      say(`Starting the portal on port ${portalPort}...`);
      const portal = startService({
        name: 'portal',
        command: process.execPath,
        args: [nextBin, 'start', '-p', String(portalPort), '-H', '127.0.0.1'],
        cwd: portalDir,
        env: {
          ...env,
          API_URL: `http://127.0.0.1:${apiPort}`,
          PUBLIC_API_URL: serviceEnv.PUBLIC_API_URL,
          PORTAL_URL: serviceEnv.PORTAL_URL,
        },
      });
      if (!portal) return;
      await waitForPort(portalPort, {
        child: portal,
        timeoutMs: HEALTH_TIMEOUT_MS,
      });
      if (stopping()) return;
    }

    // ---- 5. summary (tests parse these prefixes) --------------------------------------------
    const lines = [
      '',
      `API: http://localhost:${apiPort}`,
      `OpenAPI: http://localhost:${apiPort}/docs (JSON: http://localhost:${apiPort}/openapi.json)`,
      ...(opts.portal ? [`Portal: http://localhost:${portalPort}`] : []),
      `API key: ${serviceEnv.BOOTSTRAP_API_KEY}`,
      `Portal login: ${serviceEnv.BOOTSTRAP_PORTAL_EMAIL} / ${serviceEnv.BOOTSTRAP_PORTAL_PASSWORD}`,
      `Data: ${opts.dataDir} (dev credentials in dev.json)`,
      `Started in ${((Date.now() - t0) / 1000).toFixed(1)} s. Press Ctrl+C to stop.`,
      'Ledgerlink is ready.',
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } catch (err) {
    await fail(err);
  }
}

main().catch((err) => {
  if (err instanceof UsageError) {
    sayErr(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  sayErr(`Ledgerlink failed to start: ${err?.stack ?? err}`);
  process.exit(1);
});
