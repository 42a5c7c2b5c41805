import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { generateSecret, isValidSecret, parseMessageId, rotateSecrets, sign, signatureHeader, signingKeys, webhookMessageId } from '../webhook-signing';

interface SvixWebhook {
  verify(payload: string, headers: Record<string, string>): unknown;
}
/** svix 2.x is ESM-only; Jest's registry cannot load it, Node's own loader can (require(esm)). */
const { Webhook } = (process.getBuiltinModule('node:module') as { createRequire: typeof createRequire }).createRequire(__filename)('svix') as {
  Webhook: new (secret: string) => SvixWebhook;
};

const body = JSON.stringify({ id: 'e1', eventType: 'company.created', generatedDate: '2024-01-01T00:00:00.000Z', payload: { id: 'c1' } });
const now = () => Math.floor(Date.now() / 1000);

describe('webhook signing (Standard Webhooks / Svix)', () => {
  it('generates whsec_ secrets of 24 random bytes', () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(isValidSecret(a)).toBe(true);
    expect(generateSecret()).not.toBe(a);
    expect(isValidSecret('whsec_short')).toBe(false);
    expect(isValidSecret('nope')).toBe(false);
  });

  it('produces signatures the svix package verifies', () => {
    const secret = generateSecret();
    const id = webhookMessageId('1b4e28ba-2fa1-11d2-883f-0016d3cca427');
    const ts = now();
    const headers = { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': sign(secret, id, ts, body) };
    expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    // Tampering with the body, the id or the timestamp breaks it; so does another secret.
    expect(() => new Webhook(secret).verify(body.replace('c1', 'c2'), headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-id': 'msg_other' })).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, 'webhook-timestamp': String(ts + 1) })).toThrow();
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow();
  });

  it('matches a known Standard Webhooks test vector', () => {
    // From the standard-webhooks specification's examples.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    expect(sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs with both keys during the rotation grace period, and svix accepts either', () => {
    const t0 = new Date('2030-01-01T00:00:00Z');
    const old = generateSecret();
    const rotated = rotateSecrets({ current: old, previous: [] }, generateSecret(), t0, 24 * 3600_000);
    expect(rotated.previous).toEqual([{ key: old, expiresAt: '2030-01-02T00:00:00.000Z' }]);
    const during = signingKeys(rotated, new Date(t0.getTime() + 3600_000));
    expect(during).toEqual([rotated.current, old]);
    const id = 'msg_abc';
    const ts = now();
    const header = signatureHeader(during, id, ts, body);
    expect(header.split(' ')).toHaveLength(2);
    const headers = { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': header };
    expect(() => new Webhook(old).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(rotated.current).verify(body, headers)).not.toThrow();
    // After the grace period only the new key signs.
    expect(signingKeys(rotated, new Date(t0.getTime() + 24 * 3600_000 + 1))).toEqual([rotated.current]);
  });

  it('keeps at most 10 previous keys, drops expired ones, and none with a zero grace', () => {
    const t0 = new Date('2030-01-01T00:00:00Z');
    let s = { current: generateSecret(), previous: [] as { key: string; expiresAt: string }[] };
    for (let i = 0; i < 12; i++) s = rotateSecrets(s, generateSecret(), t0, 3600_000);
    expect(s.previous).toHaveLength(10);
    const later = rotateSecrets(s, generateSecret(), new Date(t0.getTime() + 2 * 3600_000), 3600_000);
    expect(later.previous).toHaveLength(1);
    expect(rotateSecrets(s, generateSecret(), t0, 0).previous).toEqual([]);
  });

  it('maps message ids to webhook-id headers and back', () => {
    const uuid = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    expect(webhookMessageId(uuid)).toBe('msg_1b4e28ba2fa111d2883f0016d3cca427');
    expect(parseMessageId(webhookMessageId(uuid))).toBe(uuid);
    expect(parseMessageId(uuid.toUpperCase())).toBe(uuid);
    expect(parseMessageId('msg_nothex')).toBeUndefined();
    expect(parseMessageId("1' OR 1=1")).toBeUndefined();
  });
});
