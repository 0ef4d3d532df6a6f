/**
 * The client's options: defaults, the environment, and the checks made once at creation. Every
 * refusal is a `ConfigurationError` naming the option, before anything is sent.
 */
import { DEFAULT_AUDIENCE, DEFAULT_BASE_URL, DEFAULT_TOKEN_URL } from '../generated/api.js';
import { checkHeaders } from './call-options.js';
import { ConfigurationError } from './errors.js';
import type { Logger } from './log.js';
import { describeValue } from './redact.js';
import { RETRY_DEFAULTS } from './retry.js';
import { isNode } from './undici-load.js';

/**
 * The `fetch` every HTTP call goes through, token requests included. `globalThis.fetch` fits;
 * so does any function that takes a URL string and a `RequestInit`.
 *
 * @example
 * ```ts
 * const fetch: FetchLike = (url, init) => globalThis.fetch(url, { ...init, keepalive: true });
 * ```
 */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * How the client authenticates to the token endpoint (RFC 6749 section 2.3.1).
 *
 * @example
 * ```ts
 * createCivicPassClient({ clientAuthentication: 'client_secret_basic' });
 * ```
 */
export type ClientAuthenticationMethod = 'client_secret_post' | 'client_secret_basic';

/**
 * An undici dispatcher (`Agent`, `Pool`, `ProxyAgent`, `EnvHttpProxyAgent`, `MockAgent`, ...):
 * anything with undici's `dispatch` method. Typed by that method alone, so the client's types
 * do not depend on undici's.
 *
 * @example
 * ```ts
 * import { ProxyAgent } from 'undici';
 * const dispatcher: DispatcherLike = new ProxyAgent('http://proxy.internal:3128');
 * createCivicPassClient({ dispatcher });
 * ```
 */
export interface DispatcherLike {
  dispatch(options: object, handler: object): boolean;
}

/**
 * Options of {@link createCivicPassClient}. Every one is optional; credentials and URLs fall back
 * to the environment (`CIVIC_CLIENT_ID`, `CIVIC_CLIENT_SECRET`, `CIVIC_API_BASE_URL`,
 * `CIVIC_TOKEN_URL`), read once when the client is created.
 *
 * @example
 * ```ts
 * const civic = createCivicPassClient({ clientId, clientSecret, maxRetries: 3, timeoutMs: 10_000 });
 * ```
 */
export interface CivicPassClientOptions {
  /** OAuth client id; default: env `CIVIC_CLIENT_ID`. */
  clientId?: string;
  /** OAuth client secret; default: env `CIVIC_CLIENT_SECRET`. Never printed. */
  clientSecret?: string;
  /** The API's base URL; default: env `CIVIC_API_BASE_URL`, else `https://api.civic.com/partner`. */
  baseUrl?: string;
  /**
   * The token endpoint; default: env `CIVIC_TOKEN_URL`, else `https://auth0.civic.com/oauth/token`.
   * Required with a `baseUrl` on another origin than `https://api.civic.com`, so that the
   * credentials never go to a host you did not choose.
   */
  tokenUrl?: string;
  /** The audience tokens are requested for; default `https://api.civic.com/pass`. */
  audience?: string;
  /** `client_secret_post` (default: id and secret in the form body) or `client_secret_basic`. */
  clientAuthentication?: ClientAuthenticationMethod;
  /** How many times a failed attempt may be retried, see README "Retries and idempotency"; default 2. */
  maxRetries?: number;
  /** Deadline of the whole call (token, attempts, waits), in milliseconds; default 60 000. */
  timeoutMs?: number;
  /** Deadline of each attempt, in milliseconds, never beyond what is left of the call; default 20 000. */
  attemptTimeoutMs?: number;
  /** The most bytes an answer's body may have, after decompression; default 4 MiB (evidence: 32 MiB). */
  maxResponseBytes?: number;
  /** Headers every API request carries (names and values checked now). */
  headers?: Record<string, string>;
  /** Where the client tells what it does (attempts, retries, waits); silent by default, or env `CIVIC_PASS_LOG`. */
  logger?: Logger;
  /**
   * The `fetch` every HTTP call goes through, token requests included. Default: on Node, undici
   * (`undici.request` on keep-alive connections, see README "Benchmark"); elsewhere
   * `globalThis.fetch`.
   */
  fetch?: FetchLike;
  /**
   * The undici dispatcher every HTTP call goes through on Node (a `ProxyAgent`, an `Agent` with
   * TLS options, ...); default: the global dispatcher when you set one (`setGlobalDispatcher`),
   * else the client's own keep-alive connections. With `fetch`, it is passed to your `fetch` as
   * `init.dispatcher`, as Node's `fetch` takes it.
   */
  dispatcher?: DispatcherLike;
  /**
   * Refuse (`InvalidResponseError`) an answer carrying an enum value the spec does not list;
   * default false: such values (a network or state a newer API added) are passed through.
   */
  strictEnums?: boolean;
}

