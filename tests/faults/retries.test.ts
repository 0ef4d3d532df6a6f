/**
 * Rate limits and server errors over a real socket: what the client retries, how long it waits,
 * and exactly how many requests it makes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InternalServerError, RateLimitError } from '../../src/errors.js';
import { startTokenServer, type TokenServer } from '../../src/testing/index.js';
import { EXAMPLE_REF, PASS_EXAMPLE } from '../support/examples.js';
import { faultClient } from '../support/fault-client.js';
import { json, type ScriptedServer, scriptedServer } from '../support/scripted-server.js';

let api: ScriptedServer | undefined;
let tokens: TokenServer | undefined;
afterEach(async () => {
  await api?.close();
  await tokens?.close();
  api = undefined;
  tokens = undefined;
});

/** A fixed clock (a whole second), so an HTTP-date Retry-After gives an exact delay. */
const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

async function setup(
  script: Parameters<typeof scriptedServer>[0],
  options: { maxRetries?: number; timeoutMs?: number } | number = {},
) {
  api = await scriptedServer(script);
  tokens = await startTokenServer();
  const extra = typeof options === 'number' ? { maxRetries: options } : options;
  return faultClient({ baseUrl: api.url, tokenUrl: tokens.url, ...extra }, () => NOW);
}

const limited = (retryAfter: string) =>
  json(429, { message: 'Too Many Requests' }, { 'retry-after': retryAfter });

describe('429 with Retry-After', () => {
  it('waits exactly the seconds the server asks, then succeeds', async () => {
    const { civic, sleeps } = await setup([limited('3'), json(200, PASS_EXAMPLE)]);
    await expect(civic.passes.get(EXAMPLE_REF)).resolves.toEqual(PASS_EXAMPLE);
    expect(api?.requests).toHaveLength(2);
    expect(sleeps).toEqual([3000]);
    expect(tokens?.requestCount).toBe(1);
  });

  it('honours an HTTP-date Retry-After', async () => {
    const date = new Date(NOW + 7_000).toUTCString();
    const { civic, sleeps } = await setup([limited(date), json(200, PASS_EXAMPLE)]);
    await civic.passes.get(EXAMPLE_REF);
    expect(sleeps).toEqual([7_000]);
    expect(api?.requests).toHaveLength(2);
  });

  it('ends the call at once when Retry-After outlasts its deadline (RateLimitError.retryAfterMs)', async () => {
    const { civic, sleeps } = await setup([limited('86400'), json(200, PASS_EXAMPLE)]);
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 86_400_000 });
    expect(sleeps).toEqual([]);
    expect(api?.requests).toHaveLength(1);
  });

  it('caps a Retry-After longer than 60 s at 60 s when the deadline allows it', async () => {
    const { civic, sleeps } = await setup([limited('90'), json(200, PASS_EXAMPLE)], {
      timeoutMs: 120_000,
    });
    await civic.passes.get(EXAMPLE_REF);
    expect(sleeps).toEqual([60_000]);
    expect(api?.requests).toHaveLength(2);
  });

  it('retries issuePass on 429 (the server did not act), with the same body', async () => {
    const { civic } = await setup([limited('1'), json(202, PASS_EXAMPLE)]);
    await civic.passes.issue(EXAMPLE_REF);
    expect(api?.requests.map((r) => [r.method, r.body])).toEqual([
      ['POST', JSON.stringify({ walletAddress: EXAMPLE_REF.wallet })],
      ['POST', JSON.stringify({ walletAddress: EXAMPLE_REF.wallet })],
    ]);
  });

  it('gives up after maxRetries with a RateLimitError carrying the status', async () => {
    const { civic, sleeps } = await setup([limited('1'), limited('1'), limited('1')]);
    const error = await civic.passes.list({ limit: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, operationId: 'listPass' });
    expect(api?.requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 1000]);
  });
});

describe('5xx streaks', () => {
  it('retries a read through 500 and 502, and returns the third answer', async () => {
    const { civic, sleeps } = await setup([
      json(500, { message: 'boom' }),
      json(502, { message: 'bad gateway' }),
      json(200, PASS_EXAMPLE),
    ]);
    await expect(civic.passes.get(EXAMPLE_REF)).resolves.toEqual(PASS_EXAMPLE);
    expect(api?.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('stops after 1 + maxRetries attempts of a streak longer than that', async () => {
    const { civic } = await setup(() => json(503, { message: 'unavailable' }), 3);
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, operationId: 'getPass' });
    expect(api?.requests).toHaveLength(4);
  });

  it('never repeats issuePass after a 5xx: the server may have issued it', async () => {
    const { civic, sleeps } = await setup([
      json(500, { message: 'boom' }),
      json(202, PASS_EXAMPLE),
    ]);
    await expect(civic.passes.issue(EXAMPLE_REF)).rejects.toBeInstanceOf(InternalServerError);
    expect(api?.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not retry a 4xx other than 408 and 429', async () => {
    const { civic } = await setup([json(403, { message: 'Insufficient scope' })]);
    await expect(civic.passes.get(EXAMPLE_REF)).rejects.toMatchObject({ status: 403 });
    expect(api?.requests).toHaveLength(1);
  });
});
