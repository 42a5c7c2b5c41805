import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startTestApi, startTestWorker, startTryton, trytonClient, type TestApi, type TestTenant, type TestWorker, type TrytonPeer } from '@ledgerlink/testing';

jest.setTimeout(120_000);

interface PullOp {
  id: string;
  dataType: string;
  status: string;
  isCompleted: boolean;
  errorMessage?: string;
}
interface Page<T> {
  results: T[];
  totalResults: number;
}

/** Pull sync from a real Tryton: changes and deletions in the peer reach the records store; a revoked login deauthorises. */
describe('pull sync (Tryton peer)', () => {
  let peer: TrytonPeer;
  let api: TestApi;
  let worker: TestWorker;
  let t: TestTenant;
  let companyId: string;
  let connectionId: string;

  const json = async <T>(path: string, init: Parameters<TestApi['request']>[1] = {}) => (await (await api.request(path, { tenant: t, ...init })).json()) as T;
  async function sync(dataType: string): Promise<PullOp> {
    const op = await json<PullOp>(`/companies/${companyId}/data/queue/${dataType}`, { method: 'POST' });
    for (let i = 0; i < 600; i++) {
      const d = await json<PullOp>(`/companies/${companyId}/data/history/${op.id}`);
      if (d.isCompleted) return d;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${dataType} sync did not finish`);
  }
  async function waitForIdle() {
    for (let i = 0; i < 600; i++) {
      const h = await json<Page<PullOp>>(`/companies/${companyId}/data/history?pageSize=100`);
      if (h.results.length && h.results.every((d) => d.isCompleted)) return h.results;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('first sync did not finish');
  }

  beforeAll(async () => {
    peer = await startTryton();
    api = await startTestApi();
    worker = await startTestWorker(api);
    t = await api.createTenant();
    companyId = (await json<{ id: string }>('/companies', { method: 'POST', json: { name: 'Temporary name 42' } })).id;
    connectionId = (await json<{ id: string }>(`/companies/${companyId}/connections`, { method: 'POST', json: { platformKey: 'tryt' } })).id;
    const res = await api.request(`/companies/${companyId}/connections/${connectionId}/authorization`, {
      tenant: t,
      method: 'PUT',
      json: { serverUrl: peer.url, database: peer.database, username: peer.user, password: peer.password },
    });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await peer?.stop();
  });

  it('syncs every data type from Tryton on link', async () => {
    const done = await waitForIdle();
    expect(done.filter((d) => d.status !== 'Complete')).toEqual([]);
    const customers = await json<Page<{ customerName: string }>>(`/companies/${companyId}/data/customers`);
    expect(customers.results.map((c) => c.customerName)).toContain('Acme GmbH');
    const invoices = await json<Page<{ invoiceNumber?: string; totalAmount: number; amountDue: number; status: string }>>(`/companies/${companyId}/data/invoices`);
    const inv = invoices.results.find((i) => i.invoiceNumber === 'INV-0001');
    expect(inv).toMatchObject({ totalAmount: 1500.6, amountDue: 1000.6, status: 'PartiallyPaid' });
    expect((await json<{ companyName: string }>(`/companies/${companyId}/data/info`)).companyName).toBe('Ledgerlink Test Company');
  });

  it('renames a company created under a temporary name to the name its books report (seed 003)', async () => {
    const signIn = await fetch(`${api.url}/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: t.email, password: t.password }) });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const res = await fetch(`${api.url}/trpc/data.renameFromBooks`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ companyId }) });
    expect(res.status).toBe(200);
    expect((await json<{ name: string }>(`/companies/${companyId}`)).name).toBe('Ledgerlink Test Company');
  });

  it('a record changed in Tryton gets a new modifiedDate after a re-sync; the others keep theirs', async () => {
    const before = await json<Page<{ id: string; customerName: string; modifiedDate: string }>>(`/companies/${companyId}/data/customers`);
    const acme = before.results.find((c) => c.customerName === 'Acme GmbH');
    expect(acme).toBeDefined();
    const client = await trytonClient(peer);
    await client.call('model.party.party.write', [[Number(acme?.id)], { name: 'Acme Renamed GmbH' }]);
    api.clock.advance(60_000);
    expect((await sync('customers')).status).toBe('Complete');
    const after = await json<Page<{ id: string; customerName: string; modifiedDate: string }>>(`/companies/${companyId}/data/customers`);
    for (const c of after.results) {
      const old = before.results.find((b) => b.id === c.id);
      if (c.id === acme?.id) {
        expect(c.customerName).toBe('Acme Renamed GmbH');
        expect(c.modifiedDate > (old?.modifiedDate ?? '')).toBe(true);
      } else {
        expect(c.modifiedDate).toBe(old?.modifiedDate);
      }
    }
  });

  it('a draft bill deleted in Tryton is kept with metadata.isDeleted after a re-sync', async () => {
    const bills = await json<Page<{ id: string; status: string; metadata: { isDeleted: boolean } }>>(`/companies/${companyId}/data/bills`);
    const draft = bills.results.find((b) => b.status === 'Draft');
    expect(draft?.metadata.isDeleted).toBe(false);
    const client = await trytonClient(peer);
    await client.call('model.account.invoice.delete', [[Number(draft?.id)]]);
    expect((await sync('bills')).status).toBe('Complete');
    const gone = await json<{ metadata: { isDeleted: boolean } }>(`/companies/${companyId}/data/bills/${draft?.id}`);
    expect(gone.metadata.isDeleted).toBe(true);
  });

  it('a revoked login fails the sync with AuthError and deauthorises the connection', async () => {
    const client = await trytonClient(peer);
    const [admin] = await client.call<number[]>('model.res.user.search', [[['login', '=', peer.user]], 0, 1, null]);
    await client.call('model.res.user.write', [[admin], { password: 'Zq8-Kv3!Wm7#Jx5' }]);
    const op = await sync('invoices');
    expect(op.status).toBe('AuthError');
    expect(op.errorMessage).toBeTruthy();
    const conn = await json<{ status: string; dataConnectionErrors?: unknown[] }>(`/companies/${companyId}/connections/${connectionId}`);
    expect(conn.status).toBe('Deauthorized');
    expect(conn.dataConnectionErrors?.length).toBe(1);
    const company = await json<{ status: string }>(`/companies/${companyId}`);
    expect(company.status).toBe('Deauthorised');
  });
});
