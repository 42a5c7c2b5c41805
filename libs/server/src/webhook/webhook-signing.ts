import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks / Svix signing: `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, keyed
 * with the base64-decoded part of a `whsec_` secret. Several signatures are space-separated (key
 * rotation), so receivers using the `svix` or `standardwebhooks` libraries verify either key.
 */
export const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 24;

export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

export function isValidSecret(secret: string): boolean {
  if (!secret.startsWith(SECRET_PREFIX)) return false;
  const raw = secret.slice(SECRET_PREFIX.length);
  return /^[A-Za-z0-9+/]+={0,2}$/.test(raw) && Buffer.from(raw, 'base64').length >= SECRET_BYTES;
}

export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/** HMAC keys of secrets in use, so signing does not decode and import the key every time. */
const keyObjects = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 10_000;

function hmacKey(secret: string | Buffer): KeyObject | Buffer {
  if (typeof secret !== 'string') return secret;
  let key = keyObjects.get(secret);
  if (!key) {
    if (keyObjects.size >= MAX_CACHED_KEYS) keyObjects.clear();
    key = createSecretKey(secretKey(secret));
    keyObjects.set(secret, key);
  }
  return key;
}

export function sign(secret: string | Buffer, msgId: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', hmacKey(secret)).update(`${msgId}.${timestamp}.${body}`).digest('base64')}`;
}

/** The `webhook-signature` header value: one signature per active key, space-separated. */
export function signatureHeader(keys: readonly (string | Buffer)[], msgId: string, timestamp: number, body: string): string {
  return keys.length === 1 ? sign(keys[0], msgId, timestamp, body) : keys.map((k) => sign(k, msgId, timestamp, body)).join(' ');
}

/** `webhook-id`: stable across retries of one event to one consumer. */
export const webhookMessageId = (messageId: string) => `msg_${messageId.replace(/-/g, '')}`;

/** Accepts a message's uuid or its `msg_…` header form; returns the uuid (or undefined). */
export function parseMessageId(value: string): string | undefined {
  const hex = value.startsWith('msg_') ? value.slice(4) : value.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) return undefined;
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Stored (sealed) secrets of a consumer: the current key and keys still valid after a rotation. */
export interface ConsumerSecrets {
  current: string;
  previous: { key: string; expiresAt: string }[];
}

/** Keys that sign at `now`: the current one first, then previous ones whose grace has not ended. */
export function signingKeys(secrets: ConsumerSecrets, now: Date): string[] {
  if (secrets.previous.length === 0) return [secrets.current];
  return [secrets.current, ...secrets.previous.filter((p) => new Date(p.expiresAt).getTime() > now.getTime()).map((p) => p.key)];
}

/** At most 10 old keys (as Svix), dropping expired ones. */
export function rotateSecrets(secrets: ConsumerSecrets, next: string, now: Date, graceMs: number): ConsumerSecrets {
  const live = secrets.previous.filter((p) => new Date(p.expiresAt).getTime() > now.getTime());
  const previous = [{ key: secrets.current, expiresAt: new Date(now.getTime() + graceMs).toISOString() }, ...live].slice(0, 10);
  return { current: next, previous: graceMs > 0 ? previous : [] };
}
