import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CodatPlatform } from '@codat/platform';
import * as errors from '@codat/platform/sdk/models/errors';
import { basicAuth, getStack } from '../support/stack';
import { loadSvix } from '../support/svix';

/**
 * The official @codat/platform SDK against the webhook consumers API (contract 8.2): its zod
 * parsing fails on any null, missing field or wrong status code. The running worker then delivers
 * a signed event to a local receiver.
 */
describe('@codat/platform webhooks against Ledgerlink', () => {
  const stack = getStack();
  const sdk = new CodatPlatform({ authHeader: basicAuth(stack.apiKey), serverURL: stack.apiUrl, retryConfig: { strategy: 'none' } });
  const received: { headers: Record<string, string>; body: string }[] = [];
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers as Record<string, string>, body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/codat-webhooks`;
  });
  afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

  it('creates, lists and deletes consumers; the worker delivers a signed event', async () => {
    const created = await sdk.webhooks.createConsumer({ url, eventTypes: ['company.created'] });
    expect(created).toMatchObject({ url, disabled: false, eventTypes: ['company.created'] });
    const id = created.id ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await sdk.webhooks.listConsumers();
    expect(listed.results?.map((c) => c.id)).toContain(created.id);

    const company = await sdk.companies.create({ name: 'Webhook SDK Co' });
    const deadline = Date.now() + 30_000;
    while (!received.some((r) => r.body.includes(company.id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const delivery = received.find((r) => r.body.includes(company.id));
    expect(delivery).toBeDefined();
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({ eventType: 'company.created', payload: { id: company.id, name: 'Webhook SDK Co' } });
    const secret = (await (await fetch(`${stack.apiUrl}/webhooks/${id}/secret`, { headers: { authorization: basicAuth(stack.apiKey) } })).json()) as { key: string };
    const { Webhook } = loadSvix();
    expect(() => new Webhook(secret.key).verify(delivery?.body ?? '', delivery?.headers ?? {})).not.toThrow();

    await sdk.webhooks.deleteConsumer({ webhookId: id });
    expect((await sdk.webhooks.listConsumers()).results?.map((c) => c.id)).not.toContain(created.id);
    const again = await sdk.webhooks.deleteConsumer({ webhookId: id }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(errors.ErrorMessage);
    expect((again as errors.ErrorMessage).statusCode).toBe(404);
    await sdk.companies.delete({ companyId: company.id });
  });

  it('rejects an invalid consumer with the contract error body', async () => {
    const err = await sdk.webhooks.createConsumer({ url: 'ftp://example.com/x', eventTypes: ['company.created'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.ErrorMessage);
    expect((err as errors.ErrorMessage).statusCode).toBe(400);
  });
});
