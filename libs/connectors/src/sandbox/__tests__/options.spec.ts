import { describe, expect, it } from '@jest/globals';
import type { PushOption, PushOptionProperty } from '@ledgerlink/models';
import { ConnectorNotSupportedError } from '../../connector';
import { SANDBOX_FEATURES } from '../sandbox.features';
import { MemoryStore } from './memory-store';
import { readAll, sandbox } from './support';

/** Every property at any depth, with its path. */
function* walk(props: Record<string, PushOptionProperty> | undefined, path = ''): Generator<[string, PushOptionProperty]> {
  for (const [k, v] of Object.entries(props ?? {})) {
    yield [path + k, v];
    yield* walk(v.properties, `${path}${k}.`);
  }
}
const at = (o: PushOption, path: string) => [...walk(o.properties)].find(([p]) => p === path)?.[1] as PushOptionProperty;

describe('sandbox push options', () => {
  it('offers a described model for every Post and Put in the metadata, and nothing else', async () => {
    const c = sandbox({}, new MemoryStore());
    for (const [dataType, states] of Object.entries(SANDBOX_FEATURES)) {
      for (const [feature, op] of [['Post', 'Create'], ['Put', 'Update']] as const) {
        const call = c.options(dataType as never, op);
        if (states?.[feature] !== 'Release') {
          await expect(call).rejects.toBeInstanceOf(ConnectorNotSupportedError);
          continue;
        }
        const o = await call;
        expect(o).toMatchObject({ type: 'Object', required: true, displayName: expect.any(String) });
        for (const [path, prop] of walk(o.properties)) {
          expect([path, typeof prop.description, prop.description.length > 0]).toEqual([path, 'string', true]);
          expect(typeof prop.required).toBe('boolean');
        }
      }
    }
  });

  it('builds invoice choices from the books: the first 50 customers, income accounts, tax rates', async () => {
    const store = new MemoryStore();
    const c = sandbox({ volume: '1000' }, store);
    await c.write({ key: 'rename', type: 'Update', dataType: 'customers', recordId: 'cus-000004', record: { customerName: 'Renamed Ltd' } });
    const o = await c.options('invoices', 'Create');
    // Reads put written records after generated ones; the options list them in id order.
    const customers = (await readAll(c, 'customers'))
      .filter((x) => x['status'] === 'Active' && Number(String(x.id).slice(4)) <= 50)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    const choices = at(o, 'customerRef.id').options ?? [];
    expect(choices.map((x) => [x.value, x.displayName])).toEqual(customers.map((x) => [x.id, x['customerName']]));
    expect(choices.length).toBeGreaterThan(40);
    expect(choices.length).toBeLessThanOrEqual(50);
    expect(choices).toContainEqual(expect.objectContaining({ value: 'cus-000004', displayName: 'Renamed Ltd' }));
    expect(at(o, 'customerRef.id').required).toBe(true);
    expect(at(o, 'lineItems').type).toBe('Array');
    expect(at(o, 'lineItems.unitAmount')).toMatchObject({ type: 'Number', required: true });
    expect(at(o, 'lineItems.accountRef.id').options?.map((x) => x.value)).toEqual(['acc-4000', 'acc-4010', 'acc-4020', 'acc-4900', 'acc-4910']);
    expect(at(o, 'lineItems.taxRateRef.id').options?.map((x) => x.value)).toEqual(['tax-std', 'tax-red', 'tax-zero', 'tax-ex', 'tax-none']);
    expect(at(o, 'status').options?.map((x) => x.value)).toEqual(['Draft', 'Submitted']);
    expect(at(await c.options('invoices', 'Update'), 'status').options?.map((x) => x.value)).toEqual(['Draft', 'Submitted', 'Void']);
    expect(at(o, 'invoiceNumber').validation?.warnings).toEqual([{ field: 'InvoiceNumber', details: 'Max length of 20 characters.' }]);
  });

  it('lists account categories, nominal code rules, and accounts created since', async () => {
    const c = sandbox({}, new MemoryStore());
    const o = await c.options('chartOfAccounts', 'Create');
    expect(o.displayName).toBe('Nominal Account');
    expect(at(o, 'nominalCode')).toMatchObject({ required: true, validation: { warnings: [{ field: 'NominalCode', details: 'Max length of 10 characters.' }] } });
    expect(at(o, 'fullyQualifiedCategory').options).toContainEqual({ value: 'Asset.Current', type: 'String', displayName: 'Current Asset', required: false });
    await c.write({ key: 'a', type: 'Create', dataType: 'chartOfAccounts', record: { nominalCode: '7700', name: 'Travel', fullyQualifiedCategory: 'Expense.Overheads' } });
    const je = await c.options('journalEntries', 'Create');
    expect(at(je, 'journalLines.accountRef.id').options).toContainEqual(expect.objectContaining({ value: 'acc-7700', displayName: '7700 Travel' }));
    expect(at(await c.options('payments', 'Create'), 'accountRef.id').options?.map((x) => x.value)).toEqual(['acc-1200', 'acc-1210']);
  });
});
