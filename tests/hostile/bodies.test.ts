/**
 * Bodies that would eat the process: endless, lying about their length, gzip bombs; on the API
 * and on the token endpoint. Each is refused at `maxResponseBytes` with RESPONSE_TOO_LARGE, not
 * retried, and the body is cancelled (the server sees the connection go).
 */
import { describe, expect, it } from 'vitest';
import { InvalidResponseError } from '../../src/errors.js';
import { startTokenServer } from '../../src/testing/index.js';
import { EXAMPLE_REF } from '../support/examples.js';

const SCOPE_REQUEST_ID = '9a7a77af-a58e-4e54-83c9-5daa96ccbf11';

import { faultClient } from '../support/fault-client.js';
import { json, raw, tokenAnswer } from '../support/scripted-server.js';
import { bomb, closeAfter, endless, endlessBomb, gzipBomb, server } from './servers.js';

const KIB = 1024;

describe('the body cap (maxResponseBytes)', () => {
  it('refuses an endless API body at the cap, once, without retrying', async () => {
    const sent = { bytes: 0 };
    const api = await server([endless('application/json', sent)]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: tokens.url,
      maxResponseBytes: 256 * KIB,
    });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', operationId: 'getPass' });
    expect((error as Error).message).toContain('maxResponseBytes (262144 bytes)');
    expect(api.requests).toHaveLength(1);
    expect(tokens.requestCount).toBe(1);
  });

  it('refuses a gzip bomb counted after decompression (16 KiB on the wire, 16 MiB inflated)', async () => {
    const compressed = gzipBomb();
    expect(compressed.length).toBeLessThan(64 * KIB);
    const api = await server([bomb(compressed)]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    expect((error as Error).message).toContain('(4194304 bytes)'); // the default, 4 MiB
    expect(api.requests).toHaveLength(1);
  });

  it('stops reading an endless gzip stream at the cap: it never inflates what it will refuse', async () => {
    const sent = { bytes: 0 };
    const api = await server([endlessBomb(sent)]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    expect(api.requests).toHaveLength(1);
    // Each compressed byte inflates to about 1 KiB: 32 MiB on the wire would be 32 GiB of body.
    // A client that inflated everything first would never get here (the stream has no end).
    expect(sent.bytes).toBeLessThan(32 * 1024 * KIB);
  });

  it('refuses a declared Content-Length above the cap before reading it', async () => {
    const api = await server([
      (_request, response) => {
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-length': 10_000_000,
        });
        response.write('{');
      },
    ]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: tokens.url,
      maxResponseBytes: 1000,
    });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    expect(api.requests).toHaveLength(1);
  });

  it('takes a per-call maxResponseBytes', async () => {
    const api = await server([json(200, { records: [] }), json(200, { records: [] })]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    await expect(civic.passes.list({}, { maxResponseBytes: 5 })).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
    });
    await expect(civic.passes.list({}, { maxResponseBytes: 100 })).resolves.toEqual({
      records: [],
    });
    expect(api.requests).toHaveLength(2);
  });

  it('gives evidence files their own larger cap (32 MiB), JSON answers keep 4 MiB', async () => {
    const image = 'x'.repeat(5 * 1024 * KIB);
    const api = await server([raw(200, 'image/png', image), raw(200, 'application/json', image)]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    const blob = await civic.pii.evidence(SCOPE_REQUEST_ID, 'idDocumentFront');
    expect(blob.size).toBe(image.length);
    await expect(civic.pii.get(SCOPE_REQUEST_ID)).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
    });
    expect(api.requests).toHaveLength(2);
  });

  it('refuses an endless token endpoint body; nothing goes to the API', async () => {
    const tokenHost = await server([endless()]);
    const api = await server([json(200, {})]);
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: `${tokenHost.url}/oauth/token`,
      maxResponseBytes: 128 * KIB,
    });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    expect((error as Error).message).toContain('tokenUrl');
    expect(tokenHost.requests).toHaveLength(1);
    expect(api.requests).toHaveLength(0);
  });

  it('still reads a normal token and answer under a small cap', async () => {
    const tokenHost = await server([(_request, response) => tokenAnswer(response)]);
    const api = await server([json(200, { records: [] })]);
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: `${tokenHost.url}/oauth/token`,
      maxResponseBytes: 200,
    });
    await expect(civic.passes.list()).resolves.toEqual({ records: [] });
    expect([tokenHost.requests.length, api.requests.length]).toEqual([1, 1]);
  });
});
