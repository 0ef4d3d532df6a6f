/**
 * The transport: the `fetch` openapi-fetch hands its requests to. It adds the bearer token (only
 * for the API's origin) and the default headers, gives the call one deadline (`timeoutMs`: token,
 * attempts, waits) and each attempt its own (`attemptTimeoutMs`), honours the caller's
 * `AbortSignal`, renews the token once on a 401, and retries as `retry.ts` says. Each attempt is
 * `attempt.ts`: no redirect followed, the body read within the attempt and capped. The body of a
 * request is held in memory once (`request.ts`), so a re-send never re-reads or clones it.
 */
import {
  type AttemptResult,
  redirectError,
  runAttempt,
  type Sender,
  tooLargeError,
} from './attempt.js';
import type { TokenProvider } from './auth.js';
import { Deadline } from './deadline.js';
import {
  CivicPassError,
  ConnectionError,
  describeOperation,
  isConnectionRefused,
  TimeoutError,
} from './errors.js';
import type { Log } from './log.js';
import { matchOperation, type OperationInfo } from './operations.js';
import { type PlainRequest, toSendable } from './request.js';
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
  attemptTimeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  maxResponseBytes?: number | undefined;
}

/**
 * What a transport needs.
 *
 * @example
 * ```ts
 * createTransport({ baseUrl, apiOrigin, send, tokens, maxRetries: 2, timeoutMs: 60_000, ... });
 * ```
 */
export interface TransportConfig {
  baseUrl: string;
  apiOrigin: string;
  send: Sender;
  tokens: TokenProvider;
  maxRetries: number;
  timeoutMs: number;
  attemptTimeoutMs: number;
  maxResponseBytes: number;
  /** The cap for evidence files (`getPiiEvidence`), larger than for JSON answers. */
  maxEvidenceBytes: number;
  /** Headers every request carries unless the call sets them (User-Agent, the `headers` option). */
  defaultHeaders: readonly (readonly [string, string])[];
  log: Log;
  runtime: Runtime;
}

