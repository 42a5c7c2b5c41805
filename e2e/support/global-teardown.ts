import { rmSync } from 'node:fs';
import { getStack } from './stack';

/** Stops the launcher (it stops what it started) and removes its data dir. */
export default async function globalTeardown() {
  const stack = getStack();
  try {
    process.kill(stack.pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(stack.pid, 0);
      await new Promise((r) => setTimeout(r, 200));
    } catch {
      break;
    }
  }
  rmSync(stack.dataDir, { recursive: true, force: true });
}
