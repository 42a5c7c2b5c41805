// Child process handling for the launcher: spawn in its own process group (detached), prefix
// output lines with the child's name, keep the last lines for error messages, stop by PID/group.
// Node built-ins only.
import { spawn } from 'node:child_process';
import http from 'node:http';
import readline from 'node:readline';
import {
  canConnect,
  groupExists,
  idle,
  procStartTime,
  sleep,
} from './proc.mjs';

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal); // the whole process group the child leads (detached: true)
    return true;
  } catch (err) {
    if (err.code === 'ESRCH') return false;
    throw err;
  }
}

/**
 * Spawns `command args` in a new process group.
 * options: name, cwd, env, inherit (stdio inherited instead of prefixed), keepLines, out, err
 * Returns a handle: { name, pid, startTime, proc, exited, exitInfo, lastOutput(), stop() }.
 */
export function spawnChild({
  name,
  command,
  args = [],
  cwd,
  env = process.env,
  inherit = false,
  keepLines = 60,
  out = process.stdout,
  err = process.stderr,
}) {
  const proc = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: inherit
      ? ['ignore', 'inherit', 'inherit']
      : ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  const handle = {
    name,
    command: [command, ...args].join(' '),
    pid: proc.pid,
    startTime: proc.pid ? procStartTime(proc.pid) : null,
    proc,
    exitInfo: null,
    stopping: false,
    lastOutput(n = keepLines) {
      return lines.slice(-n).join('\n');
    },
  };

  const prefix = `[${name}] `;
  const pipeLines = (stream, target) => {
    if (!stream) return null;
    const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
    rl.on('line', (line) => {
      lines.push(line);
      if (lines.length > keepLines) lines.shift();
      target.write(`${prefix}${line}\n`);
    });
    return new Promise((resolve) => rl.once('close', resolve));
  };
  const streamsDone = inherit
    ? []
    : [pipeLines(proc.stdout, out), pipeLines(proc.stderr, err)];

  handle.exited = new Promise((resolve) => {
    let settled = false;
    const settle = (info) => {
      if (settled) return;
      settled = true;
      handle.exitInfo = info;
      resolve(info);
    };
    proc.once('error', (error) => {
      lines.push(String(error.message));
      settle({ code: null, signal: null, error });
    });
    proc.once('exit', (code, signal) => {
      // let the prefixed output drain first (bounded: a grandchild may keep the pipe open)
      Promise.race([Promise.all(streamsDone), idle(500)]).then(() =>
        settle({ code, signal }),
      );
    });
  });

  /** SIGTERM to the process group, SIGKILL after timeoutMs. Resolves when the child has exited. */
  handle.stop = async ({ signal = 'SIGTERM', timeoutMs = 10_000 } = {}) => {
    handle.stopping = true;
    if (!handle.pid) return handle.exited;
    if (!handle.exitInfo) {
      signalGroup(handle.pid, signal);
      const finished = await Promise.race([
        handle.exited.then(() => true),
        idle(timeoutMs).then(() => false),
      ]);
      if (!finished) {
        signalGroup(handle.pid, 'SIGKILL');
        await handle.exited;
      }
    }
    // The leader is gone; give the rest of its group (e.g. Next.js workers) a moment, then kill them.
    if (groupExists(handle.pid)) {
      signalGroup(handle.pid, 'SIGTERM');
      await sleep(300);
      if (groupExists(handle.pid)) signalGroup(handle.pid, 'SIGKILL');
    }
    return handle.exitInfo;
  };

  /** Immediate SIGKILL of the group (second Ctrl+C). */
  handle.kill = () => {
    handle.stopping = true;
    if (handle.pid) signalGroup(handle.pid, 'SIGKILL');
  };

  return handle;
}

export function describeExit(info) {
  if (!info) return 'still running';
  if (info.error) return `failed to start: ${info.error.message}`;
  if (info.signal) return `killed by ${info.signal}`;
  return `exited with code ${info.code}`;
}

function childDiedError(child, what) {
  const tail = child.lastOutput();
  return new Error(
    `${child.name} ${describeExit(child.exitInfo)} while waiting for ${what}.` +
      (tail
        ? `\nLast output of ${child.name}:\n${tail}`
        : ` (${child.name} printed nothing)`),
  );
}

function timeoutError(child, what, timeoutMs) {
  const tail = child?.lastOutput();
  return new Error(
    `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}.` +
      (child
        ? tail
          ? `\nLast output of ${child.name}:\n${tail}`
          : ` (${child.name} printed nothing)`
        : ''),
  );
}

function httpStatus(url, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

/** Polls `url` until it answers `status`; fails early if `child` exits. */
export async function waitForHttp(
  url,
  { child, timeoutMs = 90_000, status = 200, intervalMs = 250 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child?.exitInfo)
      throw childDiedError(child, `${url} to answer ${status}`);
    if ((await httpStatus(url, 2_000)) === status) return;
    if (child?.exitInfo)
      throw childDiedError(child, `${url} to answer ${status}`);
    if (Date.now() > deadline)
      throw timeoutError(child, `${url} to answer ${status}`, timeoutMs);
    await sleep(intervalMs);
  }
}

/** Polls until host:port accepts connections; fails early if `child` exits. */
export async function waitForPort(
  port,
  { host = '127.0.0.1', child, timeoutMs = 90_000, intervalMs = 250 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child?.exitInfo) throw childDiedError(child, `port ${port}`);
    if (await canConnect(port, host)) return;
    if (Date.now() > deadline)
      throw timeoutError(child, `port ${port}`, timeoutMs);
    await sleep(intervalMs);
  }
}
