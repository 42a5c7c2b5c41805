import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { SecretBox } from '../secret-box';

const KEY = randomBytes(32).toString('base64');
const box = new SecretBox(KEY);
const SECRET = JSON.stringify({ password: 'hunter2', token: 'ünïcødé 😀' });

describe('SecretBox', () => {
  it('round-trips, including unicode and the empty string', () => {
    expect(box.open(box.seal(SECRET, 'row-1'), 'row-1')).toBe(SECRET);
    expect(box.open(box.seal('', 'row-1'), 'row-1')).toBe('');
  });

  it('produces version 1 | 12-byte IV | 16-byte tag | ciphertext, without the plaintext', () => {
    const sealed = box.seal(SECRET, 'row-1');
    expect(sealed[0]).toBe(1);
    expect(sealed.length).toBe(1 + 12 + 16 + Buffer.byteLength(SECRET));
    expect(sealed.includes(Buffer.from('hunter2'))).toBe(false);
  });

  it('uses a fresh IV every time', () => {
    const a = box.seal(SECRET, 'row-1');
    const b = box.seal(SECRET, 'row-1');
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false);
  });

  it.each([
    ['the version byte', 0],
    ['the IV', 5],
    ['the tag', 20],
    ['the ciphertext', 35],
    ['the last byte', -1],
  ])('throws when %s is tampered with', (_label, index) => {
    const sealed = box.seal(SECRET, 'row-1');
    const at = index < 0 ? sealed.length + index : index;
    sealed[at] ^= 0x01;
    expect(() => box.open(sealed, 'row-1')).toThrow();
  });

  it('throws when bytes are appended or removed', () => {
    const sealed = box.seal(SECRET, 'row-1');
    expect(() => box.open(Buffer.concat([sealed, Buffer.from([0])]), 'row-1')).toThrow();
    expect(() => box.open(sealed.subarray(0, sealed.length - 1), 'row-1')).toThrow();
    expect(() => box.open(sealed.subarray(0, 20), 'row-1')).toThrow();
    expect(() => box.open(Buffer.alloc(0), 'row-1')).toThrow();
  });

  it('throws for other associated data (a ciphertext copied to another row)', () => {
    const sealed = box.seal(SECRET, 'row-1');
    expect(() => box.open(sealed, 'row-2')).toThrow();
    expect(() => box.open(sealed, '')).toThrow();
  });

  it('throws for another key', () => {
    const sealed = box.seal(SECRET, 'row-1');
    expect(() => new SecretBox(randomBytes(32).toString('base64')).open(sealed, 'row-1')).toThrow();
  });

  it('refuses an authentication tag shorter than 16 bytes', () => {
    // A well-formed ciphertext of '' with a 4-byte tag: accepting it would cut forgery work to 2^32.
    const key = Buffer.from(KEY, 'base64');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 4 });
    cipher.setAAD(Buffer.from('row-1'));
    cipher.final();
    const short = Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag()]);
    expect(() => box.open(short, 'row-1')).toThrow();
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['empty', ''],
  ])('rejects a key of %s', (_label, key) => {
    expect(() => new SecretBox(key)).toThrow('SecretBox key must be 32 bytes');
  });
});
