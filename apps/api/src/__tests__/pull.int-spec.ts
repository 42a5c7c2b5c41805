import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DatasetRunnerService, ScheduleService } from '@ledgerlink/server';
import { startTestApi, startTestWorker, startWebhookReceiver, type TestApi, type TestTenant, type TestWorker, type WebhookReceiver } from '@ledgerlink/testing';

jest.setTimeout(60_000);

interface PullOp {
  id: string;
  dataType: string;
  status: string;
  isCompleted: boolean;
  connectionId: string;
}

/** Pull sync through the real path: HTTP → dataset row → Bull → worker → sandbox connector → records. */
describe('pull sync (sandbox)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let t: TestTenant;
  let companyId: string;
  let connectionId: string;
  let receiver: WebhookReceiver;

  const call = async (path: string, init: Parameters<TestApi['request']>[1] = {}) => api.request(path, { tenant: t, ...init });
  const json = async <T>(path: string, init?: Parameters<TestApi['request']>[1]) => (await (await call(path, init)).json()) as T;

  async function waitForIdle(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const h = await json<{ results: PullOp[] }>(`/companies/${companyId}/data/history?pageSize=500`);
      if (h.results.length && h.results.every((d) => d.isCompleted)) return h.results;
      if (Date.now() > deadline) throw new Error(`datasets still running: ${JSON.stringify(h.results.filter((d) => !d.isCompleted))}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function syncInvoices(): Promise<PullOp> {
    const op = await json<PullOp>(`/companies/${companyId}/data/queue/invoices`, { method: 'POST' });
    expect(op.status).toBe('Queued');
    await waitForIdle();
    return json<PullOp>(`/companies/${companyId}/data/history/${op.id}`);
  }

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker(api);
    t = await api.createTenant();
    companyId = (await json<{ id: string }>('/companies', { method: 'POST', json: { name: 'Pull Co' } })).id;
    receiver = await startWebhookReceiver();
    const hook = await call('/webhooks', { method: 'POST', json: { url: receiver.url, eventTypes: ['read.completed.initial', 'NewCompanySynchronized', 'DataSyncCompleted'] } });
    expect(hook.status).toBe(201);
  });
  afterAll(async () => {
    await receiver?.close();
    await worker?.close();
    await api?.close();
  });

  it('answers 409 for a data type that was never requested', async () => {
    const res = await call(`/companies/${companyId}/data/invoices`);
    expect(res.status).toBe(409);
    expect((await res.json()).error).toBe('The data set has not been requested.');
    expect(await json(`/companies/${companyId}/dataStatus`)).toEqual({});
  });

  it('queues the first sync of every fetchOnFirstLink type on link, and completes it', async () => {
    connectionId = (await json<{ id: string }>(`/companies/${companyId}/connections`, { method: 'POST', json: { platformKey: 'sbox' } })).id;
    const linked = await call(`/companies/${companyId}/connections/${connectionId}/authorization`, { method: 'PUT', json: { companyName: 'Sandbox Books', volume: '40' } });
    expect(linked.status).toBe(200);
    const done = await waitForIdle();
    expect(new Set(done.map((d) => d.dataType))).toEqual(new Set(['company', 'chartOfAccounts', 'customers', 'suppliers', 'invoices', 'bills', 'payments', 'billPayments', 'taxRates', 'journalEntries']));
    expect(done.every((d) => d.status === 'Complete')).toBe(true);

    const page = await json<{ totalResults: number; results: Record<string, unknown>[] }>(`/companies/${companyId}/data/invoices?pageSize=10`);
    expect(page.totalResults).toBe(40);
    expect(page.results).toHaveLength(10);
    const inv = page.results[0];
    expect(inv['id']).toBe('inv-000001');
    expect(inv['metadata']).toEqual({ isDeleted: false });
    expect(typeof inv['modifiedDate']).toBe('string');
    expect(typeof inv['sourceModifiedDate']).toBe('string');
    // Pages are spliced from stored JSON text; a record reads the same in a page and on its own.
    expect(inv).toEqual(await json(`/companies/${companyId}/data/invoices/${inv['id'] as string}`));
    expect(new Date(inv['modifiedDate'] as string).toISOString()).toBe(inv['modifiedDate']);
    expect(new Date(inv['sourceModifiedDate'] as string).toISOString()).toBe(inv['sourceModifiedDate']);

    const info = await json<Record<string, unknown>>(`/companies/${companyId}/data/info`);
    expect(info['companyName']).toBe('Sandbox Books');
    expect(info).not.toHaveProperty('metadata');

    // The first sync is announced once (read.completed.initial, NewCompanySynchronized), and every data type's DataSyncCompleted.
    await worker.settle();
    const got = await receiver.waitFor(12);
    // New-style bodies carry eventType; legacy ones (PascalCase) carry the rule's type string.
    const types = got.map((r) => {
      const b = r.json as { eventType?: string; RuleType?: string };
      return b.eventType ?? b.RuleType;
    });
    expect(types.filter((x) => x === 'read.completed.initial')).toHaveLength(1);
    expect(types.filter((x) => x === 'Data sync completed')).toHaveLength(10);
    expect(types.filter((x) => x === 'New company synchronized')).toHaveLength(1);
    expect(got).toHaveLength(12);

    const status = await json<Record<string, { currentStatus: string; lastSuccessfulSync?: string; latestSyncId: string; latestSuccessfulSyncId?: string }>>(`/companies/${companyId}/dataStatus`);
    expect(status['invoices'].currentStatus).toBe('Complete');
    expect(status['invoices'].latestSyncId).toBe(status['invoices'].latestSuccessfulSyncId);
    expect(status['invoices'].lastSuccessfulSync).toBeDefined();
  });

  it('filters, orders and pages records with exact totals', async () => {
    const all = await json<{ results: { status: string; totalAmount: number }[]; totalResults: number }>(`/companies/${companyId}/data/invoices?pageSize=100`);
    const expected = all.results.filter((i) => i.status === 'Paid' && i.totalAmount > 100).length;
    const q = encodeURIComponent('status=Paid&&totalAmount>100');
    const page = await json<{ results: { issueDate: string }[]; totalResults: number }>(`/companies/${companyId}/data/invoices?query=${q}&orderBy=-issueDate&pageSize=5`);
    expect(page.totalResults).toBe(expected);
    const dates = page.results.map((r) => r.issueDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    const bad = await call(`/companies/${companyId}/data/invoices?query=${encodeURIComponent('{status=Paid')}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('Error parsing query - Malformed query.');
    const one = await json<{ id: string }>(`/companies/${companyId}/data/invoices/inv-000002`);
    expect(one.id).toBe('inv-000002');
    expect((await call(`/companies/${companyId}/data/invoices/nope`)).status).toBe(404);
  });

  it('re-sync without changes rewrites nothing; a change in the source moves modifiedDate of that record only', async () => {
    const before = await json<{ results: { id: string; modifiedDate: string }[] }>(`/companies/${companyId}/data/invoices?pageSize=100`);
    api.clock.advance(60_000);
    const unchanged = await syncInvoices();
    expect(unchanged.status).toBe('Complete');
    const same = await json<{ results: { id: string; modifiedDate: string }[] }>(`/companies/${companyId}/data/invoices?pageSize=100`);
    expect(same.results.map((r) => r.modifiedDate)).toEqual(before.results.map((r) => r.modifiedDate));

    // Change inv-000003 in the source: the sandbox keeps written records in the connector store,
    // stamped with the source's modification time as its own writes are.
    const original = await json<Record<string, unknown>>(`/companies/${companyId}/data/invoices/inv-000003`);
    const { modifiedDate: _m, metadata: _meta, ...content } = original;
    api.clock.advance(60_000);
    await api.db.query(`INSERT INTO connector_record (connection_id, data_type, record_id, data) VALUES ($1, 'invoices', 'inv-000003', $2)`, [
      connectionId,
      JSON.stringify({ ...content, note: 'changed in the source', sourceModifiedDate: api.clock.now().toISOString() }),
    ]);
    api.clock.advance(60_000);
    const incremental = await syncInvoices();
    // The sandbox reports changes and deletions, so a re-sync within a day reads only what changed.
    const [mode] = await api.db.query('SELECT read_mode, modified_since, records_read FROM dataset WHERE id = $1', [incremental.id]);
    expect(mode).toMatchObject({ read_mode: 'incremental', records_read: 1 });
    const after = await json<{ results: { id: string; modifiedDate: string; note?: string }[] }>(`/companies/${companyId}/data/invoices?pageSize=100`);
    const changed = after.results.filter((r, i) => r.modifiedDate !== before.results[i].modifiedDate);
    expect(changed.map((r) => r.id)).toEqual(['inv-000003']);
    expect(changed[0].note).toBe('changed in the source');
    const byModified = await json<{ totalResults: number }>(`/companies/${companyId}/data/invoices?query=${encodeURIComponent(`modifiedDate>${before.results[0].modifiedDate}`)}`);
    expect(byModified.totalResults).toBe(1);
  });

  it('keeps records deleted in the source, marked isDeleted', async () => {
    api.clock.advance(60_000);
    await api.db.query(`INSERT INTO connector_record (connection_id, data_type, record_id, data) VALUES ($1, 'invoices', 'inv-000004', $2)`, [
      connectionId,
      JSON.stringify({ id: 'inv-000004', metadata: { isDeleted: true }, sourceModifiedDate: api.clock.now().toISOString() }),
    ]);
    api.clock.advance(60_000);
    await syncInvoices();
    const gone = await json<{ metadata: { isDeleted: boolean } }>(`/companies/${companyId}/data/invoices/inv-000004`);
    expect(gone.metadata.isDeleted).toBe(true);
    const live = await json<{ totalResults: number }>(`/companies/${companyId}/data/invoices?query=${encodeURIComponent('metadata.isDeleted!=true')}`);
    expect(live.totalResults).toBe(39);
  });

  it('reads in full at least daily, which finds deletions the source did not report', async () => {
    // A record that vanishes from the source without a tombstone: incremental reads cannot see it go.
    api.clock.advance(60_000);
    await api.db.query(`INSERT INTO connector_record (connection_id, data_type, record_id, data) VALUES ($1, 'invoices', 'inv-extra', $2)`, [
      connectionId,
      JSON.stringify({ id: 'inv-extra', status: 'Submitted', totalAmount: 5, issueDate: '2026-01-01T00:00:00', sourceModifiedDate: api.clock.now().toISOString() }),
    ]);
    api.clock.advance(60_000);
    await syncInvoices();
    expect((await json<{ metadata: { isDeleted: boolean } }>(`/companies/${companyId}/data/invoices/inv-extra`)).metadata.isDeleted).toBe(false);
    await api.db.query(`DELETE FROM connector_record WHERE connection_id = $1 AND record_id = 'inv-extra'`, [connectionId]);
    api.clock.advance(60_000);
    const quick = await syncInvoices();
    expect((await api.db.query('SELECT read_mode FROM dataset WHERE id = $1', [quick.id]))[0].read_mode).toBe('incremental');
    expect((await json<{ metadata: { isDeleted: boolean } }>(`/companies/${companyId}/data/invoices/inv-extra`)).metadata.isDeleted).toBe(false);

    api.clock.advance(25 * 3600_000);
    const full = await syncInvoices();
    const [row] = await api.db.query('SELECT read_mode, records_read, records_changed FROM dataset WHERE id = $1', [full.id]);
    expect(row).toMatchObject({ read_mode: 'full', records_read: 39, records_changed: 1 });
    expect((await json<{ metadata: { isDeleted: boolean } }>(`/companies/${companyId}/data/invoices/inv-extra`)).metadata.isDeleted).toBe(true);
    const live = await json<{ totalResults: number }>(`/companies/${companyId}/data/invoices?query=${encodeURIComponent('metadata.isDeleted!=true')}`);
    expect(live.totalResults).toBe(39);
  });

  it('refuses a second queue while a sync is unfinished, even under concurrent requests', async () => {
    // Make the sandbox slow so the first dataset is still running.
    await call(`/companies/${companyId}/connections/${connectionId}/authorization`, { method: 'PUT', json: { companyName: 'Sandbox Books', volume: '40', latencyMs: '300' } });
    await waitForIdle();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => call(`/companies/${companyId}/data/queue/bills`, { method: 'POST' })));
    const codes = results.map((r) => r.status).sort();
    expect(codes).toEqual([200, 400, 400, 400, 400]);
    const refused = await results.find((r) => r.status === 400)?.json();
    const accepted = await results.find((r) => r.status === 200)?.json();
    expect(refused.error).toBe(`DatasetAlreadyInProgressException: Cannot queue bills sync for ${companyId} as previous sync ${accepted.id} is still in progress`);
    await waitForIdle();
  });

  it('runs a dataset once: a second claim of the same dataset does nothing', async () => {
    const op = await syncInvoices();
    expect(op.status).toBe('Complete');
    const again = await worker.app.get(DatasetRunnerService, { strict: false }).run(op.id);
    expect(again).toBeUndefined();
    expect((await json<PullOp>(`/companies/${companyId}/data/history/${op.id}`)).status).toBe('Complete');
  });

  it('scheduler: two workers ticking at once never double-queue, and a missed run is caught up once', async () => {
    const worker2 = await startTestWorker(api);
    try {
      await api.db.query(`UPDATE sync_schedule SET next_run_at = $1 WHERE connection_id = $2`, [new Date(api.clock.now().getTime() - 3 * 24 * 3600_000), connectionId]);
      const before = (await api.db.query(`SELECT count(*)::int AS n FROM dataset WHERE connection_id = $1`, [connectionId]))[0].n;
      const [a, b] = await Promise.all([worker.app.get(ScheduleService, { strict: false }).tick(), worker2.app.get(ScheduleService, { strict: false }).tick()]);
      expect(a + b).toBe(10);
      const after = (await api.db.query(`SELECT count(*)::int AS n FROM dataset WHERE connection_id = $1 AND trigger = 'schedule'`, [connectionId]))[0].n;
      expect(after).toBe(10);
      expect((await api.db.query(`SELECT count(*)::int AS n FROM dataset WHERE connection_id = $1`, [connectionId]))[0].n).toBe(before + 10);
      const next: { next_run_at: Date }[] = await api.db.query(`SELECT next_run_at FROM sync_schedule WHERE connection_id = $1`, [connectionId]);
      expect(next.every((r) => r.next_run_at.getTime() > api.clock.now().getTime())).toBe(true);
      expect(await worker.app.get(ScheduleService, { strict: false }).tick()).toBe(0);
      await waitForIdle();
    } finally {
      await worker2.close();
    }
  });
});
