import { describe, expect, it } from '@jest/globals';
import { createBooks } from '../books/books';
import { DAY_MS } from '../books/time';
import { generatedRecord } from '../generators';
import { p, readAll, readBooks, sandbox, twoDecimals } from './support';

type Line = { unitAmount: number; quantity: number; subTotal: number; taxAmount: number; totalAmount: number; accountRef?: { id: string; name: string }; taxRateRef?: { id: string; effectiveTaxRate: number } };
type Link = { type: string; id: string; amount: number };
type PayLine = { amount: number; links: Link[] };
type Alloc = { payment: { id: string; totalAmount: number }; allocation: { totalAmount: number } };

describe('sandbox generated books', () => {
  it('links a small default company with {} and sizes each data type from volume', async () => {
    const b = await readBooks(sandbox());
    expect(await sandbox().authorize()).toEqual({ companyName: 'Sandbox Trading Ltd', connectionInfo: { seed: 1, volume: 50 } });
    expect({ invoices: b.invoices.size, bills: b.bills.size, customers: b.customers.size, suppliers: b.suppliers.size, journalEntries: b.journalEntries.size }).toEqual({
      invoices: 50,
      bills: 50,
      customers: 5,
      suppliers: 5,
      journalEntries: 10,
    });
    expect(b.chartOfAccounts.size).toBeGreaterThanOrEqual(30);
    expect(b.taxRates.size).toBeGreaterThanOrEqual(3);
    const paidInvoices = [...b.invoices.values()].filter((i) => i['status'] === 'Paid' || i['status'] === 'PartiallyPaid');
    expect(b.payments.size).toBe(paidInvoices.length);
    expect(await readAll(sandbox({ volume: '0' }), 'invoices')).toEqual([]);
    await expect(readAll(sandbox(), 'items' as never)).rejects.toThrow('The sandbox does not read items');
    const big = createBooks({ seed: 1, companyName: 'X', volume: 1000 });
    expect(big.counts).toEqual({ customers: 100, suppliers: 100, invoices: 1000, bills: 1000, journalEntries: 200 });
  });

  it('is deterministic: the same seed gives the same books, whatever the clock; another seed differs', async () => {
    const a = await readBooks(sandbox({ seed: '42', volume: '300' }, undefined, () => new Date('2030-01-01T00:00:00Z')));
    const b = await readBooks(sandbox({ seed: '42', volume: '300' }, undefined, () => new Date('2026-01-01T00:00:00Z')));
    const c = await readBooks(sandbox({ seed: '43', volume: '300' }));
    for (const t of Object.keys(a) as (keyof typeof a)[]) expect([...a[t].values()]).toEqual([...b[t].values()]);
    expect(await readAll(sandbox({ seed: '42' }), 'company')).toEqual(await readAll(sandbox({ seed: '42' }), 'company'));
    expect([...c.invoices.values()]).not.toEqual([...a.invoices.values()]);
    expect([...c.customers.values()].map((x) => x['customerName'])).not.toEqual([...a.customers.values()].map((x) => x['customerName']));
    // Ids are stable strings and any record can be produced on its own.
    expect([...a.invoices.keys()].slice(0, 2)).toEqual(['inv-000001', 'inv-000002']);
    const books = createBooks({ seed: 42, companyName: 'X', volume: 300 });
    expect(generatedRecord(books, 'invoices', 'inv-000277')).toEqual(a.invoices.get('inv-000277'));
    expect(generatedRecord(books, 'invoices', 'inv-000301')).toBeUndefined();
  });

  it('keeps references consistent and money to the penny', async () => {
    const b = await readBooks(sandbox({ seed: '7', volume: '2000' }));
    // Thousands of checks: collect the failures and assert once (a Jest expect per check is slow).
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => ok || problems.push(what);
    const accountType = (id: string) => b.chartOfAccounts.get(id)?.['type'];
    for (const inv of b.invoices.values()) {
      const ref = inv['customerRef'] as { id: string; companyName: string };
      check(b.customers.get(ref.id)?.['customerName'] === ref.companyName, `${inv.id} customerRef`);
      const lines = inv['lineItems'] as Line[];
      check(lines.length > 0, `${inv.id} has lines`);
      for (const l of lines) {
        check(accountType(l.accountRef?.id as string) === 'Income', `${inv.id} line account is Income`);
        check(b.taxRates.get(l.taxRateRef?.id as string)?.['effectiveTaxRate'] === l.taxRateRef?.effectiveTaxRate, `${inv.id} line tax rate`);
        check(p(l.subTotal) === Math.round(l.unitAmount * l.quantity * 100), `${inv.id} line subTotal`);
        check(p(l.subTotal) + p(l.taxAmount) === p(l.totalAmount), `${inv.id} line total`);
      }
      check(p(inv['subTotal']) === lines.reduce((s, l) => s + p(l.subTotal), 0), `${inv.id} subTotal`);
      check(p(inv['totalTaxAmount']) === lines.reduce((s, l) => s + p(l.taxAmount), 0), `${inv.id} totalTaxAmount`);
      check(p(inv['subTotal']) + p(inv['totalTaxAmount']) === p(inv['totalAmount']), `${inv.id} subTotal + tax = total`);
      for (const k of ['subTotal', 'totalTaxAmount', 'totalAmount', 'amountDue']) check(twoDecimals(inv[k]), `${inv.id} ${k} has 2 decimals`);
    }
    for (const bill of b.bills.values()) {
      const ref = bill['supplierRef'] as { id: string; supplierName: string };
      check(b.suppliers.get(ref.id)?.['supplierName'] === ref.supplierName, `${bill.id} supplierRef`);
      for (const l of bill['lineItems'] as Line[]) check(accountType(l.accountRef?.id as string) === 'Expense', `${bill.id} line account is Expense`);
      check(p(bill['subTotal']) + p(bill['taxAmount']) === p(bill['totalAmount']), `${bill.id} subTotal + tax = total`);
    }
    // Every payment pays one invoice of its own customer, with the contract's sign convention, and the
    // invoice's amountDue reflects it.
    const paidBy = new Map<string, number>();
    for (const pay of b.payments.values()) {
      const [line] = pay['lines'] as PayLine[];
      const [link] = line.links;
      check(p(pay['totalAmount']) === p(line.amount) && line.amount > 0, `${pay.id} totalAmount = line amount > 0`);
      check(link.type === 'Invoice' && link.amount === -line.amount, `${pay.id} links the invoice with the opposite sign`);
      const inv = b.invoices.get(link.id);
      check((inv?.['customerRef'] as { id: string } | undefined)?.id === (pay['customerRef'] as { id: string }).id, `${pay.id} same customer`);
      check((inv?.['paymentAllocations'] as Alloc[] | undefined)?.[0]?.payment.id === pay.id, `${pay.id} allocated on the invoice`);
      check(Date.parse(pay['date'] as string) >= Date.parse(inv?.['issueDate'] as string), `${pay.id} after the invoice`);
      paidBy.set(link.id, (paidBy.get(link.id) ?? 0) + p(line.amount));
    }
    for (const inv of b.invoices.values()) {
      if (inv['status'] !== 'Void') check(p(inv['amountDue']) === p(inv['totalAmount']) - (paidBy.get(inv.id as string) ?? 0), `${inv.id} amountDue = total - payments`);
    }
    for (const bp of b.billPayments.values()) {
      const [line] = bp['lines'] as PayLine[];
      const bill = b.bills.get(line.links[0].id);
      check(line.links[0].type === 'Bill' && line.links[0].amount === -line.amount, `${bp.id} links the bill with the opposite sign`);
      check((bill?.['supplierRef'] as { id: string } | undefined)?.id === (bp['supplierRef'] as { id: string }).id, `${bp.id} same supplier`);
    }
    for (const je of b.journalEntries.values()) {
      const lines = je['journalLines'] as { netAmount: number; accountRef: { id: string } }[];
      check(lines.reduce((s, l) => s + p(l.netAmount), 0) === 0, `${je.id} balances`);
      for (const l of lines) check(b.chartOfAccounts.has(l.accountRef.id), `${je.id} account exists`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(b.payments.size).toBeGreaterThan(1000);
  });

  it('follows the status and amountDue rules, with a realistic mix', async () => {
    const invoices = await readAll(sandbox({ seed: '3', volume: '10000' }), 'invoices');
    const problems: string[] = [];
    const count: Record<string, number> = {};
    for (const inv of invoices) {
      const [total, due] = [p(inv['totalAmount']), p(inv['amountDue'])];
      const status = inv['status'] as string;
      count[status] = (count[status] ?? 0) + 1;
      const ok =
        status === 'Submitted' || status === 'Draft' ? due === total
        : status === 'PartiallyPaid' ? due > 0 && due < total
        : status === 'Paid' ? due === 0 && typeof inv['paidOnDate'] === 'string'
        : status === 'Void' && due === 0;
      if (!ok || (status !== 'Paid' && inv['paidOnDate'] !== undefined)) problems.push(`${inv.id} ${status} total ${total} due ${due}`);
    }
    expect(problems).toEqual([]);
    expect(count['Paid'] / invoices.length).toBeCloseTo(0.5, 1);
    expect(count['Submitted'] / invoices.length).toBeCloseTo(0.25, 1);
    expect(Object.keys(count).sort()).toEqual(['Draft', 'Paid', 'PartiallyPaid', 'Submitted', 'Void']);
    const bills = await readAll(sandbox({ seed: '3', volume: '2000' }), 'bills');
    const badBills = bills.filter((bill) => {
      const [total, due, status] = [p(bill['totalAmount']), p(bill['amountDue']), bill['status']];
      return status === 'Open' ? due !== total : status === 'PartiallyPaid' ? !(due > 0 && due < total) : status === 'Paid' ? due !== 0 : false;
    });
    expect(badBills).toEqual([]);
  });

  it('dates everything in the 24 months before an anchor derived from the seed', async () => {
    const books = createBooks({ seed: 11, companyName: 'X', volume: 1000 });
    const anchor = books.anchorDay * DAY_MS;
    const c = sandbox({ seed: '11', volume: '1000' });
    for (const t of ['invoices', 'bills', 'payments', 'billPayments', 'journalEntries', 'customers', 'suppliers'] as const) {
      const outside = (await readAll(c, t)).filter((r) => {
        const modified = Date.parse(r.sourceModifiedDate as string);
        const doc = r['issueDate'] ?? r['date'] ?? r['postedOn'];
        return !(modified < anchor && modified >= anchor - 731 * DAY_MS && (!doc || modified >= Date.parse(doc as string)));
      });
      expect([t, outside]).toEqual([t, []]);
    }
    const dates = (await readAll(c, 'invoices')).map((i) => Date.parse(i['issueDate'] as string));
    expect(Math.max(...dates) - Math.min(...dates)).toBeGreaterThan(700 * DAY_MS);
  });

  it('reads incrementally (modifiedSince), within a history window (from) and in batches', async () => {
    const c = sandbox({ seed: '5', volume: '1200' });
    const all = await readAll(c, 'invoices');
    const since = new Date(all[600].sourceModifiedDate as string);
    const changed = await readAll(c, 'invoices', { modifiedSince: since });
    expect(changed.map((r) => r.id)).toEqual(all.filter((r) => Date.parse(r.sourceModifiedDate as string) > since.getTime()).map((r) => r.id));
    expect(changed.length).toBeGreaterThan(100);
    expect(changed.length).toBeLessThan(1200);
    expect(await readAll(c, 'invoices', { modifiedSince: new Date('2026-01-01T00:00:00Z') })).toEqual([]);
    const from = new Date(all[900]['issueDate'] as string);
    const recent = await readAll(c, 'payments', { from });
    expect(recent.length).toBeGreaterThan(0);
    for (const r of recent) expect(Date.parse(r['date'] as string)).toBeGreaterThanOrEqual(from.getTime());
    const sizes: number[] = [];
    for await (const batch of c.read('invoices')) sizes.push(batch.length);
    expect(sizes).toEqual([500, 500, 200]);
    const small: number[] = [];
    for await (const batch of c.read('customers', { batchSize: 50 })) small.push(batch.length);
    expect(small).toEqual([50, 50, 20]);
  });

  it('describes the company with the name from the settings', async () => {
    const [info] = await readAll(sandbox({ companyName: 'Acme Widgets Ltd', seed: '9' }), 'company');
    expect(info).toMatchObject({ companyName: 'Acme Widgets Ltd', baseCurrency: 'GBP', accountingPlatformRef: 'sandbox-9' });
    expect(info.id).toBeUndefined();
    expect(info['financialYearStartDate']).toMatch(/^\d{4}-04-01T00:00:00Z$/);
  });
});
