/**
 * Checks of the options every call accepts (signal, deadlines, retries, body cap) and of header
 * objects, before anything is sent.
 */
import { InputError } from './errors.js';
import { show } from './validate.js';

/** RFC 9110 section 5.1: a header name is a token. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** RFC 9110 section 5.5: visible characters, spaces and tabs; never CR, LF or NUL. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Checks a headers object (the `headers` option, or a call's `headers`): a plain object of
 * valid header names to string values without CR, LF or other control characters. `fail` throws
 * the caller's error class (`ConfigurationError` for options, `InputError` for a call).
 *
 * @example
 * ```ts
 * checkHeaders({ 'x-trace': 'abc' }, (field, message) => { throw new InputError(field, message); });
 * ```
 */
export function checkHeaders(
  value: unknown,
  fail: (field: string, message: string) => never,
): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (
    value === null ||
    Array.isArray(value) ||
    value instanceof Headers ||
    (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
  ) {
    return fail(
      'headers',
      `headers must be a plain object of header names to string values, got ${show(value)}`,
    );
  }
  const checked: Record<string, string> = {};
  for (const [name, item] of Object.entries(value)) {
    if (!HEADER_NAME.test(name)) {
      fail('headers', `headers: ${show(name)} is not a valid HTTP header name`);
    }
    if (typeof item !== 'string' || !HEADER_VALUE.test(item)) {
      fail(
        'headers',
        `headers: the value of ${name} must be a string without CR, LF or other control characters, got ${typeof item === 'string' ? 'one with a control character' : show(item)}`,
      );
    }
    checked[name] = item;
  }
  return checked;
}

/**
 * Options every call accepts, as the checks see them.
 *
 * @example
 * ```ts
 * const options: CheckedCallOptions = checkCallOptions({ timeoutMs: 5_000 });
 * ```
 */
export interface CheckedCallOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  attemptTimeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  maxResponseBytes?: number | undefined;
  headers?: Record<string, string> | undefined;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

function checkCallInteger(name: string, value: unknown, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new InputError(
      name,
      `${name} ${show(value)} is not allowed: expected an integer from ${min} to ${max}`,
    );
  }
}

/**
 * Checks the options of one call before anything is sent.
 *
 * @example
 * ```ts
 * checkCallOptions({ timeoutMs: 0 }); // InputError naming timeoutMs
 * ```
 */
export function checkCallOptions(options: unknown): CheckedCallOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InputError(
      'options',
      'call options must be an object { signal?, timeoutMs?, attemptTimeoutMs?, maxRetries?, maxResponseBytes?, headers? }',
    );
  }
  const { signal, timeoutMs, attemptTimeoutMs, maxRetries, maxResponseBytes, headers } =
    options as Record<string, unknown>;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new InputError('signal', 'signal must be an AbortSignal');
  }
  checkCallInteger('timeoutMs', timeoutMs, 1, MAX_TIMER_MS);
  checkCallInteger('attemptTimeoutMs', attemptTimeoutMs, 1, MAX_TIMER_MS);
  checkCallInteger('maxRetries', maxRetries, 0, 100);
  checkCallInteger('maxResponseBytes', maxResponseBytes, 1, Number.MAX_SAFE_INTEGER);
  const checkedHeaders = checkHeaders(headers, (field, message) => {
    throw new InputError(field, message);
  });
  return {
    signal: signal as AbortSignal | undefined,
    timeoutMs: timeoutMs as number | undefined,
    attemptTimeoutMs: attemptTimeoutMs as number | undefined,
    maxRetries: maxRetries as number | undefined,
    maxResponseBytes: maxResponseBytes as number | undefined,
    headers: checkedHeaders,
  };
}
