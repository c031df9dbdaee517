import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/storage/groupCommit.js';

describe('groupCommit', () => {
  it('batches calls made in the same turn, and those that arrive while a write is running', async () => {
    const batches: number[][] = [];
    const write = groupCommit(async (items: number[]) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((i) => i * 10);
    });
    const first = Promise.all([1, 2].map(write));
    await new Promise((resolve) => setTimeout(resolve, 1)); // the first batch is being written now
    const results = await Promise.all([first, Promise.all([3, 4, 5].map(write))]);
    expect(results).toEqual([
      [10, 20],
      [30, 40, 50],
    ]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('retries a failed batch one by one, so only the bad item fails', async () => {
    const write = groupCommit(async (items: number[]) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (items.includes(13)) throw new Error('unlucky');
      return items;
    });
    const outcomes = await Promise.allSettled([1, 2, 13, 4].map(write));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });

  it('caps the size of a batch', async () => {
    const sizes: number[] = [];
    const write = groupCommit(async (items: number[]) => {
      sizes.push(items.length);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return items;
    }, 3);
    await Promise.all(Array.from({ length: 8 }, (_, i) => write(i)));
    expect(sizes).toEqual([3, 3, 2]);
  });
});
