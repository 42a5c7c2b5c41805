import { describe, expect, it } from '@jest/globals';
import { ConnectorAuthError, ConnectorUnavailableError } from '../../connector';
import { MemoryStore } from './memory-store';
import { readAll, sandbox } from './support';

const invoice = { customerRef: { id: 'cus-000001' }, issueDate: '2025-06-01', lineItems: [{ unitAmount: 10, quantity: 1 }] };

describe('sandbox simulation', () => {
  it('waits latencyMs per read batch and per write', async () => {
    const c = sandbox({ latencyMs: '40', volume: '20' }, new MemoryStore());
    // Node timers may fire up to a millisecond before a fresh clock reading: allow 1 ms per wait.
    let t = performance.now();
    const batches: number[] = [];
    for await (const b of c.read('customers', { batchSize: 3 })) batches.push(b.length);
    expect(batches).toEqual([3, 2]);
    expect(performance.now() - t).toBeGreaterThanOrEqual(2 * 40 - 2);
    t = performance.now();
    await c.write({ key: 'k1', type: 'Create', dataType: 'invoices', record: invoice });
    expect(performance.now() - t).toBeGreaterThanOrEqual(40 - 1);
  });

  it('honours the abort signal while waiting', async () => {
    const c = sandbox({ latencyMs: '5000' });
    const ac = new AbortController();
    const pending = readAll(c, 'invoices', { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails with ConnectorUnavailableError at failureRate 1, never at 0, and sometimes in between', async () => {
    const failing = sandbox({ failureRate: '1' }, new MemoryStore());
    await expect(readAll(failing, 'invoices')).rejects.toThrow(new ConnectorUnavailableError('Sandbox simulated failure'));
    await expect(readAll(failing, 'company')).rejects.toBeInstanceOf(ConnectorUnavailableError);
    await expect(failing.write({ key: 'k', type: 'Create', dataType: 'invoices', record: invoice })).rejects.toBeInstanceOf(ConnectorUnavailableError);
    expect(await readAll(sandbox({ failureRate: '0' }), 'invoices')).toHaveLength(50);

    // Writes fail deterministically per key: the same key on a fresh connector gives the same outcome.
    const outcome = async (key: string) =>
      sandbox({ failureRate: '0.5' }, new MemoryStore())
        .write({ key, type: 'Create', dataType: 'invoices', record: invoice })
        .then(() => 'ok', (e: Error) => e.name);
    const keys = Array.from({ length: 40 }, (_, i) => `key-${i}`);
    const first = await Promise.all(keys.map(outcome));
    expect(await Promise.all(keys.map(outcome))).toEqual(first);
    expect(new Set(first)).toEqual(new Set(['ok', 'ConnectorUnavailableError']));
  });

  it('is offline for reads, options and writes, while authorize still links the company', async () => {
    const c = sandbox({ offline: 'true' }, new MemoryStore());
    expect(await c.authorize()).toMatchObject({ companyName: 'Sandbox Trading Ltd' });
    await expect(readAll(c, 'invoices')).rejects.toThrow(/sandbox company is offline/);
    await expect(readAll(c, 'invoices')).rejects.toBeInstanceOf(ConnectorUnavailableError);
    await expect(c.options('invoices', 'Create')).rejects.toBeInstanceOf(ConnectorUnavailableError);
    await expect(c.write({ key: 'k', type: 'Create', dataType: 'invoices', record: invoice })).rejects.toThrow(/sandbox company is offline/);
  });

  it('is offline until offlineUntil, then back', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const c = sandbox({ offlineUntil: '2026-01-01T01:00:00Z' }, undefined, () => now);
    await expect(readAll(c, 'customers')).rejects.toThrow('The sandbox company is offline until 2026-01-01T01:00:00.000Z');
    now = new Date('2026-01-01T01:00:00Z');
    expect(await readAll(c, 'customers')).toHaveLength(5);
  });

  it('rejects bad settings from authorize, naming the field', async () => {
    await expect(sandbox({ volume: 'lots' }).authorize()).rejects.toEqual(new ConnectorAuthError('volume must be a whole number from 0 to 5000000', 'volume'));
    await expect(sandbox({ offlineUntil: 'soon' }).authorize()).rejects.toMatchObject({ field: 'offlineUntil' });
  });
});
