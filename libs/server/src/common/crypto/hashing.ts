import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** API keys and session tokens are long random strings: a SHA-256 digest is enough to store them. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

export function randomToken(prefix: string, bytes = 30): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

const SCRYPT = { N: 16384, r: 8, p: 1, keyLen: 64 };

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number, keyLen: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, keyLen, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Passwords: scrypt with a random salt, stored as `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length < 16) return false; // an empty or tiny digest would match (almost) any password
  // Corrupt cost parameters make scrypt throw: that is a hash nothing can match, not a server error.
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p), expected.length).catch(() => undefined);
  return !!actual && timingSafeEqual(actual, expected);
}
