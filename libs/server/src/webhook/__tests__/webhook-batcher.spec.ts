import { describe, expect, it } from '@jest/globals';
import { MicroBatcher } from '../webhook-batcher';

const tick = () => new Promise((r) => setImmediate(r));

describe('MicroBatcher', () => {
  it('coalesces calls made together and keeps each caller its own result', async () => {
    const batches: number[][] = [];
    const b = new MicroBatcher<number, number>(async (xs) => {
      batches.push(xs);
      return xs.map((x) => x * 10);
    });
    expect(await Promise.all([1, 2, 3].map((x) => b.call(x)))).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('queues calls while batches are in flight and sends them together next', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = new MicroBatcher<number, number>(async (xs) => {
      batches.push(xs);
      if (batches.length === 1) await gate;
      return xs;
    }, 100, 1);
    const first = b.call(1);
    await tick();
    const later = [2, 3, 4].map((x) => b.call(x));
    await tick();
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('respects the batch size and fails every call of a failed batch', async () => {
    const sizes: number[] = [];
    const b = new MicroBatcher<number, number>(async (xs) => {
      sizes.push(xs.length);
      if (xs.includes(13)) throw new Error('unlucky');
      return xs;
    }, 5, 10);
    const results = await Promise.allSettled(Array.from({ length: 15 }, (_, i) => b.call(i)));
    expect(sizes).toEqual([5, 5, 5]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
  });
});
