// <data-dir>/launcher.json: which launcher runs on this data dir and which children it started
// (PID + kernel start time, so a PID reused by an unrelated process is never mistaken for ours).
// Used to refuse a second launcher on the same data dir, and to clean up after a launcher that was
// SIGKILLed (its detached children keep running and would hold the ports).
import fs from 'node:fs';
import path from 'node:path';
import {
  groupExists,
  isAlive,
  isSameProcess,
  procGroup,
  procStartTime,
  sleep,
  waitForProcessExit,
} from './proc.mjs';

export const RUN_STATE_FILE = 'launcher.json';

export function readRunState(dataDir) {
  try {
    return JSON.parse(
      fs.readFileSync(path.join(dataDir, RUN_STATE_FILE), 'utf8'),
    );
  } catch {
    return null;
  }
}

/** The launcher currently running on dataDir ({ pid, ... }), or null. */
export function runningLauncher(dataDir) {
  const state = readRunState(dataDir);
  if (
    state &&
    state.pid !== process.pid &&
    isSameProcess(state.pid, state.startTime)
  )
    return state;
  return null;
}

export function createRunState(dataDir) {
  const file = path.join(dataDir, RUN_STATE_FILE);
  const state = {
    pid: process.pid,
    startTime: procStartTime(process.pid),
    startedAt: new Date().toISOString(),
    children: [],
  };
  const save = () => {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, {
      mode: 0o600,
    });
    fs.renameSync(tmp, file);
  };
  save();
  return {
    addChild(handle) {
      if (!handle?.pid) return;
      state.children.push({
        name: handle.name,
        pid: handle.pid,
        startTime: handle.startTime,
        command: handle.command,
      });
      save();
    },
    remove() {
      const current = readRunState(dataDir);
      if (current?.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}

/**
 * Stops children recorded by a previous launcher that is no longer running, but only those whose
 * PID still has the recorded start time (i.e. the very processes that launcher started).
 * Returns the names of the processes stopped.
 */
export async function reapOrphans(dataDir, log = () => {}) {
  const state = readRunState(dataDir);
  if (!state || state.pid === process.pid) return [];
  if (isSameProcess(state.pid, state.startTime)) {
    throw new Error(
      `Ledgerlink is already running from ${dataDir} (launcher pid ${state.pid}). ` +
        `Stop it first (Ctrl+C / kill ${state.pid}), or use another --data-dir.`,
    );
  }
  const stopped = [];
  for (const child of state.children ?? []) {
    if (!isSameProcess(child.pid, child.startTime)) continue;
    log(
      `Stopping ${child.name} (pid ${child.pid}) left running by a launcher that did not exit cleanly.`,
    );
    const target = procGroup(child.pid) === child.pid ? -child.pid : child.pid;
    try {
      process.kill(target, 'SIGTERM');
    } catch {}
    if (!(await waitForProcessExit(child.pid, 10_000))) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {}
      await waitForProcessExit(child.pid, 5_000);
    }
    // The leader is gone; whatever is left in the group it led (e.g. Next.js workers) goes too.
    if (target < 0 && groupExists(child.pid)) {
      await sleep(300);
      try {
        process.kill(target, 'SIGKILL');
      } catch {}
    }
    if (!isAlive(child.pid)) stopped.push(child.name);
  }
  fs.rmSync(path.join(dataDir, RUN_STATE_FILE), { force: true });
  return stopped;
}
