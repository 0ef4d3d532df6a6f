import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { redirectError, runAttempt, tooLargeError } from '../../src/attempt.js';
import { attemptSignal, raceSignal } from '../../src/deadline.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('attemptSignal: the timer and the caller, let go of at dispose', () => {
  it('aborts after its time and says it timed out', () => {
    vi.useFakeTimers();
    const attempt = attemptSignal(1_000, undefined);
    vi.advanceTimersByTime(999);
    expect(attempt.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut).toBe(true);
  });

  it('leaves no live timer after dispose (a 30 s timer would keep a CLI process alive)', () => {
    vi.useFakeTimers();
    const caller = new AbortController();
    const attempt = attemptSignal(30_000, caller.signal);
    expect(vi.getTimerCount()).toBe(1);
    attempt.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    caller.abort('late');
    vi.advanceTimersByTime(60_000);
    expect(attempt.signal.aborted).toBe(false);
    expect(attempt.timedOut).toBe(false);
  });

  it('follows the caller with its reason, without counting it as a timeout', () => {
    const caller = new AbortController();
    const attempt = attemptSignal(30_000, caller.signal);
    caller.abort('stop');
    expect(attempt.signal.reason).toBe('stop');
    expect(attempt.timedOut).toBe(false);
    attempt.dispose();
  });
});

describe('runAttempt', () => {
  const options = { timeoutMs: 30_000, maxResponseBytes: 1_000, signal: undefined };
  it('clears its deadline when the answer came (no timer left behind)', async () => {
    vi.useFakeTimers();
    const result = await runAttempt(async () => new Response('ok'), 'https://x.test/', {}, options);
    expect(result.kind).toBe('response');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears its deadline when the send failed', async () => {
    vi.useFakeTimers();
    const error = new TypeError('fetch failed');
    const result = await runAttempt(
      async () => {
        throw error;
      },
      'https://x.test/',
      {},
      options,
    );
    expect(result).toEqual({ kind: 'connection', error });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('tells a redirect apart from an answer', async () => {
    const result = await runAttempt(
      async () => new Response(null, { status: 302, headers: { location: '/x' } }),
      'https://x.test/',
      {},
      options,
    );
    expect(result.kind).toBe('redirect');
  });
});

describe('raceSignal', () => {
  it('passes the promise through without a signal, and rejects at once on an aborted one', async () => {
    const promise = Promise.resolve(1);
    expect(raceSignal(promise, undefined)).toBe(promise);
    await expect(raceSignal(promise, AbortSignal.abort('gone'))).rejects.toBe('gone');
    const controller = new AbortController();
    await expect(raceSignal(Promise.reject(new Error('no')), controller.signal)).rejects.toThrow(
      'no',
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('the errors of an attempt', () => {
  it('names where a redirect went, or that it went nowhere readable', () => {
    const at = (location?: string, status = 301) =>
      redirectError(
        'getPass',
        new Response(null, { status, headers: location === undefined ? {} : { location } }),
        'https://api.test/pass',
        'baseUrl',
      );
    expect(at('https://evil.test/steal').message).toBe(
      "getPass answered 301 with a redirect to https://evil.test; the client follows no redirect (Civic's API does not redirect): check baseUrl",
    );
    expect(at('/other').message).toContain('a redirect to https://api.test;');
    expect(at(undefined, 307).message).toContain('answered 307 with no Location;');
    expect(at('http://[bad').message).toContain('with an unreadable Location;');
    expect(at().code).toBe('REDIRECT');
  });

  it('names the limit of a body too large', () => {
    const error = tooLargeError(
      { operationId: 'getPass', method: 'GET', path: '/p' },
      42,
      'advice',
    );
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    expect(error.message).toContain('larger than maxResponseBytes (42 bytes); advice');
  });
});