type Target = { operationId: string | undefined; method: string; path: string };

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
  const { apiOrigin, tokens, runtime, log, defaultHeaders } = config;

  /** True when `url` is on the API's origin: the origin itself followed by `/`. */
  function isOnApiOrigin(url: string): boolean {
    return url.startsWith(apiOrigin) && url[apiOrigin.length] === '/';
  }

  /** The operation a request URL is, or `undefined` when the spec does not describe the path. */
  function identify(method: string, url: string): OperationInfo | undefined {
    if (!url.startsWith(config.baseUrl)) return undefined;
    // The path ends where the query or the fragment begins, whichever comes first.
    const end = url.search(/[?#]/);
    const path = url.slice(config.baseUrl.length, end === -1 ? url.length : end);
    return matchOperation(method, path);
  }

  /**
   * Sends one request under the call's deadline and the retry policy. Rejects with the caller's
   * abort reason, a `TimeoutError`, a `ConnectionError`, a `TokenError` or a `CivicPassError`;
   * every HTTP answer, including errors, resolves (openapi-fetch and the resources turn them
   * into data or errors).
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
    const target: Target = {
      operationId: operation?.operationId,
      method,
      path: operation?.path ?? pathOf(url),
    };
    const idempotent = isIdempotent(operation?.operationId, method);
    const maxRetries = options.maxRetries ?? config.maxRetries;
    const deadline = new Deadline(options.timeoutMs ?? config.timeoutMs, runtime.now);
    const attemptTimeoutMs = options.attemptTimeoutMs ?? config.attemptTimeoutMs;
    const maxResponseBytes =
      options.maxResponseBytes ??
      (operation?.operationId === 'getPiiEvidence'
        ? config.maxEvidenceBytes
        : config.maxResponseBytes);
    // The caller's signal comes in `options`: reading `request.signal` would make Node build one.
    const signal = options.signal;

    // The body is in memory from here on (never a stream), so no `duplex` is needed and every
    // attempt sends the same bytes.
    const { headers, body } = await toSendable(request);
    for (const [name, value] of defaultHeaders) if (!headers.has(name)) headers.set(name, value);
    const init: RequestInit = { method, headers, body };

    let retries = 0;
    let renewedAfter401 = false;
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const token = await tokens.getToken(signal, deadline);
      headers.set('authorization', `Bearer ${token}`);
      const timeoutMs = deadline.attemptMs(attemptTimeoutMs);
      if (timeoutMs <= 0) throw callTimeout(target, deadline);
      log.debug(`attempt ${retries + 1} of ${maxRetries + 1}: ${describe(target)}`, {
        attempt: retries + 1,
        timeoutMs,
      });
      const result = await runAttempt(config.send, url, init, {
        timeoutMs,
        maxResponseBytes,
        signal,
      });
      let outcome: AttemptOutcome;
      let failure: unknown;
      let retryAfterMs: number | undefined;
      let reason: string;
      if (result.kind === 'response') {
        const response = result.response;
        if (response.status === 401 && !renewedAfter401) {
          // The API refused this token: forget it, get a new one, send the same request again.
          renewedAfter401 = true;
          tokens.invalidate(token);
          log.debug(`401 from ${describe(target)}: renewing the token and sending again`);
          continue;
        }
        outcome = { kind: 'status', status: response.status };
        if (retries >= maxRetries || !shouldRetry(idempotent, outcome)) return response;
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), runtime.now());
        // No Retry-After (0 here) never outlives the call: what is left is never negative.
        if ((retryAfterMs ?? 0) > deadline.remaining()) {
          // Waiting would outlive the call: end it now (a 429 becomes a RateLimitError
          // carrying retryAfterMs) rather than sleep past the caller's deadline.
          log.debug(
            `not waiting ${retryAfterMs} ms (${response.status} Retry-After): only ${deadline.remaining()} ms left of timeoutMs`,
          );
          return response;
        }
        failure = response;
        reason = `${response.status}${retryAfterMs === undefined ? '' : ' Retry-After'}`;
      } else {
        failure = attemptError(result, target, url, timeoutMs, attemptTimeoutMs, deadline);
        if (result.kind === 'timeout') outcome = { kind: 'timeout' };
        else if (result.kind === 'connection') {
          outcome = { kind: 'connection', refused: isConnectionRefused(result.error) };
        } else throw failure;
        reason = result.kind === 'timeout' ? 'attempt timed out' : 'connection failed';
      }

      if (retries >= maxRetries || !shouldRetry(idempotent, outcome)) throw failure;
      const delay = retryDelayMs(retries + 1, retryAfterMs, runtime.random);
      if (delay >= deadline.remaining()) {
        if (failure instanceof Response) return failure;
        throw failure;
      }
      retries += 1;
      log.debug(`waiting ${delay} ms (${reason}) before retry ${retries} of ${maxRetries}`, {
        waitMs: delay,
        retry: retries,
      });
      await runtime.sleep(delay, signal);
    }
  }

  /** The error of an attempt that got no usable answer. */
  function attemptError(
    result: Exclude<AttemptResult, { kind: 'response' }>,
    target: Target,
    url: string,
    timeoutMs: number,
    attemptTimeoutMs: number,
    deadline: Deadline,
  ): CivicPassError {
    const what = describe(target);
    switch (result.kind) {
      case 'timeout':
        // An attempt cut short by what was left of the call is the call's timeout.
        return deadline.remaining() <= 0 || timeoutMs < attemptTimeoutMs
          ? callTimeout(target, deadline)
          : new TimeoutError(
              `${what} got no answer within ${timeoutMs} ms (attemptTimeoutMs)`,
              target,
              timeoutMs,
            );
      case 'redirect':
        return redirectError(what, result.response, url, 'baseUrl');
      case 'too-large':
        return tooLargeError(target, result.limit, 'it was not read further');
      case 'connection': {
        const error = result.error;
        const reason =
          error instanceof Error ? `${error.message}${causeMessage(error)}` : String(error);
        return new ConnectionError(
          `${what} could not reach ${apiOrigin} (baseUrl): ${reason}`,
          target,
          { cause: error },
        );
      }
    }
  }

  return { send };
}

/** The call's whole deadline passed. */
function callTimeout(target: Target, deadline: Deadline): TimeoutError {
  return new TimeoutError(
    `${describe(target)} did not complete within ${deadline.timeoutMs} ms (timeoutMs, the whole call)`,
    target,
    deadline.timeoutMs,
  );
}

function describe(target: Target): string {
  return describeOperation(target.operationId, target.method, target.path);
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

/** The path of a URL on the API's origin (every such URL parses: see `PlainRequest`). */
function pathOf(url: string): string {
  return new URL(url).pathname;
}
