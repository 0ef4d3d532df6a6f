import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/pagination.js';

/** A list of `total` records (`r0`, `r1`, ...) and the `skip` of every page asked for. */
function list(total: number) {
  const skips: number[] = [];
  const fetchPage = async (skip: number, limit: number) => {
    skips.push(skip);
    return Array.from(
      { length: Math.max(0, Math.min(limit, total - skip)) },
      (_, i) => `r${skip + i}`,
    );
  };
  return { skips, fetchPage };
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const identity = (record: string) => record;

// The caps are exact: no page fetched beyond them, no record yielded beyond them.
describe('paginate: caps and progress', () => {
  it('stops after maxPages pages', async () => {
    const { skips, fetchPage } = list(100);
    expect(await all(paginate(fetchPage, { pageSize: 2, maxPages: 2, identity }))).toEqual([
      'r0',
      'r1',
      'r2',
      'r3',
    ]);
    expect(skips).toEqual([0, 2]);
  });

  it('stops after maxItems records, mid-page or at a page end, without another request', async () => {
    const mid = list(100);
    expect(await all(paginate(mid.fetchPage, { pageSize: 2, maxItems: 3, identity }))).toEqual([
      'r0',
      'r1',
      'r2',
    ]);
    expect(mid.skips).toEqual([0, 2]);
    const end = list(100);
    expect(await all(paginate(end.fetchPage, { pageSize: 2, maxItems: 4, identity }))).toHaveLength(
      4,
    );
    expect(end.skips).toEqual([0, 2]);
  });

  it('walks to the first short page when no cap is given', async () => {
    const { skips, fetchPage } = list(5);
    expect(await all(paginate(fetchPage, { pageSize: 2, identity }))).toHaveLength(5);
    expect(skips).toEqual([0, 2, 4]);
  });

  it('goes on when a page repeats only some records of the page before', async () => {
    const pages = [['a', 'b'], ['b', 'c'], []];
    const got = await all(paginate(async () => pages.shift() ?? [], { pageSize: 2, identity }));
    expect(got).toEqual(['a', 'b', 'b', 'c']);
  });

  it('ends with NO_PROGRESS, naming the skip, when a page repeats the page before', async () => {
    const iterator = paginate(async () => ['a', 'b'], { pageSize: 2, identity });
    const error = await all(iterator).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'NO_PROGRESS',
      message:
        'the list made no progress: the page at skip 2 holds only records of the page before it (the server seems to ignore skip); stopped after 2 pages',
    });
  });
});