/**
 * The options after defaults, environment and checks; internal.
 *
 * @example
 * ```ts
 * const { baseUrl, apiOrigin } = resolveConfig({});
 * ```
 */
export interface ResolvedConfig {
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Normalised, without a trailing slash. */
  baseUrl: string;
  /** `scheme://host[:port]` of `baseUrl`: the only origin that ever receives the bearer token. */
  apiOrigin: string;
  tokenUrl: string;
  tokenUrlIsInsecureLoopback: boolean;
  audience: string;
  clientAuthentication: ClientAuthenticationMethod;
  maxRetries: number;
  timeoutMs: number;
  attemptTimeoutMs: number;
  maxResponseBytes: number;
  maxEvidenceBytes: number;
  /** The `headers` option, checked, plus `User-Agent` where the runtime lets it be set. */
  defaultHeaders: readonly (readonly [string, string])[];
  logger: Logger | undefined;
  /** `CIVIC_PASS_LOG`, read once. */
  logLevel: string | undefined;
  /** The `fetch` option; `undefined` means the default sender (undici on Node, else `fetch`). */
  fetch: FetchLike | undefined;
  dispatcher: DispatcherLike | undefined;
  strictEnums: boolean;
}

/**
 * The default deadline of a whole call (token fetch, attempts, backoff and `Retry-After` waits).
 *
 * @example
 * ```ts
 * createCivicPassClient({ timeoutMs: DEFAULT_TIMEOUT_MS / 3 });
 * ```
 */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The default deadline of one attempt, never beyond what is left of the call.
 *
 * @example
 * ```ts
 * createCivicPassClient({ attemptTimeoutMs: DEFAULT_ATTEMPT_TIMEOUT_MS / 2 });
 * ```
 */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 20_000;

/**
 * The default cap of an answer's body (after decompression): far above any Civic answer.
 *
 * @example
 * ```ts
 * createCivicPassClient({ maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES * 2 });
 * ```
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/**
 * The default cap of a PII evidence file (an ID image), unless `maxResponseBytes` is larger.
 *
 * @example
 * ```ts
 * await civic.pii.evidence(id, rel, { maxResponseBytes: DEFAULT_MAX_EVIDENCE_BYTES * 2 });
 * ```
 */
export const DEFAULT_MAX_EVIDENCE_BYTES = 32 * 1024 * 1024;

/**
 * This package's version, sent in `User-Agent` (a unit test keeps it equal to package.json's).
 *
 * @example
 * ```ts
 * console.log(`civic-pass-client ${PACKAGE_VERSION}`);
 * ```
 */
export const PACKAGE_VERSION = '0.1.0';

/** The largest delay a timer takes (2^31 − 1 ms); a larger one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The origin whose token endpoint is the default one. */
const CIVIC_API_ORIGIN = new URL(DEFAULT_BASE_URL).origin;

