/**
 * One attempt's edges: a redirect's body is never read, a HEAD answer's body neither, a browser's
 * opaque redirect counts as a redirect, and a caller's abort wins over the sender's own error.
 */
import { describe, expect, it } from 'vitest';
import { fetchSender, isRedirect, redirectError, runAttempt } from '../../src/attempt.js';
import type { FetchLike } from '../../src/config.js';

/** A body of `size` bytes that records whether it was read or cancelled. */
function trackedBody(size: number) {
  const state = { pulled: false, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulled = true;
        controller.enqueue(new Uint8Array(size));
        controller.close();
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 }, // nothing is pulled until someone reads
  );
  return { stream, state };
}

/** What a browser's fetch gives for a redirect with `redirect: 'manual'`: status 0, no headers. */
function opaqueRedirect(): Response {
  return Object.defineProperties(new Response(null), {
    type: { value: 'opaqueredirect' },
    status: { value: 0 },
  });
}

const limits = () => ({ maxResponseBytes: 10, signal: new AbortController().signal });

describe('fetchSender', () => {
  it('returns a redirect as it is, its body cancelled and not read (however large)', async () => {
    const { stream, state } = trackedBody(1_000);
    let seen: RequestInit | undefined;
    const fetchFn: FetchLike = async (_url, init) => {
      seen = init;
      return new Response(stream, { status: 302, headers: { location: '/elsewhere' } });
    };
    const sendLimits = limits();
    const response = await fetchSender(fetchFn)('https://x.test/', { method: 'GET' }, sendLimits);
    expect(response.status).toBe(302);
    expect(state).toEqual({ pulled: false, cancelled: true });
    expect(seen?.redirect).toBe('manual');
    expect(seen?.signal).toBe(sendLimits.signal);
  });

  it('returns a redirect without a body, and an opaque one, as they are', async () => {
    const bare = new Response(null, { status: 307, headers: { location: '/x' } });
    await expect(
      fetchSender(async () => bare)('https://x.test/', { method: 'GET' }, limits()),
    ).resolves.toBe(bare);
    const opaque = opaqueRedirect();
    await expect(
      fetchSender(async () => opaque)('https://x.test/', { method: 'GET' }, limits()),
    ).resolves.toBe(opaque);
  });

  it('does not read the body of an answer to HEAD', async () => {
    const { stream, state } = trackedBody(1_000);
    const response = await fetchSender(async () => new Response(stream))(
      'https://x.test/',
      { method: 'HEAD' },
      limits(),
    );
    expect(response.status).toBe(200);
    expect(state.pulled).toBe(false);
  });
});

describe('isRedirect', () => {
  it('is true for 300 to 399 and for an opaque redirect, false around them', () => {
    const at = (status: number) => isRedirect(new Response(null, { status }));
    expect([299, 300, 399, 400].map(at)).toEqual([false, true, true, false]);
    expect(isRedirect(opaqueRedirect())).toBe(true);
  });
});

describe('runAttempt and redirectError with an opaque redirect', () => {
  it('counts it as a redirect, and says "a redirect" rather than status 0', async () => {
    const result = await runAttempt(
      async () => opaqueRedirect(),
      'https://x.test/',
      {},
      {
        timeoutMs: 1_000,
        maxResponseBytes: 10,
        signal: undefined,
      },
    );
    expect(result.kind).toBe('redirect');
    const error = redirectError('getPass', opaqueRedirect(), 'https://x.test/', 'baseUrl');
    expect(error.message).toBe(
      "getPass answered a redirect with no Location; the client follows no redirect (Civic's API does not redirect): check baseUrl",
    );
  });
});

describe("runAttempt and the caller's signal", () => {
  it("rejects with the caller's reason even when the sender fails with its own error", async () => {
    const caller = new AbortController();
    const reason = new Error('caller gave up');
    const attempt = runAttempt(
      async () => {
        caller.abort(reason);
        throw new TypeError('fetch failed');
      },
      'https://x.test/',
      {},
      { timeoutMs: 1_000, maxResponseBytes: 10, signal: caller.signal },
    );
    await expect(attempt).rejects.toBe(reason);
  });
});
