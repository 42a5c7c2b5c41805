#!/usr/bin/env node
// Runs an admin command of the API bundle against the local database:
//
//   node tools/admin.mjs [--data-dir DIR] <command> [args]
//   e.g. node tools/admin.mjs create-client --name "Acme" --email a@acme.test --password s3cret-pass
//
// DATABASE_URL: from the environment, else the embedded PostgreSQL of the data dir (the running
// launcher's server if there is one, else started for the duration of the command and stopped
// afterwards). CREDENTIALS_KEY: from the environment, else <data-dir>/dev.json.
// Then: node dist/apps/api/main.js admin <command> [args], stdio and exit code forwarded.
// This wrapper writes only to stderr, so the command's stdout can be parsed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDevCredentials } from './start/dev-credentials.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: node tools/admin.mjs [--data-dir DIR] <command> [args]

Commands are implemented by the API bundle (node dist/apps/api/main.js admin ...), e.g.
  create-client --name NAME [--email EMAIL --password PASSWORD]

--data-dir DIR   data dir of the launcher (default: <repo>/.ledgerlink); ignored for the database
                 when DATABASE_URL is set.`;

const note = (msg) => process.stderr.write(`[admin] ${msg}\n`);

function parse(argv) {
  const args = [...argv];
  let dataDir =
    process.env.LEDGERLINK_DATA_DIR ?? path.join(ROOT, '.ledgerlink');
  while (args.length > 0 && args[0].startsWith('--data-dir')) {
    const flag = args.shift();
    if (flag.startsWith('--data-dir='))
      dataDir = flag.slice('--data-dir='.length);
    else if (args.length > 0) dataDir = args.shift();
    else throw new Error('--data-dir needs a value');
  }
  return { dataDir: path.resolve(dataDir), args };
}

async function main() {
  let parsed;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  const { dataDir, args } = parsed;
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help') {
    process.stderr.write(`${USAGE}\n`);
    return args.length === 0 ? 2 : 0;
  }
  const apiMain = path.join(ROOT, 'dist/apps/api/main.js');
  if (!fs.existsSync(apiMain)) {
    note(
      `dist/apps/api/main.js is missing. Build first: node tools/start.mjs (or npx nx build api).`,
    );
    return 1;
  }

  const env = { ...process.env };
  let db = null;
  if (!env.DATABASE_URL) {
    const { ensureEmbeddedPostgres } = await import('./start/embedded-db.mjs');
    try {
      db = await ensureEmbeddedPostgres(dataDir, {
        ifRunning: 'reuse',
        log: note,
      });
    } catch (err) {
      note(
        `Could not start the embedded PostgreSQL of ${dataDir}: ${err.message}`,
      );
      return 1;
    }
    if (!db.reused)
      note(
        `Started the embedded PostgreSQL on port ${db.port} for this command.`,
      );
    env.DATABASE_URL = db.url;
  }
  if (!env.CREDENTIALS_KEY)
    env.CREDENTIALS_KEY = loadDevCredentials(dataDir).credentialsKey;

  // The command shares our terminal: Ctrl+C reaches it directly, so we only wait for it to exit.
  // SIGTERM/SIGHUP sent to this wrapper alone are passed on.
  const child = spawn(process.execPath, [apiMain, 'admin', ...args], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  const forward = (sig) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  };
  process.on('SIGINT', () => {});
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGHUP', forward('SIGHUP'));
  const { code, signal } = await new Promise((resolve) => {
    child.once('error', (err) => {
      note(`could not run the API bundle: ${err.message}`);
      resolve({ code: 1, signal: null });
    });
    child.once('exit', (c, s) => resolve({ code: c, signal: s }));
  });
  if (db && !db.reused) await db.stop();
  if (signal) {
    const num = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1, SIGKILL: 9 }[signal] ?? 1;
    return 128 + num;
  }
  return code ?? 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    note(err?.stack ?? String(err));
    process.exit(1);
  },
);
