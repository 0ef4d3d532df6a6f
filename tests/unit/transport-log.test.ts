import { describe, expect, it } from 'vitest';
import { createClientWithRuntime } from '../../src/client.js';
import { ConnectionError, TimeoutError } from '../../src/errors.js';
import {
  BASE_URL,
  clientOptions,
  connectionError,
  EVM_REF,
  fakeApi,
  fakeRuntime,
  passBody,
} from '../support/fake-api.js';

/** A client on `api` whose debug lines (message and fields) are collected. */
function logged(api: ReturnType<typeof fakeApi>, extra: Record<string, unknown> = {}) {
  const lines: string[] = [];
  const logger = {
    debug: (message: string, fields?: unknown) =>
      lines.push(fields === undefined ? message : `${message} ${JSON.stringify(fields)}`),
    info: () => {},
    warn: () => {},
    error: () => {},
  };
  const fake = fakeRuntime();
  const civic = createClientWithRuntime(
    clientOptions(api.fetch, { logger, ...extra }),
    fake.runtime,
  );
  return { civic, lines, ...fake };
}

// The transport's story of one call, line by line: each attempt, each wait and its reason.
describe('transport: what a call does, as its debug log tells it', () => {
  it('a 503, a reset connection, then an answer', async () => {
    const api = fakeApi({
      api: (_r, n) =>
        n === 1
          ? new Response('busy', { status: 503 })
          : n === 2
            ? connectionError('ECONNRESET')
            : Response.json(passBody()),
    });
    const { civic, lines, sleeps } = logged(api);
    await civic.passes.get(EVM_REF);
    const path = '/pass/{chain}/{chainNetwork}/{wallet}';
    expect(lines.filter((line) => !line.startsWith('token'))).toEqual([
      `attempt 1 of 3: getPass (GET ${path}) {"attempt":1,"timeoutMs":20000}`,
      'waiting 250 ms (503) before retry 1 of 2 {"waitMs":250,"retry":1}',
      `attempt 2 of 3: getPass (GET ${path}) {"attempt":2,"timeoutMs":20000}`,
      'waiting 500 ms (connection failed) before retry 2 of 2 {"waitMs":500,"retry":2}',
      `attempt 3 of 3: getPass (GET ${path}) {"attempt":3,"timeoutMs":20000}`,
    ]);
    expect(sleeps).toEqual([250, 500]);
  });

  it('a 401 renews the token once; a Retry-After names itself; one beyond the deadline ends the call', async () => {
    const api = fakeApi({
      api: (_r, n) =>
        n === 1
          ? new Response(null, { status: 401 })
          : n === 2
            ? new Response(null, { status: 503, headers: { 'retry-after': '2' } })
            : new Response(null, { status: 503, headers: { 'retry-after': '600' } }),
    });
    const { civic, lines, sleeps } = logged(api);
    await expect(civic.passes.get(EVM_REF)).rejects.toMatchObject({ status: 503 });
    const calls = lines.filter((line) => !line.startsWith('token') && !line.startsWith('attempt'));
    expect(calls).toEqual([
      '401 from getPass (GET /pass/{chain}/{chainNetwork}/{wallet}): renewing the token and sending again',
      'waiting 2000 ms (503 Retry-After) before retry 1 of 2 {"waitMs":2000,"retry":1}',
      'not waiting 600000 ms (503 Retry-After): only 58000 ms left of timeoutMs',
    ]);
    expect(sleeps).toEqual([2000]);
    expect(api.apiRequests()).toHaveLength(3);
  });

  it('a call with no time left for an attempt ends with the call’s TimeoutError', async () => {
    const api = fakeApi({ api: () => new Response(null, { status: 503 }) });
    const clock = { now: 0 };
    const waits: number[] = [];
    // Every wait takes the clock past the deadline: the next attempt has no time.
    const error = await createClientWithRuntime(
      clientOptions(api.fetch, { timeoutMs: 1_000, maxRetries: 5 }),
      {
        now: () => clock.now,
        random: () => 0.999,
        sleep: async (ms) => {
          waits.push(ms);
          clock.now += 1_000;
        },
      },
    )
      .passes.get(EVM_REF)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(1_000);
    expect((error as Error).message).toContain(
      'did not complete within 1000 ms (timeoutMs, the whole call)',
    );
    expect(waits).toEqual([499]);
  });

  it('a connection error names its cause, and the call reports it after the retries', async () => {
    const api = fakeApi({ api: () => connectionError('ECONNREFUSED') });
    const { civic, sleeps } = logged(api);
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).refused).toBe(true);
    expect((error as Error).message).toContain(
      `could not reach ${new URL(BASE_URL).origin} (baseUrl)`,
    );
    expect(sleeps).toHaveLength(2);
    expect(api.apiRequests()).toHaveLength(3);
  });
});