/**
 * True for `localhost`, `127.0.0.0/8` and `[::1]`: the only hosts allowed over plain `http:`.
 *
 * @example
 * ```ts
 * isLoopbackHost(new URL('http://127.0.0.1:4010').hostname); // true
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** A URL for a message, its user name and password hidden even when it does not parse. */
function hideUserinfo(value: string): string {
  const text = value.length > 200 ? `${value.slice(0, 200)}…` : value;
  return text.replace(/\/\/[^/?#]*@/, '//[redacted]@');
}

/** Parses and checks an endpoint URL: `https:`, or `http:` on a loopback host only. */
function checkUrl(name: string, value: unknown, source: string): URL {
  if (typeof value !== 'string') {
    throw new ConfigurationError(name, `${name} must be a URL string, got ${describeValue(value)}`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(name, `${name} "${hideUserinfo(value)}"${source} is not a URL`);
  }
  if (url.username || url.password) {
    throw new ConfigurationError(name, `${name}${source} must not carry a user name or password`);
  }
  if (url.search || url.hash) {
    throw new ConfigurationError(
      name,
      `${name} "${url.href}"${source} must not have a query or a fragment`,
    );
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new ConfigurationError(
    name,
    `${name} "${url.href}"${source} must use https: (plain http: is allowed only for localhost, 127.0.0.0/8 and [::1])`,
  );
}

/** An integer option within [min, max]. */
function checkInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(
      name,
      `${name} ${describeValue(value)} must be an integer from ${min} to ${max}`,
    );
  }
  return value;
}

function checkOptionalString(name: string, value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new ConfigurationError(name, `${name} must be a string, got ${describeValue(value)}`);
}

/** Reads an environment variable where there is an environment (Node, Deno, Bun). */
function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.[name];
  return value === '' ? undefined : value;
}

/** `User-Agent`, where the runtime is Node.js (browsers do not let a script set it). */
function userAgent(): string | undefined {
  const node = (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions
    ?.node;
  if (typeof node !== 'string' || 'document' in globalThis) return undefined;
  return `civic-pass-client/${PACKAGE_VERSION} node/${node}`;
}

function checkDispatcher(value: unknown): DispatcherLike | undefined {
  if (value === undefined) return undefined;
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { dispatch?: unknown }).dispatch !== 'function'
  ) {
    throw new ConfigurationError(
      'dispatcher',
      `dispatcher must be an undici dispatcher (an object with a dispatch method), got ${describeValue(value)}`,
    );
  }
  return value as DispatcherLike;
}

function checkLogger(value: unknown): Logger | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') {
    throw new ConfigurationError(
      'logger',
      `logger must be an object with debug, info, warn and error methods, got ${describeValue(value)}`,
    );
  }
  for (const level of ['debug', 'info', 'warn', 'error'] as const) {
    const method = (value as Record<string, unknown>)[level];
    if (method !== undefined && typeof method !== 'function') {
      throw new ConfigurationError('logger', `logger.${level} must be a function`);
    }
  }
  return value as Logger;
}

/**
 * Applies defaults and the environment, and refuses bad options with a `ConfigurationError`
 * naming the option.
 *
 * @example
 * ```ts
 * const config = resolveConfig({ baseUrl: 'http://localhost:4010', tokenUrl: 'http://localhost:4010/token' });
 * ```
 */
