/** Success statuses whose bodies the client cannot use. */
import { afterEach, describe, expect, it } from 'vitest';
import { CivicPassError, InvalidResponseError } from '../../src/errors.js';
import { startTokenServer, type TokenServer } from '../../src/testing/index.js';
import { EXAMPLE_REF } from '../support/examples.js';
import { faultClient } from '../support/fault-client.js';
import { json, raw, type ScriptedServer, scriptedServer } from '../support/scripted-server.js';

let api: ScriptedServer | undefined;
let tokens: TokenServer | undefined;
afterEach(async () => {
  await api?.close();
  await tokens?.close();
});

async function setup(script: Parameters<typeof scriptedServer>[0]) {
  api = await scriptedServer(script);
  tokens = await startTokenServer();
  return faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
}

describe('malformed answers', () => {
  it('a 200 with truncated JSON is an InvalidResponseError, not a SyntaxError, and not retried', async () => {
    const { civic } = await setup([raw(200, 'application/json', '{"id": "6748a1c0", "chain": {')]);
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(CivicPassError);
    expect(error).toMatchObject({ status: 200 });
    expect((error as Error).message).toMatch(/getPass/);
    expect(api?.requests).toHaveLength(1);
  });

  it('a 200 with an HTML error page is an InvalidResponseError', async () => {
    const { civic } = await setup([raw(200, 'text/html', '<html><body>Bad gateway</body></html>')]);
    await expect(civic.pii.get('9a7a77af')).rejects.toBeInstanceOf(InvalidResponseError);
    expect(api?.requests).toHaveLength(1);
  });

  it('a page without a records array is an InvalidResponseError', async () => {
    const { civic } = await setup([json(200, { items: [] })]);
    await expect(civic.passes.list()).rejects.toBeInstanceOf(InvalidResponseError);
    expect(api?.requests).toHaveLength(1);
  });
});
