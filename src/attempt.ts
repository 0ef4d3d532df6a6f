/**
 * One HTTP attempt, for API calls and token requests alike: send under the attempt's own
 * deadline and the caller's signal, follow no redirect, and read the body within the attempt,
 * never more than `maxResponseBytes` of it. The sending itself is one small function, a
 * {@link Sender}, so that another HTTP stack can replace `fetch` there.
 */
import type { FetchLike } from './config.js';
import { attemptSignal } from './deadline.js';
import { CivicPassError, InvalidResponseError } from './errors.js';
import { BodyTooLargeError, readWithinAttempt } from './response.js';

/**
 * What a {@link Sender} must respect.
 *
 * @example
 * ```ts
 * const limits: SendLimits = { maxResponseBytes: 4 * 1024 * 1024, signal };
 * ```
 */
export interface SendLimits {
  /** The body's cap after decompression; past it, throw `BodyTooLargeError` and cancel the body. */
  maxResponseBytes: number;
  /** Aborts the attempt (its deadline, or the caller's signal). */
  signal: AbortSignal;
}

/**
 * Sends one request and returns its answer with the body already read (a `BufferedResponse`),
 * without following redirects: a 3xx comes back as it is, body unread.
 *
 * @example
 * ```ts
 * const send: Sender = fetchSender(globalThis.fetch);
 * const response = await send(url, { method: 'GET', headers }, { maxResponseBytes, signal });
 * ```
 */
export type Sender = (url: string, init: RequestInit, limits: SendLimits) => Promise<Response>;

/**
 * The {@link Sender} over a `fetch` function (`redirect: 'manual'`).
 *
 * @example
 * ```ts
 * const send = fetchSender(config.fetch);
 * ```
 */
export function fetchSender(fetchFn: FetchLike): Sender {
  return async (url, init, limits) => {
    init.signal = limits.signal;
    init.redirect = 'manual';
    const response = await fetchFn(url, init);
    if (isRedirect(response)) {
      response.body?.cancel().catch(() => {});
      return response;
    }
    // Stryker disable next-line StringLiteral: only 'HEAD' changes how a body is read; no method reads like GET
    return readWithinAttempt(response, init.method ?? 'GET', limits.maxResponseBytes);
  };
}

/**
 * True for an answer that points elsewhere (3xx, or fetch's opaque redirect).
 *
 * @example
 * ```ts
 * isRedirect(new Response(null, { status: 307, headers: { location: '/x' } })); // true
 * ```
 */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/**
 * How one attempt ended.
 *
 * @example
 * ```ts
 * if (result.kind === 'response') return result.response;
 * ```
 */
export type AttemptResult =
  | { kind: 'response'; response: Response }
  | { kind: 'redirect'; response: Response }
  | { kind: 'timeout' }
  | { kind: 'too-large'; limit: number }
  | { kind: 'connection'; error: unknown };

/**
 * Runs one attempt: `timeoutMs` bounds it (headers and body), the caller's signal ends it with
 * the signal's reason (thrown), and every other failure is returned, for the caller to name.
 *
 * @example
 * ```ts
 * const result = await runAttempt(send, url, init, { timeoutMs: 20_000, maxResponseBytes, signal });
 * ```
 */
export async function runAttempt(
  send: Sender,
  url: string,
  init: RequestInit,
  options: { timeoutMs: number; maxResponseBytes: number; signal: AbortSignal | undefined },
): Promise<AttemptResult> {
  const attempt = attemptSignal(options.timeoutMs, options.signal);
  try {
    const response = await send(url, init, {
      maxResponseBytes: options.maxResponseBytes,
      signal: attempt.signal,
    });
    return isRedirect(response) ? { kind: 'redirect', response } : { kind: 'response', response };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (attempt.timedOut) return { kind: 'timeout' };
    if (error instanceof BodyTooLargeError) return { kind: 'too-large', limit: error.limit };
    if (error instanceof CivicPassError) throw error;
    return { kind: 'connection', error };
  } finally {
    attempt.dispose();
  }
}

/**
 * The error for a redirect: the client follows none, so nothing goes to another origin.
 *
 * @example
 * ```ts
 * throw redirectError('getPass (GET /pass/…)', response, url, 'baseUrl');
 * ```
 */
export function redirectError(
  what: string,
  response: Response,
  requestUrl: string,
  setting: string,
): CivicPassError {
  const location = response.headers.get('location');
  let target = 'no Location';
  if (location !== null) {
    try {
      target = `a redirect to ${new URL(location, requestUrl).origin}`;
    } catch {
      target = 'an unreadable Location';
    }
  }
  const status = response.type === 'opaqueredirect' ? 'a redirect' : String(response.status);
  return new CivicPassError(
    `${what} answered ${status} with ${target}; the client follows no redirect (Civic's API does not redirect): check ${setting}`,
    { code: 'REDIRECT' },
  );
}

/**
 * The error for a body over `maxResponseBytes`: an `InvalidResponseError` with its own code,
 * naming the limit and what to check.
 *
 * @example
 * ```ts
 * throw tooLargeError({ operationId: 'getPass', method: 'GET', path }, 4194304, 'it was not read further');
 * ```
 */
export function tooLargeError(
  target: { operationId: string | undefined; method: string; path: string },
  limit: number,
  advice: string,
): InvalidResponseError {
  return new InvalidResponseError(
    `its body is larger than maxResponseBytes (${limit} bytes); ${advice}`,
    target,
    { code: 'RESPONSE_TOO_LARGE' },
  );
}
