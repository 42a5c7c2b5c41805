import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { STACK_FILE, type Stack } from './stack';

const ROOT = join(__dirname, '..', '..');

/** Starts the whole stack once with the real launcher (fresh data dir: embedded PostgreSQL), and records its URLs. */
export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'll-e2e-'));
  const child = spawn(
    process.execPath,
    ['tools/start.mjs', '--data-dir', dataDir, '--api-port', '0', '--worker-port', '0', '--portal-port', '0', '--no-build', ...(process.env['E2E_NO_PORTAL'] ? ['--no-portal'] : [])],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, QUEUE_PREFIX: `e2e-${process.pid}` } },
  );
  const seen: Partial<Stack> = { dataDir, pid: child.pid };
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Launcher not ready after 180 s:\n${output.slice(-4000)}`)), 180_000);
    const onData = (buf: Buffer) => {
      output += buf.toString();
      for (const line of output.split('\n')) {
        const m = line.match(/^(API|Portal|API key|Portal login): (.+)$/);
        if (m?.[1] === 'API') seen.apiUrl = m[2].trim();
        if (m?.[1] === 'Portal') seen.portalUrl = m[2].trim();
        if (m?.[1] === 'API key') seen.apiKey = m[2].trim();
        if (m?.[1] === 'Portal login') [seen.portalEmail, seen.portalPassword] = m[2].trim().split(' / ');
      }
      if (output.includes('Ledgerlink is ready.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Launcher exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  child.unref();
  mkdirSync(dirname(STACK_FILE), { recursive: true });
  writeFileSync(STACK_FILE, JSON.stringify(seen, null, 2));
}
