import { describe, expect, it } from '@jest/globals';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sandbox } from './support';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;

describe('sandbox streaming', () => {
  it('streams 1,000,000 invoices with flat memory', async () => {
    const c = sandbox({ seed: '2024', volume: '1000000' });
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let count = 0;
    let batches = 0;
    let lastId = '';
    const started = process.hrtime.bigint();
    for await (const batch of c.read('invoices')) {
      count += batch.length;
      lastId = batch[batch.length - 1].id as string;
      if (++batches % 100 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    console.log(
      `sandbox: ${count.toLocaleString('en-GB')} invoices in ${seconds.toFixed(2)} s = ${Math.round(count / seconds).toLocaleString('en-GB')} invoices/s ` +
        `(generated + mapped, ${batches} batches); heap peak +${((peak - before) / MB).toFixed(1)} MB, retained +${(retained / MB).toFixed(1)} MB`,
    );
    expect(count).toBe(1_000_000);
    expect(lastId).toBe('inv-1000000');
    expect(retained).toBeLessThan(50 * MB);
    expect(peak - before).toBeLessThan(100 * MB);
  }, 15_000);
});