export function resolveConfig(options: CivicPassClientOptions): ResolvedConfig {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigurationError(
      'options',
      `createCivicPassClient takes an options object, got ${describeValue(options)}`,
    );
  }
  const baseSource = options.baseUrl === undefined ? ' (from CIVIC_API_BASE_URL)' : '';
  const base = checkUrl(
    'baseUrl',
    options.baseUrl ?? env('CIVIC_API_BASE_URL') ?? DEFAULT_BASE_URL,
    env('CIVIC_API_BASE_URL') === undefined ? '' : baseSource,
  );
  const explicitTokenUrl = options.tokenUrl ?? env('CIVIC_TOKEN_URL');
  const tokenSource = options.tokenUrl === undefined && explicitTokenUrl !== undefined;
  const token = checkUrl(
    'tokenUrl',
    explicitTokenUrl ?? DEFAULT_TOKEN_URL,
    tokenSource ? ' (from CIVIC_TOKEN_URL)' : '',
  );
  if (explicitTokenUrl === undefined && base.origin !== CIVIC_API_ORIGIN) {
    // Civic's token endpoint with someone else's API: the credentials would go to Civic for a
    // server that is not Civic's, or (more often) a local server's users would be surprised.
    throw new ConfigurationError(
      'tokenUrl',
      `baseUrl ${base.origin} is not Civic's API (${CIVIC_API_ORIGIN}), so tokenUrl must be given too (option tokenUrl or CIVIC_TOKEN_URL): the client never sends credentials to a token endpoint you did not choose`,
    );
  }
  const clientAuthentication = options.clientAuthentication ?? 'client_secret_post';
  if (
    clientAuthentication !== 'client_secret_post' &&
    clientAuthentication !== 'client_secret_basic'
  ) {
    throw new ConfigurationError(
      'clientAuthentication',
      `clientAuthentication ${describeValue(clientAuthentication)} is not supported; use client_secret_post or client_secret_basic`,
    );
  }
  const timeoutMs = checkInteger(
    'timeoutMs',
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    1,
    MAX_TIMER_MS,
  );
  const attemptTimeoutMs = checkInteger(
    'attemptTimeoutMs',
    options.attemptTimeoutMs ?? Math.min(DEFAULT_ATTEMPT_TIMEOUT_MS, timeoutMs),
    1,
    MAX_TIMER_MS,
  );
  const maxResponseBytes = checkInteger(
    'maxResponseBytes',
    options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    1,
    Number.MAX_SAFE_INTEGER,
  );
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new ConfigurationError(
      'fetch',
      `fetch must be a function, got ${describeValue(options.fetch)}`,
    );
  }
  if (options.fetch === undefined && !isNode() && typeof globalThis.fetch !== 'function') {
    throw new ConfigurationError(
      'fetch',
      'no fetch: pass the fetch option (globalThis.fetch is missing)',
    );
  }
  const dispatcher = checkDispatcher(options.dispatcher);
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  if (typeof audience !== 'string' || audience === '') {
    throw new ConfigurationError('audience', 'audience must be a non-empty string');
  }
  const headers = checkHeaders(options.headers, (field, message) => {
    throw new ConfigurationError(field, message);
  });
  const agent = userAgent();
  const defaultHeaders: [string, string][] = headers ? Object.entries(headers) : [];
  if (agent && !defaultHeaders.some(([name]) => name.toLowerCase() === 'user-agent')) {
    defaultHeaders.push(['user-agent', agent]);
  }
  const strictEnums = options.strictEnums ?? false;
  if (typeof strictEnums !== 'boolean') {
    throw new ConfigurationError(
      'strictEnums',
      `strictEnums must be true or false, got ${describeValue(strictEnums)}`,
    );
  }
  const baseUrl = base.href.replace(/\/+$/, '');
  return {
    clientId: checkOptionalString('clientId', options.clientId) ?? env('CIVIC_CLIENT_ID'),
    clientSecret:
      checkOptionalString('clientSecret', options.clientSecret) ?? env('CIVIC_CLIENT_SECRET'),
    baseUrl,
    apiOrigin: base.origin,
    tokenUrl: token.href,
    tokenUrlIsInsecureLoopback: token.protocol === 'http:',
    audience,
    clientAuthentication,
    maxRetries: checkInteger('maxRetries', options.maxRetries ?? RETRY_DEFAULTS.maxRetries, 0, 100),
    timeoutMs,
    attemptTimeoutMs: Math.min(attemptTimeoutMs, timeoutMs),
    maxResponseBytes,
    maxEvidenceBytes: Math.max(maxResponseBytes, DEFAULT_MAX_EVIDENCE_BYTES),
    defaultHeaders,
    logger: checkLogger(options.logger),
    logLevel: env('CIVIC_PASS_LOG'),
    fetch: options.fetch,
    dispatcher,
    strictEnums,
  };
}
