import { describe, expect, it } from '@jest/globals';
import { CodatPlatform } from '@codat/platform';
import { DataType } from '@codat/platform/sdk/models/shared';
import { basicAuth, getStack } from '../support/stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Refresh, data status and sync settings through the official SDK, against the running worker. */
describe('@codat/platform SDK: refresh data and sync settings', () => {
  const stack = getStack();
  const sdk = new CodatPlatform({ authHeader: basicAuth(stack.apiKey), serverURL: stack.apiUrl, retryConfig: { strategy: 'none' } });

  it('reads and updates the client sync settings', async () => {
    const current = await sdk.settings.getSyncSettings();
    expect(current.clientId).toBeDefined();
    const invoices = current.settings?.find((s) => s.dataType === DataType.Invoices);
    expect(invoices?.syncSchedule).toBeGreaterThan(0);
    const settings = (current.settings ?? []).map((s) => (s.dataType === DataType.Invoices ? { ...s, syncSchedule: 168 } : s));
    await sdk.settings.updateSyncSettings({ clientId: current.clientId as string, settings, overridesDefaults: true });
    const after = await sdk.settings.getSyncSettings();
    expect(after.settings?.find((s) => s.dataType === DataType.Invoices)?.syncSchedule).toBe(168);
  });

  it('queues all data types, one data type, and reports data status and pull operations', async () => {
    const company = await sdk.companies.create({ name: 'SDK Refresh Co' });
    const conn = await sdk.connections.create({ companyId: company.id, requestBody: { platformKey: 'sbox' } });
    await sdk.connections.updateAuthorization({ companyId: company.id, connectionId: conn.id, requestBody: { volume: '20' } });

    // Linking queued the first sync; wait for it, then refresh everything again.
    const waitIdle = async () => {
      for (let i = 0; i < 300; i++) {
        const ops = await sdk.refreshData.listPullOperations({ companyId: company.id, pageSize: 100 });
        if (ops.results?.length && ops.results.every((o) => o.isCompleted)) return ops;
        await sleep(200);
      }
      throw new Error('syncs did not finish');
    };
    await waitIdle();
    await sdk.refreshData.all({ companyId: company.id });
    await waitIdle();

    const op = await sdk.refreshData.byDataType({ companyId: company.id, dataType: DataType.Invoices, connectionId: conn.id });
    expect(op.dataType).toBe('invoices');
    expect(op.status).toBe('Queued');
    await waitIdle();
    const done = await sdk.refreshData.getPullOperation({ companyId: company.id, datasetId: op.id });
    expect(done.status).toBe('Complete');
    expect(done.progress).toBe(100);

    const status = await sdk.refreshData.get({ companyId: company.id });
    expect(status['invoices']?.currentStatus).toBe('Complete');
    expect(status['invoices']?.latestSuccessfulSyncId).toBe(op.id);
  });

  it('reads and sets company sync settings', async () => {
    const company = await sdk.companies.create({ name: 'SDK Settings Co' });
    const got = await sdk.companies.getCompanySyncSettings({ companyId: company.id });
    expect(got.companyId).toBe(company.id);
    const settings = (got.settings ?? []).map((s) => (s.dataType === DataType.Bills ? { ...s, syncSchedule: 1 } : s));
    await sdk.companies.setCompanySyncSettings({ companyId: company.id, requestBody: { companyId: company.id, settings, overridesDefaults: true } });
    const after = await sdk.companies.getCompanySyncSettings({ companyId: company.id });
    expect(after.settings?.find((s) => s.dataType === DataType.Bills)?.syncSchedule).toBe(1);
  });
});
