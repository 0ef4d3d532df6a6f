import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createClientWithRuntime } from '../../src/client.js';
import {
  BadRequestError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  TimeoutError,
} from '../../src/errors.js';
import {
  isIdempotent,
  isRetryableStatus,
  parseRetryAfter,
  RETRY_DEFAULTS,
  retryDelayMs,
  shouldRetry,
  sleep,
} from '../../src/retry.js';
import { overUndici } from '../support/dispatcher-log.js';
import {
  clientOptions,
  connectionError,
  EVM_REF,
  fakeApi,
  fakeRuntime,
  hang,
  passBody,
} from '../support/fake-api.js';

/** A client whose API answers `status` every time; returns what happened. */
async function runWithStatus(
  status: number,
  operation: 'get' | 'issue' | 'list' | 'revoke',
  extra: Record<string, unknown> = {},
) {
  const { runtime, sleeps } = fakeRuntime();
  const api = fakeApi({ api: () => Response.json({ message: 'nope' }, { status }) });
  const civic = createClientWithRuntime(clientOptions(api.fetch, extra), runtime);
  const call =
    operation === 'get'
      ? civic.passes.get(EVM_REF)
      : operation === 'issue'
        ? civic.passes.issue(EVM_REF)
        : operation === 'list'
          ? civic.passes.list()
          : civic.passes.revoke(EVM_REF);
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, attempts: api.apiRequests().length, sleeps };
}

// Why some tests are fetch-only: in unit-undici a scripted fetch sits behind a live server,
// which cannot refuse a connection it has accepted (tests/faults/connections.test.ts refuses for
// real, over both), and a 15 ms deadline may end before the request has crossed to it (deadlines
// and aborts over undici: tests/faults, tests/hostile, tests/unit/undici.test.ts).
const REFUSE = 'a live server cannot refuse a connection';
const TIMING = '15 ms deadlines counted at the scripted fetch';

