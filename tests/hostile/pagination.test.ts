/**
 * listAll against servers that would make it endless: one that ignores `skip`, one that always
 * answers a full page of new records. NO_PROGRESS stops the first before yielding a repeat;
 * `maxPages` / `maxItems` bound the second.
 */
import { describe, expect, it } from 'vitest';
import { CivicPassError } from '../../src/errors.js';
import { startTokenServer } from '../../src/testing/index.js';
import type { Pass } from '../../src/types.js';
import { passNumber } from '../support/examples.js';
import { faultClient } from '../support/fault-client.js';
import { json, type Step } from '../support/scripted-server.js';
import { closeAfter, server } from './servers.js';

const page = (from: number, size: number) =>
  Array.from({ length: size }, (_, i) => ({ ...passNumber(from + i), id: `p${from + i}` }));

/** Always the same full page, whatever `skip` says. */
const ignoresSkip: () => Step = () => json(200, { records: page(0, 20) });

/** A full page of new records for every request: an endless list. */
const endlessList = (): ((index: number) => Step) => (index) =>
  json(200, { records: page(index * 20, 20) });

async function client(script: Parameters<typeof server>[0]) {
  const api = await server(script);
  const tokens = closeAfter(await startTokenServer());
  return { api, ...faultClient({ baseUrl: api.url, tokenUrl: tokens.url }) };
}

async function drain(iterable: AsyncIterable<Pass>) {
  const seen: Pass[] = [];
  try {
    for await (const pass of iterable) seen.push(pass);
    return { seen, error: undefined };
  } catch (error) {
    return { seen, error };
  }
}

describe('listAll that must make progress', () => {
  it('stops with NO_PROGRESS on the second page of a server that ignores skip', async () => {
    const { api, civic } = await client(ignoresSkip);
    const { seen, error } = await drain(civic.passes.listAll());
    expect(error).toBeInstanceOf(CivicPassError);
    expect(error).toMatchObject({ code: 'NO_PROGRESS' });
    expect(seen).toHaveLength(20); // the first page, and not one repeat
    expect(api.requests).toHaveLength(2);
  });

  it('tells records apart by id, chain, network and wallet (shared ids are not repeats)', async () => {
    const sameId = (from: number) => page(from, 20).map((pass) => ({ ...pass, id: 'same' }));
    const { api, civic } = await client([
      json(200, { records: sameId(0) }),
      json(200, { records: sameId(20).slice(0, 5) }),
    ]);
    const { seen, error } = await drain(civic.passes.listAll());
    expect(error).toBeUndefined();
    expect(seen).toHaveLength(25);
    expect(api.requests).toHaveLength(2);
  });

  it('stops after maxPages of an endless list', async () => {
    const { api, civic } = await client(endlessList());
    const { seen, error } = await drain(civic.passes.listAll({ maxPages: 3 }));
    expect(error).toBeUndefined();
    expect(seen).toHaveLength(60);
    expect(api.requests).toHaveLength(3);
  });

  it('stops after maxItems, fetching no page beyond the one that reaches it', async () => {
    const { api, civic } = await client(endlessList());
    const { seen } = await drain(civic.passes.listAll({ maxItems: 45 }));
    expect(seen).toHaveLength(45);
    expect(seen.at(-1)?.id).toBe('p44');
    expect(api.requests).toHaveLength(3);
  });

  it('refuses a maxPages that is not a positive integer, before any request', async () => {
    const { api, civic } = await client([]);
    expect(() => civic.passes.listAll({ maxPages: 0 })).toThrow(/maxPages/);
    expect(api.requests).toHaveLength(0);
  });
});
