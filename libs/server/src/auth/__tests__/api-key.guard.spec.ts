import { describe, expect, it } from '@jest/globals';
import { parseBasicKey } from '../api-key.guard';

const KEY = 'llk_Ab-cd_EfGhIjKlMnOpQrStUvWxYz0123456789AB';
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('parseBasicKey', () => {
  it('decodes Basic base64(key), as the SDKs send it', () => {
    expect(parseBasicKey(`Basic ${b64(KEY)}`)).toBe(KEY);
  });

  it('decodes base64 without padding', () => {
    expect(parseBasicKey(`Basic ${b64('my-api-key-1').replace(/=+$/, '')}`)).toBe('my-api-key-1');
  });

  it('accepts the raw key after Basic', () => {
    expect(parseBasicKey(`Basic ${KEY}`)).toBe(KEY);
  });

  it('accepts the curl -u "key:" form (empty password)', () => {
    expect(parseBasicKey(`Basic ${b64(`${KEY}:`)}`)).toBe(KEY);
  });

  it('is case-insensitive on the scheme and tolerates extra spaces', () => {
    expect(parseBasicKey(`basic ${b64(KEY)}`)).toBe(KEY);
    expect(parseBasicKey(`BASIC   ${b64(KEY)}  `)).toBe(KEY);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', `Bearer ${b64(KEY)}`],
    ['no scheme', KEY],
    ['Basic alone', 'Basic'],
    ['Basic and spaces', 'Basic   '],
    ['two values', `Basic ${b64(KEY)} ${b64(KEY)}`],
    ['a scheme glued to the value', `Basic${b64(KEY)}`],
    ['a key under 8 characters', `Basic ${b64('1234567')}`],
    ['a key over 200 characters', `Basic ${b64('k'.repeat(201))}`],
    ['a raw key over 200 characters', `Basic ${'k'.repeat(201)}`],
  ])('rejects %s', (_label, header) => {
    expect(parseBasicKey(header)).toBeUndefined();
  });

  it('accepts keys at the length limits', () => {
    expect(parseBasicKey(`Basic ${b64('12345678')}`)).toBe('12345678');
    expect(parseBasicKey(`Basic ${b64('k'.repeat(200))}`)).toBe('k'.repeat(200));
  });
});