describe('retry policy: which outcomes are retried', () => {
  it.each([408, 429, 500, 502, 503, 504])(
    'retries %i on an idempotent operation, 1 + maxRetries attempts in all',
    async (status) => {
      const { error, attempts, sleeps } = await runWithStatus(status, 'get');
      expect(attempts).toBe(1 + RETRY_DEFAULTS.maxRetries);
      expect(sleeps).toHaveLength(RETRY_DEFAULTS.maxRetries);
      expect((error as { status: number }).status).toBe(status);
    },
  );

  it.each([400, 403, 404, 409, 422])('never retries %i', async (status) => {
    const { attempts, sleeps } = await runWithStatus(status, 'get');
    expect(attempts).toBe(1);
    expect(sleeps).toHaveLength(0);
  });

  it.each(['list', 'revoke'] as const)('retries 503 on %s (idempotent)', async (operation) => {
    const { attempts } = await runWithStatus(503, operation);
    expect(attempts).toBe(3);
  });

  it.each([408, 500, 502, 503, 504])(
    'never retries %i on issue (not idempotent)',
    async (status) => {
      const { error, attempts } = await runWithStatus(status, 'issue');
      expect(attempts).toBe(1);
      expect((error as { status: number }).status).toBe(status);
    },
  );

  it('retries issue on 429, with the same body', async () => {
    const { runtime } = fakeRuntime();
    const api = fakeApi({
      api: (_r, n) =>
        n < 3 ? new Response(null, { status: 429 }) : Response.json(passBody(), { status: 202 }),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), runtime);
    await civic.passes.issue(EVM_REF);
    const sent = api.apiRequests();
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((r) => r.body))).toEqual(
      new Set([JSON.stringify({ walletAddress: EVM_REF.wallet })]),
    );
  });

  it('retries issue when the connection was refused (ECONNREFUSED), not when it was reset', async ({
    skip,
  }) => {
    skip(overUndici, REFUSE);
    const refused = fakeApi({
      api: (_r, n) =>
        n === 1 ? connectionError('ECONNREFUSED') : Response.json(passBody(), { status: 202 }),
    });
    const civicA = createClientWithRuntime(clientOptions(refused.fetch), fakeRuntime().runtime);
    await civicA.passes.issue(EVM_REF);
    expect(refused.apiRequests()).toHaveLength(2);

    const reset = fakeApi({ api: () => connectionError('ECONNRESET') });
    const civicB = createClientWithRuntime(clientOptions(reset.fetch), fakeRuntime().runtime);
    const error = await civicB.passes.issue(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ refused: false, operationId: 'issuePass' });
    expect(reset.apiRequests()).toHaveLength(1);
  });

  it('retries a connection error on get, then reports a ConnectionError', async () => {
    const api = fakeApi({ api: () => connectionError('ECONNRESET') });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('getPass');
    expect(api.apiRequests()).toHaveLength(3);
  });

  it('honours maxRetries from the client and per call', async () => {
    const { attempts } = await runWithStatus(503, 'get', { maxRetries: 4 });
    expect(attempts).toBe(5);
    const zero = await runWithStatus(503, 'get', { maxRetries: 0 });
    expect(zero.attempts).toBe(1);

    const api = fakeApi({ api: () => new Response(null, { status: 503 }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await expect(civic.passes.get(EVM_REF, { maxRetries: 1 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(api.apiRequests()).toHaveLength(2);
  });

  it('succeeds when a retry succeeds', async () => {
    const api = fakeApi({
      api: (_r, n) => (n === 1 ? new Response(null, { status: 502 }) : Response.json(passBody())),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await expect(civic.passes.get(EVM_REF)).resolves.toMatchObject({ id: 'p1' });
    expect(api.apiRequests()).toHaveLength(2);
  });

  it('maps the final answer to its class: RateLimitError after the retries', async () => {
    const { error } = await runWithStatus(429, 'get');
    expect(error).toBeInstanceOf(RateLimitError);
    const bad = await runWithStatus(400, 'issue');
    expect(bad.error).toBeInstanceOf(BadRequestError);
  });
});

describe('retry policy: waits', () => {
  it('backs off exponentially with full jitter, within the bounds', async () => {
    const sleeps: number[] = [];
    const api = fakeApi({ api: () => new Response(null, { status: 503 }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch, { maxRetries: 6 }), {
      random: () => 0.999999,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    await civic.passes.get(EVM_REF).catch(() => undefined);
    expect(sleeps).toEqual([499, 999, 1999, 3999, 7999, 7999]);

    const low: number[] = [];
    const api2 = fakeApi({ api: () => new Response(null, { status: 503 }) });
    const civic2 = createClientWithRuntime(clientOptions(api2.fetch), {
      random: () => 0,
      sleep: async (ms) => {
        low.push(ms);
      },
    });
    await civic2.passes.get(EVM_REF).catch(() => undefined);
    expect(low).toEqual([0, 0]);
  });

  it('waits exactly Retry-After seconds, without jitter', async () => {
    const { runtime, sleeps } = fakeRuntime();
    const api = fakeApi({
      api: (_r, n) =>
        n === 1
          ? new Response(null, { status: 429, headers: { 'retry-after': '7' } })
          : Response.json(passBody()),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), runtime);
    await civic.passes.get(EVM_REF);
    expect(sleeps).toEqual([7000]);
  });

  it('waits until a Retry-After HTTP date, and does not wait past the call’s deadline', async () => {
    const { runtime, sleeps, clock } = fakeRuntime();
    const at = new Date(clock.now + 12_000).toUTCString();
    const api = fakeApi({
      api: (_r, n) =>
        n === 1
          ? new Response(null, { status: 503, headers: { 'retry-after': at } })
          : n === 2
            ? new Response(null, { status: 503, headers: { 'retry-after': '3600' } })
            : Response.json(passBody()),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), runtime);
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(sleeps[0]).toBeGreaterThan(10_000); // the date has second precision
    expect(sleeps[0]).toBeLessThanOrEqual(12_000);
    // Retry-After 3600 s with about 48 s left of timeoutMs: the call ends with that answer.
    expect(sleeps).toHaveLength(1);
    expect(error).toMatchObject({ status: 503 });
    expect(api.apiRequests()).toHaveLength(2);
  });
});

describe('deadlines and the caller’s signal', () => {
  it('gives each attempt a deadline: TimeoutError, retried for get', async ({ skip }) => {
    skip(overUndici, TIMING);
    const api = fakeApi({ api: (request) => hang(request.signal) });
    const civic = createClientWithRuntime(
      clientOptions(api.fetch, { attemptTimeoutMs: 15 }),
      fakeRuntime().runtime,
    );
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', timeoutMs: 15, operationId: 'getPass' });
    expect(api.apiRequests()).toHaveLength(3);
  });

  it('does not retry a timed-out issue (the server may have acted on it)', async ({ skip }) => {
    skip(overUndici, TIMING);
    const api = fakeApi({ api: (request) => hang(request.signal) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const error = await civic.passes.issue(EVM_REF, { timeoutMs: 15 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('covers reading the body with the deadline', async () => {
    const api = fakeApi({
      api: (request) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"id":'));
              request.signal?.addEventListener('abort', () =>
                controller.error(request.signal?.reason),
              );
            },
          }),
          { headers: { 'content-type': 'application/json' } },
        ),
    });
    const civic = createClientWithRuntime(
      clientOptions(api.fetch, { maxRetries: 0 }),
      fakeRuntime().runtime,
    );
    await expect(civic.passes.get(EVM_REF, { timeoutMs: 15 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('rejects with the signal’s reason when the caller aborts during a request', async ({
    skip,
  }) => {
    skip(overUndici, TIMING);
    const api = fakeApi({ api: (request) => hang(request.signal) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const call = civic.passes.get(EVM_REF, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('ends a backoff wait at once when the caller aborts (real timers, Retry-After 30 s)', async () => {
    const api = fakeApi({
      api: () => new Response(null, { status: 503, headers: { 'retry-after': '30' } }),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), {}); // real sleep
    const controller = new AbortController();
    const call = civic.passes.get(EVM_REF, { signal: controller.signal });
    while (api.apiRequests().length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const api = fakeApi();
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const reason = new Error('already');
    await expect(civic.passes.get(EVM_REF, { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    expect(api.seen).toHaveLength(0);
  });
});

describe('retry policy: the pure rules in src/retry.ts', () => {
  it('treats only issuePass (and unknown POST/PATCH) as not idempotent', () => {
    expect(isIdempotent('issuePass', 'POST')).toBe(false);
    for (const id of [
      'listPass',
      'getPass',
      'patchPass',
      'deletePass',
      'getPii',
      'updatePiiReceipt',
      'getPiiEvidence',
    ] as const) {
      expect(isIdempotent(id, 'GET')).toBe(true);
    }
    expect(isIdempotent(undefined, 'POST')).toBe(false);
    expect(isIdempotent(undefined, 'PATCH')).toBe(false);
    expect(isIdempotent(undefined, 'GET')).toBe(true);
  });

  it('decides per outcome', () => {
    expect(shouldRetry(false, { kind: 'connection', refused: true })).toBe(true);
    expect(shouldRetry(false, { kind: 'connection', refused: false })).toBe(false);
    expect(shouldRetry(false, { kind: 'timeout' })).toBe(false);
    expect(shouldRetry(true, { kind: 'timeout' })).toBe(true);
    expect(shouldRetry(true, { kind: 'status', status: 501 })).toBe(true);
    expect(shouldRetry(true, { kind: 'status', status: 499 })).toBe(false);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    // Not delay-seconds and not an HTTP date: unreadable, so the usual backoff applies.
    for (const bad of ['1.5', '5s', '-5', '', '1e3']) {
      expect(parseRetryAfter(bad, now), bad).toBeUndefined();
    }
    expect(parseRetryAfter(' 7 ', now)).toBe(7_000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(retryDelayMs(1, 120_000, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(3, undefined, () => 0.5)).toBe(1_000);
    expect(retryDelayMs(1, 59_000, () => 0.5)).toBe(59_000);
    expect(retryDelayMs(1, undefined, () => 0.999)).toBe(499);
    expect(retryDelayMs(2, undefined, () => 0.999)).toBe(999);
    expect(retryDelayMs(10, undefined, () => 0.5)).toBe(4_000);
  });

  it('retries exactly 408, 429 and 500 to 599', () => {
    const retryable = [408, 429, 500, 503, 599];
    for (const status of retryable) expect(isRetryableStatus(status), String(status)).toBe(true);
    for (const status of [400, 401, 404, 407, 409, 428, 430, 499, 600]) {
      expect(isRetryableStatus(status), String(status)).toBe(false);
    }
    expect(shouldRetry(false, { kind: 'status', status: 429 })).toBe(true);
    expect(shouldRetry(false, { kind: 'status', status: 503 })).toBe(false);
    expect(shouldRetry(true, { kind: 'connection', refused: false })).toBe(true);
  });

  it('sleep runs to its end and then lets go of the signal', async () => {
    const controller = new AbortController();
    await expect(sleep(5, controller.signal)).resolves.toBeUndefined();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await expect(sleep(5)).resolves.toBeUndefined();
  });

  it('sleep rejects with the reason when aborted', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort('stop');
    await expect(waiting).rejects.toBe('stop');
    await expect(sleep(1, AbortSignal.abort('before'))).rejects.toBe('before');
  });
});
