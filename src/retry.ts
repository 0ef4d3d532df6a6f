/**
 * The retry policy, in one place. README "Retries and idempotency" repeats these words.
 *
 * A call is attempted at most 1 + `maxRetries` times (`maxRetries` is 2 unless set), all within
 * one deadline, `timeoutMs` (60 s unless set), which bounds the whole call: the token request,
 * every attempt, and every wait between attempts. Each attempt has its own deadline,
 * `attemptTimeoutMs` (20 s unless set, never beyond what is left of the call), so a stalled
 * attempt leaves time to retry. An attempt is retried after a connection error, after its
 * deadline passed, or after an answer 408, 429 or 5xx; never after another status, a redirect,
 * a body that is not valid or too large, or a bad argument. Every operation but `issuePass` may
 * safely be repeated and follows that rule. `issuePass` (`passes.issue`) is not idempotent: a
 * repeat could act twice, so it is retried only where the server cannot have acted on it: an
 * answer 429, or a connection that was refused. (A request to a path the spec does not
 * describe, through `raw`, is treated like `issuePass` when its method is POST or PATCH.) The
 * token request follows the rule of an idempotent operation, once for all the calls waiting on
 * it; when it still fails, every call waiting on it fails with that error, and so does every
 * call made within the next second, without a new token request.
 * The wait before retry n (1, 2, ...) is a random time between 0 and min(8 s, 0.5 s × 2^(n−1))
 * ("full jitter"). When the answer carries `Retry-After` (seconds or an HTTP date), the wait is
 * exactly that, without jitter, capped at 60 s. A wait that would end after the call's deadline
 * is not started: the call ends at once with the last answer or error (a 429 whose `Retry-After`
 * is longer than what is left becomes a `RateLimitError` carrying `retryAfterMs`). The caller's
 * `AbortSignal` ends the wait at once.
 * A 401 answer is not a retry: the client renews its token once and re-sends the same request,
 * body included; a second 401 is an `AuthenticationError`.
 */
import type { OperationId } from '../generated/api.js';
import { onAbort } from './deadline.js';

/**
 * The policy's numbers, conservative on purpose.
 *
 * @example
 * ```ts
 * createCivicPassClient({ maxRetries: RETRY_DEFAULTS.maxRetries + 1 });
 * ```
 */
export const RETRY_DEFAULTS = {
  /** Retries after the first attempt. */
  maxRetries: 2,
  /** The first backoff's upper bound; doubles with each retry. */
  baseDelayMs: 500,
  /** No backoff is longer than this. */
  maxDelayMs: 8_000,
  /** A server's `Retry-After` is honoured up to this long. */
  retryAfterCapMs: 60_000,
} as const;

/** Operations that must not be repeated once the server may have acted on them. */
const NON_IDEMPOTENT_OPERATIONS: ReadonlySet<OperationId> = new Set<OperationId>(['issuePass']);

/** Methods that, on a path the spec does not describe, are treated as not idempotent. */
const NON_IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['POST', 'PATCH']);

/**
 * Statuses after which an idempotent request is retried.
 *
 * @example
 * ```ts
 * isRetryableStatus(503); // true
 * ```
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Whether an operation may be repeated after the server may have acted on it.
 *
 * @example
 * ```ts
 * isIdempotent('issuePass', 'POST'); // false
 * ```
 */
export function isIdempotent(operationId: OperationId | undefined, method: string): boolean {
  if (operationId !== undefined) return !NON_IDEMPOTENT_OPERATIONS.has(operationId);
  return !NON_IDEMPOTENT_METHODS.has(method);
}

/**
 * How one attempt ended, as far as the policy cares.
 *
 * @example
 * ```ts
 * const outcome: AttemptOutcome = { kind: 'status', status: 429 };
 * ```
 */
export type AttemptOutcome =
  /** The server answered with this status. */
  | { kind: 'status'; status: number }
  /** No answer: `refused` when the connection was refused (the server never saw the request). */
  | { kind: 'connection'; refused: boolean }
  /** The attempt's deadline passed. */
  | { kind: 'timeout' };

/**
 * The policy: may this outcome be retried for this operation? (The attempt budget is checked apart.)
 *
 * @example
 * ```ts
 * shouldRetry(false, { kind: 'connection', refused: true }); // true: the server never saw it
 * ```
 */
export function shouldRetry(idempotent: boolean, outcome: AttemptOutcome): boolean {
  switch (outcome.kind) {
    case 'connection':
      return idempotent || outcome.refused;
    case 'timeout':
      return idempotent;
    case 'status':
      return idempotent ? isRetryableStatus(outcome.status) : outcome.status === 429;
  }
}

/**
 * Reads `Retry-After`: delay-seconds or an HTTP date (RFC 9110 section 10.2.3), in milliseconds,
 * or `undefined` when absent or unreadable.
 *
 * @example
 * ```ts
 * parseRetryAfter('7', Date.now()); // 7000
 * ```
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form names its month in letters; without this, V8's lenient Date.parse reads
  // "1.5" or "-5" as dates in 2001, which would mean "retry at once, without backoff".
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * The wait before retry number `retry` (1 for the first retry): the server's `Retry-After` when
 * given (capped, no jitter), else full jitter over the exponential bound.
 *
 * @example
 * ```ts
 * retryDelayMs(2, undefined, Math.random); // between 0 and 1000
 * ```
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, RETRY_DEFAULTS.retryAfterCapMs);
  const bound = Math.min(RETRY_DEFAULTS.maxDelayMs, RETRY_DEFAULTS.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * bound);
}

/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts.
 *
 * @example
 * ```ts
 * await sleep(500, signal);
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      stop?.();
      resolve();
    }, ms);
    // One listener per signal however many calls wait on it (see deadline.ts).
    const stop = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        })
      : undefined;
  });
}
