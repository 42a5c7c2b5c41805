import { describe, expect, it } from '@jest/globals';
import { CodatPlatform } from '@codat/platform';
import * as errors from '@codat/platform/sdk/models/errors';
import { basicAuth, getStack } from '../support/stack';

/**
 * The official @codat/platform SDK as the client. The SDK validates every response with zod, so
 * any field the server gets wrong (a null, a wrong enum case, a missing required key) fails here.
 */
describe('@codat/platform SDK against Ledgerlink', () => {
  const stack = getStack();
  const sdk = new CodatPlatform({ authHeader: basicAuth(stack.apiKey), serverURL: stack.apiUrl, retryConfig: { strategy: 'none' } });

  it('creates, lists, gets, updates, replaces and deletes a company', async () => {
    const created = await sdk.companies.create({ name: 'SDK Co (test)', description: 'made by the SDK', tags: { region: 'uk' } });
    expect(created.name).toBe('SDK Co test');
    expect(created.tags).toEqual({ region: 'uk' });
    expect(created.redirect).toMatch(new RegExp(`/link/${created.id}$`));

    const listed = await sdk.companies.list({ page: 1, pageSize: 100, query: `id=${created.id}` });
    expect(listed.totalResults).toBe(1);
    expect(listed.results?.[0]?.id).toBe(created.id);
    expect(listed.links.self.href).toBe('/companies');

    const got = await sdk.companies.get({ companyId: created.id });
    expect(got.description).toBe('made by the SDK');

    const patched = await sdk.companies.update({ companyId: created.id, companyUpdateRequest: { name: 'SDK Co renamed' } });
    expect(patched.name).toBe('SDK Co renamed');
    expect(patched.description).toBe('made by the SDK');

    const replaced = await sdk.companies.replace({ companyId: created.id, companyRequestBody: { name: 'SDK Co replaced' } });
    expect(replaced.description).toBeUndefined();
    expect(replaced.tags).toBeUndefined();

    await sdk.companies.delete({ companyId: created.id });
    await expect(sdk.companies.get({ companyId: created.id })).rejects.toBeInstanceOf(errors.ErrorMessage);
  });

  it('lists and gets integrations, with branding', async () => {
    const list = await sdk.integrations.list({ page: 1, pageSize: 100 });
    const sandbox = list.results?.find((i) => i.key === 'sbox');
    expect(sandbox?.sourceType).toBe('Accounting');
    expect(sandbox?.datatypeFeatures?.some((f) => f.dataType === 'invoices')).toBe(true);
    const one = await sdk.integrations.get({ platformKey: 'sbox' });
    expect(one.name).toBe(sandbox?.name);
    const branding = await sdk.integrations.getBranding({ platformKey: 'sbox' });
    expect(branding.logo?.square?.image?.src).toBe(one.logoUrl);
    const logo = await fetch(one.logoUrl.replace('http://localhost', 'http://127.0.0.1'));
    expect(logo.headers.get('content-type')).toContain('image/svg+xml');
  });

  it('creates, gets, authorises, unlinks and deletes a connection', async () => {
    const company = await sdk.companies.create({ name: 'SDK Connections' });
    const conn = await sdk.connections.create({ companyId: company.id, requestBody: { platformKey: 'sbox' } });
    expect(conn.status).toBe('PendingAuth');
    expect(conn.integrationKey).toBe('sbox');

    const got = await sdk.connections.get({ companyId: company.id, connectionId: conn.id });
    expect(got.id).toBe(conn.id);

    const listed = await sdk.connections.list({ companyId: company.id });
    expect(listed.results?.map((c) => c.id)).toEqual([conn.id]);

    const linked = await sdk.connections.updateAuthorization({ companyId: company.id, connectionId: conn.id, requestBody: { companyName: 'Sandbox Books' } });
    expect(linked.status).toBe('Linked');

    const unlinked = await sdk.connections.unlink({ companyId: company.id, connectionId: conn.id, updateConnectionStatus: { status: 'Unlinked' } });
    expect(unlinked.status).toBe('Unlinked');

    await sdk.connections.delete({ companyId: company.id, connectionId: conn.id });
    await expect(sdk.connections.get({ companyId: company.id, connectionId: conn.id })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('surfaces a 404 as the SDK ErrorMessage with the contract fields', async () => {
    const missing = '3f1c2d4e-1111-4222-8333-444455556666';
    const err = await sdk.companies.get({ companyId: missing }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.ErrorMessage);
    const e = err as errors.ErrorMessage;
    expect(e.statusCode).toBe(404);
    expect(e.error).toBe(`No company was found with ID ${missing}`);
    expect(e.correlationId).toMatch(/^[0-9a-f]{32}$/);
    expect(e.canBeRetried).toBeDefined();
  });

  it('rejects a wrong key with the SDK ErrorMessage (401)', async () => {
    const bad = new CodatPlatform({ authHeader: basicAuth('llk_not_a_real_key_000000000'), serverURL: stack.apiUrl, retryConfig: { strategy: 'none' } });
    await expect(bad.companies.list({})).rejects.toMatchObject({ statusCode: 401 });
  });
});
