/**
 * The transport: the `fetch` openapi-fetch hands its requests to. It adds the bearer token (only
 * for the API's origin), gives each attempt a deadline, honours the caller's `AbortSignal`,
 * renews the token once on a 401, and retries as `retry.ts` says. The body of a request is held
 * in memory once (`request.ts`), so a re-send never re-reads or clones it, and each answer's body
 * is read within its attempt (`response.ts`).
 */
import type { TokenProvider } from './auth.js';
import { isTransientTokenFailure } from './auth.js';
import type { FetchLike } from './config.js';
import {
  CivicPassError,
  ConnectionError,
  describeOperation,
  isConnectionRefused,
  TimeoutError,
} from './errors.js';
import { matchOperation, type OperationInfo } from './operations.js';
import { type PlainRequest, toSendable } from './request.js';
import { readWithinAttempt } from './response.js';
import {
  type AttemptOutcome,
  isIdempotent,
  parseRetryAfter,
  retryDelayMs,
  shouldRetry,
} from './retry.js';

/**
 * The clock, randomness and waiting of a client; injectable so tests never wait.
 *
 * @example
 * ```ts
 * const runtime: Runtime = { now: Date.now, random: Math.random, sleep };
 * ```
 */
export interface Runtime {
  /** Milliseconds since the epoch. */
  now: () => number;
  /** A number in [0, 1), for backoff jitter. */
  random: () => number;
  /** Waits `ms`, rejecting with the signal's reason when it aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Per-call settings that reach the transport.
 *
 * @example
 * ```ts
 * await transport.send(request, { signal, timeoutMs: 5_000, maxRetries: 0 });
 * ```
 */
export interface TransportCallOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
}

/**
 * What a transport needs.
 *
 * @example
 * ```ts
 * createTransport({ baseUrl, apiOrigin, fetch, tokens, maxRetries: 2, timeoutMs: 30_000, runtime });
 * ```
 */
export interface TransportConfig {
  baseUrl: string;
  apiOrigin: string;
  fetch: FetchLike;
  tokens: TokenProvider;
  maxRetries: number;
  timeoutMs: number;
  runtime: Runtime;
}

/**
 * Creates the transport of one client.
 *
 * @example
 * ```ts
 * const transport = createTransport(config);
 * const api = createClient<paths>({ baseUrl, fetch: (request) => transport.send(request) });
 * ```
 */
export function createTransport(config: TransportConfig) {
  const { apiOrigin, tokens, runtime } = config;
  const fetchFn = config.fetch;
  const basePath = config.baseUrl.slice(apiOrigin.length);

  /** True when `url` is on the API's origin: the origin itself followed by `/`. */
  function isOnApiOrigin(url: string): boolean {
    return url.startsWith(apiOrigin) && url[apiOrigin.length] === '/';
  }

  /** The operation a request URL is, or `undefined` when the spec does not describe the path. */
  function identify(method: string, url: string): OperationInfo | undefined {
    if (!url.startsWith(config.baseUrl)) return undefined;
    let end = url.length;
    const query = url.indexOf('?');
    if (query !== -1) end = query;
    const hash = url.indexOf('#');
    if (hash !== -1 && hash < end) end = hash;
    const path = url.slice(apiOrigin.length + basePath.length, end);
    return matchOperation(method, path);
  }

  /**
   * Sends one request under the retry policy. Rejects with the caller's abort reason, a
   * `TimeoutError`, a `ConnectionError`, a `TokenError` or a `CivicPassError`; every HTTP answer,
   * including errors, resolves (openapi-fetch and the resources turn them into data or errors).
   */
  async function send(
    request: Request | PlainRequest,
    options: TransportCallOptions = {},
  ): Promise<Response> {
    const url = request.url;
    // The bearer token goes to the API's origin only, whatever URL a caller builds.
    if (!isOnApiOrigin(url)) {
      throw new CivicPassError(
        `refusing to send the API token to ${safeOrigin(url)}: the client only talks to ${apiOrigin}`,
        { code: 'FOREIGN_ORIGIN' },
      );
    }
    const method = request.method;
    const operation = identify(method, url);
    const target = {
      operationId: operation?.operationId,
      method,
      path: operation?.path ?? pathOf(url),
    };
    const idempotent = isIdempotent(operation?.operationId, method);
    const maxRetries = options.maxRetries ?? config.maxRetries;
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    // The caller's signal comes in `options`: reading `request.signal` would make Node build one.
    const signal = options.signal;

    // The body is in memory from here on (never a stream), so no `duplex` is needed and every
    // attempt sends the same bytes.
    const { headers, body, redirect } = await toSendable(request);
    const init: RequestInit = { method, headers, body, redirect };

    let retries = 0;
    let renewedAfter401 = false;
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      let outcome: AttemptOutcome;
      let failure: unknown;
      let retryAfterMs: number | undefined;

      let token: string | undefined;
      try {
        token = await tokens.getToken(signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (!isTransientTokenFailure(error)) throw error;
        failure = error;
        outcome = { kind: 'token-unavailable' };
      }

      if (token !== undefined) {
        headers.set('authorization', `Bearer ${token}`);
        const attempt = await attemptOnce(url, init, signal, timeoutMs, method, target);
        if (attempt.response) {
          const response = attempt.response;
          if (response.status === 401 && !renewedAfter401) {
            // The API refused this token: forget it, get a new one, send the same request again.
            renewedAfter401 = true;
            tokens.invalidate(token);
            continue;
          }
          outcome = { kind: 'status', status: response.status };
          if (retries >= maxRetries || !shouldRetry(idempotent, outcome)) return response;
          retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), runtime.now());
          failure = response;
        } else {
          failure = attempt.error;
          outcome =
            attempt.error instanceof TimeoutError
              ? { kind: 'timeout' }
              : { kind: 'connection', refused: (attempt.error as ConnectionError).refused };
        }
      } else {
        outcome = { kind: 'token-unavailable' };
      }

      if (retries >= maxRetries || !shouldRetry(idempotent, outcome)) {
        throw failure;
      }
      retries += 1;
      await runtime.sleep(retryDelayMs(retries, retryAfterMs, runtime.random), signal);
    }
  }

  /** One attempt under its own deadline; the caller's abort rejects with the caller's reason. */
  async function attemptOnce(
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
    timeoutMs: number,
    method: string,
    target: { operationId: string | undefined; method: string; path: string },
  ): Promise<
    { response: Response; error?: undefined } | { response?: undefined; error: CivicPassError }
  > {
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      init.signal = controller.signal;
      const response = await fetchFn(url, init);
      return { response: await readWithinAttempt(response, method) };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const what = describeOperation(target.operationId, target.method, target.path);
      if (timedOut) {
        return {
          error: new TimeoutError(
            `${what} got no answer within ${timeoutMs} ms`,
            target,
            timeoutMs,
          ),
        };
      }
      if (error instanceof CivicPassError) throw error;
      const reason =
        error instanceof Error ? `${error.message}${causeMessage(error)}` : String(error);
      return {
        error: new ConnectionError(`${what} could not reach ${apiOrigin}: ${reason}`, target, {
          cause: error,
        }),
      };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return { send };
}

/**
 * The type of a transport.
 *
 * @example
 * ```ts
 * const send: Transport['send'] = transport.send;
 * ```
 */
export type Transport = ReturnType<typeof createTransport>;

function causeMessage(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message) return ` (${cause.message})`;
  return isConnectionRefused(cause) ? ' (connection refused)' : '';
}

/** The origin of a URL, for a message (never its path or query, which could hold anything). */
function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'another origin';
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
