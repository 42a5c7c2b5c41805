// Small process / port helpers (Node built-ins only, Linux /proc aware).
import fs from 'node:fs';
import net from 'node:net';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Like sleep, but does not keep the process alive: for timeouts raced against other events. */
export const idle = (ms) =>
  new Promise((resolve) => setTimeout(resolve, ms).unref());

function procStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid pgrp ... ; comm may contain spaces/parens, so split after the last ')'
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      state: rest[0],
      ppid: Number(rest[1]),
      pgrp: Number(rest[2]),
      startTime: rest[19],
    };
  } catch {
    return null;
  }
}

/** True if a process with this PID exists and is not a zombie. */
export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  if (stat && (stat.state === 'Z' || stat.state === 'X')) return false;
  return true;
}

/** Kernel start time of a process (clock ticks since boot), or null. Identifies a PID across reuse. */
export function procStartTime(pid) {
  return procStat(pid)?.startTime ?? null;
}

export function procGroup(pid) {
  return procStat(pid)?.pgrp ?? null;
}

/** argv of a process, or null. */
export function procCmdline(pid) {
  try {
    return fs
      .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter(Boolean);
  } catch {
    return null;
  }
}

/** Does process group `pgid` still have members? */
export function groupExists(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** A process is "the same one" if the PID is alive and its start time matches what we recorded. */
export function isSameProcess(pid, startTime) {
  return (
    isAlive(pid) &&
    startTime != null &&
    procStartTime(pid) === String(startTime)
  );
}

export async function waitForProcessExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** Can we bind host:port right now? */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () =>
      srv.close(() => resolve(true)),
    );
  });
}

/** A port the OS says is free (there is a small race until the real server binds it). */
export function findFreePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves true once something accepts TCP connections on host:port. */
export function canConnect(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}
