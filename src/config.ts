/**
 * The client's options: defaults, the environment, and the checks made once at creation.
 */
import { DEFAULT_AUDIENCE, DEFAULT_BASE_URL, DEFAULT_TOKEN_URL } from '../generated/api.js';
import { CivicPassError } from './errors.js';
import { RETRY_DEFAULTS } from './retry.js';

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
  /** The token endpoint; default: env `CIVIC_TOKEN_URL`, else `https://auth0.civic.com/oauth/token`. */
  tokenUrl?: string;
  /** The audience tokens are requested for; default `https://api.civic.com/pass`. */
  audience?: string;
  /** `client_secret_post` (default: id and secret in the form body) or `client_secret_basic`. */
  clientAuthentication?: ClientAuthenticationMethod;
  /** How many times a failed attempt may be retried, see README "Retries and idempotency"; default 2. */
  maxRetries?: number;
  /** Deadline of each attempt, in milliseconds; default 30 000. */
  timeoutMs?: number;
  /** The `fetch` every HTTP call goes through, token requests included; default `globalThis.fetch`. */
  fetch?: FetchLike;
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
  fetch: FetchLike;
  strictEnums: boolean;
}

/**
 * The default deadline of one attempt, in milliseconds.
 *
 * @example
 * ```ts
 * createCivicPassClient({ timeoutMs: DEFAULT_TIMEOUT_MS / 3 });
 * ```
 */
export const DEFAULT_TIMEOUT_MS = 30_000;

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

function configError(message: string): CivicPassError {
  return new CivicPassError(message, { code: 'CONFIGURATION' });
}

/** Parses and checks an endpoint URL: `https:`, or `http:` on a loopback host only. */
function checkUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw configError(`${name} "${value}" is not a URL`);
  }
  if (url.username || url.password) {
    throw configError(`${name} must not carry a user name or password`);
  }
  if (url.search || url.hash) {
    throw configError(`${name} "${url.href}" must not have a query or a fragment`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw configError(
    `${name} "${url.href}" must use https: (plain http: is allowed only for localhost, 127.0.0.0/8 and [::1])`,
  );
}

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw configError(`${name} ${String(value)} must be an integer of at least ${min}`);
  }
  return value;
}

/** Reads an environment variable where there is an environment (Node, Deno, Bun). */
function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.[name];
  return value === '' ? undefined : value;
}

/**
 * Applies defaults and the environment, and refuses bad options with a `CivicPassError`.
 *
 * @example
 * ```ts
 * const config = resolveConfig({ baseUrl: 'http://localhost:4010' });
 * ```
 */
export function resolveConfig(options: CivicPassClientOptions): ResolvedConfig {
  if (options === null || typeof options !== 'object') {
    throw configError('createCivicPassClient takes an options object');
  }
  const base = checkUrl(
    'baseUrl',
    options.baseUrl ?? env('CIVIC_API_BASE_URL') ?? DEFAULT_BASE_URL,
  );
  const token = checkUrl(
    'tokenUrl',
    options.tokenUrl ?? env('CIVIC_TOKEN_URL') ?? DEFAULT_TOKEN_URL,
  );
  const clientAuthentication = options.clientAuthentication ?? 'client_secret_post';
  if (
    clientAuthentication !== 'client_secret_post' &&
    clientAuthentication !== 'client_secret_basic'
  ) {
    throw configError(
      `clientAuthentication "${String(clientAuthentication)}" is not supported; use client_secret_post or client_secret_basic`,
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(typeof timeoutMs === 'number' && timeoutMs > 0 && Number.isFinite(timeoutMs))) {
    throw configError(`timeoutMs ${String(timeoutMs)} must be a positive number of milliseconds`);
  }
  const fetchFn = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof fetchFn !== 'function') {
    throw configError('no fetch: pass the fetch option (globalThis.fetch is missing)');
  }
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  if (typeof audience !== 'string' || audience === '') {
    throw configError('audience must be a non-empty string');
  }
  const strictEnums = options.strictEnums ?? false;
  if (typeof strictEnums !== 'boolean') throw configError('strictEnums must be true or false');
  const baseUrl = base.href.replace(/\/+$/, '');
  return {
    clientId: options.clientId ?? env('CIVIC_CLIENT_ID'),
    clientSecret: options.clientSecret ?? env('CIVIC_CLIENT_SECRET'),
    baseUrl,
    apiOrigin: base.origin,
    tokenUrl: token.href,
    tokenUrlIsInsecureLoopback: token.protocol === 'http:',
    audience,
    clientAuthentication,
    maxRetries: checkCount('maxRetries', options.maxRetries ?? RETRY_DEFAULTS.maxRetries, 0),
    timeoutMs,
    fetch: fetchFn,
    strictEnums,
  };
}
