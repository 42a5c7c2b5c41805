// Development credentials kept in <data-dir>/dev.json (mode 0600).
// Created on the first run, reused afterwards, so every start prints the same ones.
// Node built-ins only: this module is loaded before `npm install` may have run.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const DEV_FILE = 'dev.json';
export const DEV_PORTAL_EMAIL = 'admin@ledgerlink.local';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Uniformly random base62 string (rejection sampling, no modulo bias). */
export function randomBase62(length) {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62]; // 248 = 62 * 4
      if (out.length === length) break;
    }
  }
  return out;
}

function generators() {
  return {
    apiKey: () => `llk_${randomBase62(40)}`,
    portalEmail: () => DEV_PORTAL_EMAIL,
    portalPassword: () => randomBase62(20),
    credentialsKey: () => randomBytes(32).toString('base64'),
    postgresUser: () => 'postgres',
    postgresPassword: () => randomBase62(32),
  };
}

export function devFilePath(dataDir) {
  return path.join(dataDir, DEV_FILE);
}

/** Reads dev.json; returns null when it does not exist. */
export function readDevCredentials(dataDir) {
  const file = devFilePath(dataDir);
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(
      `${file} is not valid JSON (${err.message}). Fix or delete it.`,
    );
  }
}

function writeDevFile(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600); // in case the umask or an old file interfered
  fs.renameSync(tmp, file);
}

/**
 * Returns the dev credentials, creating <data-dir>/dev.json on first use and filling in
 * any field that is missing (older files). Existing values are never changed.
 */
export function loadDevCredentials(dataDir) {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = devFilePath(dataDir);
  const existing = readDevCredentials(dataDir);
  const data = existing ? { ...existing } : {};
  let changed = !existing;
  for (const [key, make] of Object.entries(generators())) {
    if (typeof data[key] !== 'string' || data[key] === '') {
      data[key] = make();
      changed = true;
    }
  }
  if (changed) writeDevFile(file, data);
  else if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return data;
}

/** Merges fields into dev.json (e.g. the embedded PostgreSQL port). */
export function updateDevCredentials(dataDir, patch) {
  const data = { ...(readDevCredentials(dataDir) ?? {}), ...patch };
  writeDevFile(devFilePath(dataDir), data);
  return data;
}
