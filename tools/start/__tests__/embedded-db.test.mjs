// Smoke test for the embedded PostgreSQL helper: node --test tools/start/__tests__/
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  ensureEmbeddedPostgres,
  inspectPostmaster,
  pgDirOf,
} from '../embedded-db.mjs';
import { isAlive, procGroup, waitForProcessExit } from '../proc.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let dataDir;
const started = new Set(); // postmaster PIDs to clean up if an assertion fails midway

before(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-embedded-db-'));
});

after(async () => {
  for (const pid of started) {
    if (isAlive(pid)) {
      process.kill(pid, 'SIGINT');
      await waitForProcessExit(pid, 20_000);
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function query(url, sql, params) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const quiet = { log: () => {} };

test('initialises, starts, answers select 1, stops', async () => {
  const db = await ensureEmbeddedPostgres(dataDir, quiet);
  started.add(db.pid);
  try {
    assert.equal(db.initialised, true);
    assert.equal(
      procGroup(db.pid),
      db.pid,
      'postmaster runs in its own process group (Ctrl+C does not reach it)',
    );
    assert.match(
      db.url,
      /^postgres:\/\/postgres:[A-Za-z0-9]+@127\.0\.0\.1:\d+\/ledgerlink$/,
    );
    assert.ok(fs.existsSync(path.join(pgDirOf(dataDir), 'PG_VERSION')));
    const { rows } = await query(db.url, 'select 1 as one');
    assert.equal(rows[0].one, 1);
    await query(db.url, 'create table kept (v text)');
    await query(db.url, "insert into kept values ('survives restart')");
    const dev = JSON.parse(
      fs.readFileSync(path.join(dataDir, 'dev.json'), 'utf8'),
    );
    assert.equal(dev.postgresPort, db.port);
    assert.equal(
      fs.statSync(path.join(dataDir, 'dev.json')).mode & 0o777,
      0o600,
    );
  } finally {
    await db.stop();
  }
  assert.equal(isAlive(db.pid), false);
  assert.equal(
    inspectPostmaster(pgDirOf(dataDir)),
    null,
    'postmaster.pid removed on clean stop',
  );
});

test('restarts on the same port and keeps the data', async () => {
  const port = JSON.parse(
    fs.readFileSync(path.join(dataDir, 'dev.json'), 'utf8'),
  ).postgresPort;
  const db = await ensureEmbeddedPostgres(dataDir, quiet);
  started.add(db.pid);
  try {
    assert.equal(db.initialised, false);
    assert.equal(db.port, port);
    const { rows } = await query(db.url, 'select v from kept');
    assert.deepEqual(rows, [{ v: 'survives restart' }]);
  } finally {
    await db.stop();
  }
  assert.equal(isAlive(db.pid), false);
});

test('a postmaster orphaned by a killed launcher is reused by admin, then stopped and replaced', async () => {
  // A child process starts the DB and is SIGKILLed: its postmaster keeps running (the crash case).
  const script = `
    import { ensureEmbeddedPostgres } from ${JSON.stringify(path.join(here, '..', 'embedded-db.mjs'))};
    const db = await ensureEmbeddedPostgres(${JSON.stringify(dataDir)}, { log: () => {} });
    process.stdout.write(JSON.stringify({ pid: db.pid, port: db.port }) + '\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve(JSON.parse(buf));
    });
    child.once('exit', (code) =>
      reject(new Error(`helper exited early (${code})`)),
    );
  });
  started.add(first.pid);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(isAlive(first.pid), true, 'orphaned postmaster still running');
  assert.equal(inspectPostmaster(pgDirOf(dataDir)).live, true);

  // admin-style: reuse the running server, stop() leaves it alone
  const reused = await ensureEmbeddedPostgres(dataDir, {
    ...quiet,
    ifRunning: 'reuse',
  });
  assert.equal(reused.reused, true);
  assert.equal(reused.port, first.port);
  assert.equal(
    (await query(reused.url, 'select count(*)::int as n from kept')).rows[0].n,
    1,
  );
  await reused.stop();
  assert.equal(isAlive(first.pid), true);

  // launcher-style: stop the orphan cleanly, start a fresh server we own
  const db = await ensureEmbeddedPostgres(dataDir, quiet);
  started.add(db.pid);
  try {
    assert.equal(isAlive(first.pid), false);
    assert.notEqual(db.pid, first.pid);
    assert.equal(
      (await query(db.url, 'select v from kept')).rows[0].v,
      'survives restart',
    );
  } finally {
    await db.stop();
  }
  assert.equal(isAlive(db.pid), false);
});
