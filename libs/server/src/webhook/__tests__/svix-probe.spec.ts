import { createRequire } from 'node:module';
import { it, expect } from '@jest/globals';
it('loads svix', async () => {
  const m = (process as unknown as { getBuiltinModule(n: string): typeof import('node:module') }).getBuiltinModule('node:module').createRequire(__filename)('svix');
  expect(typeof m.Webhook).toBe('function');
  const w = new m.Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
  expect(() => w.verify('{}', { 'webhook-id': 'x', 'webhook-timestamp': String(Math.floor(Date.now()/1000)), 'webhook-signature': 'v1,abc' })).toThrow();
});
