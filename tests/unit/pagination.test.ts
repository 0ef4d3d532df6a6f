import { describe, expect, it } from 'vitest';
import { createClientWithRuntime } from '../../src/client.js';
import { InputError, InternalServerError, InvalidResponseError } from '../../src/errors.js';
import { DEFAULT_PAGE_SIZE } from '../../src/pagination.js';
import { clientOptions, fakeApi, fakeRuntime, passBody } from '../support/fake-api.js';

/** A server holding `total` passes with ids p0, p1, ... that pages them by limit/skip. */
function pagedServer(
  total: number,
  fail: (skip: number, attempt: number) => number | undefined = () => undefined,
) {
  const attempts = new Map<number, number>();
  const api = fakeApi({
    api: (request) => {
      const { limit, skip, filter } = JSON.parse(request.body ?? '{}') as {
        limit: number;
        skip: number;
        filter?: unknown;
      };
      const attempt = (attempts.get(skip) ?? 0) + 1;
      attempts.set(skip, attempt);
      const status = fail(skip, attempt);
      if (status !== undefined) return new Response(null, { status });
      const records = [];
      for (let i = skip; i < Math.min(total, skip + limit); i++)
        records.push(passBody({ id: `p${i}` }));
      return Response.json({ records, echo: filter ?? null });
    },
  });
  const bodies = () => api.apiRequests().map((r) => JSON.parse(r.body ?? 'null'));
  return { api, bodies };
}

async function collect(iterable: AsyncIterable<{ id: string }>) {
  const ids: string[] = [];
  for await (const pass of iterable) ids.push(pass.id);
  return ids;
}

describe('passes.listAll', () => {
  it('yields nothing for an empty first page, after exactly one request', async () => {
    const { api, bodies } = pagedServer(0);
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    expect(await collect(civic.passes.listAll())).toEqual([]);
    expect(bodies()).toEqual([{ limit: DEFAULT_PAGE_SIZE, skip: 0 }]);
  });

  it('ends on the short last page', async () => {
    const { api, bodies } = pagedServer(5);
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    expect(await collect(civic.passes.listAll({ pageSize: 2 }))).toEqual([
      'p0',
      'p1',
      'p2',
      'p3',
      'p4',
    ]);
    expect(bodies()).toEqual([
      { limit: 2, skip: 0 },
      { limit: 2, skip: 2 },
      { limit: 2, skip: 4 },
    ]);
  });

  it('ends an exact multiple of the page size on the following empty page', async () => {
    const { api, bodies } = pagedServer(4);
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    expect(await collect(civic.passes.listAll({ pageSize: 2 }))).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(bodies().map((b) => b.skip)).toEqual([0, 2, 4]);
  });

  it('retries a failed middle page with the same skip: nothing skipped, nothing repeated', async () => {
    const { api, bodies } = pagedServer(6, (skip, attempt) =>
      skip === 2 && attempt === 1 ? 503 : undefined,
    );
    const { runtime, sleeps } = fakeRuntime();
    const civic = createClientWithRuntime(clientOptions(api.fetch), runtime);
    expect(await collect(civic.passes.listAll({ pageSize: 2 }))).toEqual([
      'p0',
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
    ]);
    expect(bodies().map((b) => b.skip)).toEqual([0, 2, 2, 4, 6]);
    expect(sleeps).toHaveLength(1);
  });

  it('throws when a page keeps failing, after yielding the earlier pages once', async () => {
    const { api } = pagedServer(6, (skip) => (skip === 2 ? 500 : undefined));
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const ids: string[] = [];
    const error = await (async () => {
      for await (const pass of civic.passes.listAll({ pageSize: 2 })) ids.push(pass.id);
    })().catch((e: unknown) => e);
    expect(ids).toEqual(['p0', 'p1']);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(api.apiRequests()).toHaveLength(1 + 3);
  });

  it('fetches the next page only when the current one is used up, and stops on break', async () => {
    const { api } = pagedServer(100);
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const iterator = civic.passes.listAll({ pageSize: 3 });
    expect(api.apiRequests()).toHaveLength(0); // lazy: nothing before the first next()
    const seen: string[] = [];
    for await (const pass of iterator) {
      seen.push(pass.id);
      if (seen.length === 3) expect(api.apiRequests()).toHaveLength(1);
      if (seen.length === 4) break;
    }
    expect(seen).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(api.apiRequests()).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(api.apiRequests()).toHaveLength(2);
  });

  it('sends the filter with every page', async () => {
    const { api, bodies } = pagedServer(3);
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await collect(civic.passes.listAll({ filter: { state: 'FROZEN' }, pageSize: 2 }));
    expect(bodies()).toEqual([
      { limit: 2, skip: 0, filter: { state: 'FROZEN' } },
      { limit: 2, skip: 2, filter: { state: 'FROZEN' } },
    ]);
  });

  it('advances by what came back when a server returns more than asked', async () => {
    const api = fakeApi({
      api: (request) => {
        const { skip } = JSON.parse(request.body ?? '{}') as { skip: number };
        const ids = skip === 0 ? ['a', 'b', 'c'] : skip === 3 ? ['d'] : ['WRONG'];
        return Response.json({ records: ids.map((id) => passBody({ id })) });
      },
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    expect(await collect(civic.passes.listAll({ pageSize: 2 }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses a page without a records array instead of looping', async () => {
    const api = fakeApi({ api: () => Response.json({ items: [] }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await expect(collect(civic.passes.listAll())).rejects.toBeInstanceOf(InvalidResponseError);
    expect(api.apiRequests()).toHaveLength(1);
  });

  it.each([0, -1, 2.5, Number.NaN, '10'])(
    'refuses pageSize %s before sending anything',
    (pageSize) => {
      const api = fakeApi();
      const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
      expect(() => civic.passes.listAll({ pageSize: pageSize as number })).toThrow(InputError);
      expect(() => civic.passes.listAll({ pageSize: pageSize as number })).toThrow(
        /pageSize .* an integer from 1 to 100/,
      );
      expect(api.seen).toHaveLength(0);
    },
  );
});

describe('passes.list', () => {
  it('sends limit, skip and filter as given, defaults otherwise', async () => {
    const { api, bodies } = pagedServer(30);
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const page = await civic.passes.list({
      limit: 5,
      skip: 10,
      filter: { walletAddress: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888' },
    });
    expect(page.records.map((p) => p.id)).toEqual(['p10', 'p11', 'p12', 'p13', 'p14']);
    await civic.passes.list();
    expect(bodies()).toEqual([
      {
        limit: 5,
        skip: 10,
        filter: { walletAddress: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888' },
      },
      { limit: 20, skip: 0 },
    ]);
    expect(api.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /partner/pass',
      'POST /partner/pass',
    ]);
  });
});
