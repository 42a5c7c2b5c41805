#!/usr/bin/env node
/**
 * `npm test`: every suite, then one summary line `tests: N passed, N failed, N skipped`.
 *  1. build api, worker and portal (Nx cache makes this quick when nothing changed)
 *  2. Jest: unit + integration tests of every project (real PostgreSQL and Redis, real peers)
 *  3. Vitest: portal unit tests
 *  4. node:test: launcher tests
 *  5. Jest e2e: the launched stack, the official SDK suite and the browser tests
 * Flags: --skip-e2e, --only=jest|vitest|node|e2e
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'tmp', 'test-results');
const args = new Set(process.argv.slice(2));
const only = [...args].find((a) => a.startsWith('--only='))?.slice(7);
const want = (s) => (!only || only === s) && !(s === 'e2e' && args.has('--skip-e2e'));
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

function run(label, cmd, cmdArgs, opts = {}) {
  console.log(`\n=== ${label}: ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, env, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (opts.capture) process.stdout.write(r.stdout ?? '');
  return r;
}

function addJest(label, file, status) {
  if (!existsSync(file)) {
    totals.failed += 1;
    problems.push(`${label}: no results (exit ${status})`);
    return;
  }
  const j = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests;
  totals.skipped += j.numPendingTests + j.numTodoTests;
  // Suites that failed to run at all (syntax error, setup failure) count as one failure each.
  const broken = j.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'));
  totals.failed += broken.length;
  for (const s of broken) problems.push(`${label}: suite failed to run: ${s.name}`);
  if (status !== 0 && j.numFailedTests === 0 && broken.length === 0) {
    totals.failed += 1;
    problems.push(`${label}: runner exited ${status}`);
  }
}

const node = process.execPath;
const bin = (p) => join(ROOT, 'node_modules', p);

if (want('e2e')) {
  const b = run('build', node, [bin('nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '-p', 'api', 'worker', 'portal', '--outputStyle=static']);
  if (b.status !== 0) {
    totals.failed += 1;
    problems.push('build failed');
  }
}

if (want('jest')) {
  const file = join(OUT, 'jest.json');
  const r = run('jest', node, [bin('jest/bin/jest.js'), '-c', 'jest.config.ts', '--json', `--outputFile=${file}`, '--maxWorkers=2']);
  addJest('jest', file, r.status);
}

if (want('vitest')) {
  const file = join(OUT, 'vitest.json');
  const r = run('vitest', node, [bin('vitest/vitest.mjs'), 'run', '--root', 'apps/portal', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  addJest('vitest', file, r.status);
}

if (want('node')) {
  const r = run('node:test', node, ['--test', '--test-reporter=tap', 'tools/start/__tests__/'], { capture: true });
  const count = (k) => Number((r.stdout ?? '').match(new RegExp(`^# ${k} (\\d+)`, 'm'))?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped') + count('todo');
  if (r.status !== 0 && count('fail') === 0) {
    totals.failed += 1;
    problems.push(`node:test exited ${r.status}`);
  }
}

if (want('e2e')) {
  const file = join(OUT, 'e2e.json');
  const r = run('e2e', node, [bin('jest/bin/jest.js'), '-c', 'e2e/jest.config.cts', '--json', `--outputFile=${file}`]);
  addJest('e2e', file, r.status);
}

for (const p of problems) console.log(`problem: ${p}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
