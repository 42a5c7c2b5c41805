import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type TestApi } from '@ledgerlink/testing';

describe('harness', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('serves companies for a tenant', async () => {
    const t = await api.createTenant();
    const res = await api.request('/companies', { tenant: t, method: 'POST', json: { name: 'Acme' } });
    expect(res.status).toBe(200);
    expect((await res.json()).name).toBe('Acme');
  });
});
