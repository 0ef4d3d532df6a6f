/** `listAll` over a real socket when a page fails in the middle of the walk. */
import { afterEach, describe, expect, it } from 'vitest';
import { InternalServerError } from '../../src/errors.js';
import { startTokenServer, type TokenServer } from '../../src/testing/index.js';
import { passNumber } from '../support/examples.js';
import { faultClient } from '../support/fault-client.js';
import { json, type ScriptedServer, scriptedServer } from '../support/scripted-server.js';

let api: ScriptedServer | undefined;
let tokens: TokenServer | undefined;
afterEach(async () => {
  await api?.close();
  await tokens?.close();
});

const page = (...numbers: number[]) => json(200, { records: numbers.map(passNumber) });
const skips = () => api?.requests.map((r) => JSON.parse(r.body).skip);

async function walk(script: Parameters<typeof scriptedServer>[0]) {
  api = await scriptedServer(script);
  tokens = await startTokenServer();
  const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
  const seen: string[] = [];
  try {
    for await (const pass of civic.passes.listAll({ pageSize: 2 })) seen.push(pass.walletAddress);
    return { seen, error: undefined };
  } catch (error) {
    return { seen, error };
  }
}

describe('a page failing in the middle of listAll', () => {
  it('is retried with the same skip, and no record is skipped or repeated', async () => {
    const { seen, error } = await walk([
      page(1, 2),
      json(503, { message: 'unavailable' }),
      page(3, 4),
      page(5),
    ]);
    expect(error).toBeUndefined();
    expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => passNumber(n).walletAddress));
    expect(skips()).toEqual([0, 2, 2, 4]);
  });

  it('ends the walk with the error when the page keeps failing, after what came before', async () => {
    const { seen, error } = await walk([page(1, 2), ...Array(3).fill(json(500, { message: 'x' }))]);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(seen).toEqual([1, 2].map((n) => passNumber(n).walletAddress));
    expect(skips()).toEqual([0, 2, 2, 2]);
  });

  it('asks for one more page after a full last page, which comes back empty', async () => {
    const { seen, error } = await walk([page(1, 2), page(3, 4), page()]);
    expect(error).toBeUndefined();
    expect(seen).toHaveLength(4);
    expect(skips()).toEqual([0, 2, 4]);
  });
});
