import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../hashing';

describe('hashPassword / verifyPassword', () => {
  it('stores scrypt$N$r$p$salt$hash and verifies the right password only', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('handles unicode passwords', async () => {
    const stored = await hashPassword('pässwörd 😀');
    expect(await verifyPassword('pässwörd 😀', stored)).toBe(true);
    expect(await verifyPassword('passwort 😀', stored)).toBe(false);
  });

  it('returns false for stored values that are not scrypt hashes', async () => {
    const stored = await hashPassword('pw');
    for (const bad of ['', 'plain-text-password', 'bcrypt$10$abc$def', stored.replace(/^scrypt/, 'md5'), 'scrypt$16384$8$1$$', stored.split('$').slice(0, 5).join('$')]) {
      expect(await verifyPassword('pw', bad)).toBe(false);
    }
  });

  it('never accepts a stored value whose digest decodes to (almost) nothing', async () => {
    for (const bad of ['scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$====', 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$=', 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AA==']) {
      expect(await verifyPassword('pw', bad)).toBe(false);
    }
  });

  it('reads the cost parameters from the stored value', async () => {
    // A hash made with other costs (e.g. before a cost change) still verifies.
    const salt = randomBytes(16);
    const key = scryptSync('pw', salt, 64, { N: 1024, r: 8, p: 1 });
    const older = ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    expect(await verifyPassword('pw', older)).toBe(true);
    expect(await verifyPassword('other', older)).toBe(false);
    // Changing N in a stored value changes the derived key, so it no longer verifies.
    expect(await verifyPassword('pw', older.replace('scrypt$1024$', 'scrypt$2048$'))).toBe(false);
  });

  it('returns false (does not throw) for corrupt cost parameters', async () => {
    const stored = await hashPassword('pw');
    for (const bad of [stored.replace('$16384$', '$abc$'), stored.replace('$16384$', '$1000$'), stored.replace('$8$1$', '$x$y$')]) {
      await expect(verifyPassword('pw', bad)).resolves.toBe(false);
    }
  });
});

describe('sha256Hex and randomToken', () => {
  it('hashes to 64 lower-case hex characters', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('makes url-safe random tokens with the prefix', () => {
    const a = randomToken('llk_');
    expect(a).toMatch(/^llk_[A-Za-z0-9_-]{40}$/);
    expect(randomToken('llk_')).not.toBe(a);
    expect(randomToken('', 32)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
