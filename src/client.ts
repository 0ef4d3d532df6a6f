/// <reference lib="esnext.disposable" preserve="true" />
/**
 * `createCivicPassClient`: puts configuration, tokens, transport and resources together. The
 * secret and tokens stay in closures; printing or serialising the client shows its settings only.
 */
import { createTokenProvider } from './auth.js';
import { type CivicPassClientOptions, type ResolvedConfig, resolveConfig } from './config.js';
import { createLog } from './log.js';
import { createRawClient, type RawClient } from './raw.js';
import { PassesResource } from './resources/passes.js';
import { PiiResource } from './resources/pii.js';
import { sleep } from './retry.js';
import { createTransport, type Runtime } from './transport.js';
import { type ClientSender, createSender } from './undici-load.js';

/** Node's `util.inspect` hook, without importing `node:util`. */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The real clock, randomness and timers. */
const REAL_RUNTIME: Runtime = { now: Date.now, random: Math.random, sleep };

/**
 * The settings a client shows when printed: everything but the secret.
 *
 * @example
 * ```ts
 * console.log(civic.settings.baseUrl);
 * ```
 */
export interface CivicPassClientSettings {
  baseUrl: string;
  tokenUrl: string;
  audience: string;
  clientId: string | undefined;
  clientSecret: '[redacted]' | undefined;
  clientAuthentication: ResolvedConfig['clientAuthentication'];
  maxRetries: number;
  timeoutMs: number;
  attemptTimeoutMs: number;
  maxResponseBytes: number;
}

/**
 * A Civic Pass API client. Make one with {@link createCivicPassClient} and share it: it keeps one
 * token for all its calls.
 *
 * @example
 * ```ts
 * const civic = createCivicPassClient();
 * const pass = await civic.passes.get({ chain: 'solana', chainNetwork: 'devnet', wallet });
 * ```
 */
export class CivicPassClient {
  /** Issue, read, change, revoke and list passes. */
  readonly passes: PassesResource;
  /** Review, approve or reject a user's personal data, and download its evidence. */
  readonly pii: PiiResource;
  /** The typed openapi-fetch client for anything else, with the same token, deadline and retries. */
  readonly raw: RawClient;
  readonly #sender: ClientSender;
  readonly #settings: CivicPassClientSettings;

  /** @internal Use {@link createCivicPassClient}. */
  constructor(config: ResolvedConfig, runtime: Runtime) {
    this.#settings = Object.freeze({
      baseUrl: config.baseUrl,
      tokenUrl: config.tokenUrl,
      audience: config.audience,
      clientId: config.clientId,
      clientSecret: config.clientSecret === undefined ? undefined : '[redacted]',
      clientAuthentication: config.clientAuthentication,
      maxRetries: config.maxRetries,
      timeoutMs: config.timeoutMs,
      attemptTimeoutMs: config.attemptTimeoutMs,
      maxResponseBytes: config.maxResponseBytes,
    });
    const log = createLog(config.logger, config.logLevel);
    // API and token requests share one sender: on Node, undici's keep-alive connections.
    this.#sender = createSender({ fetch: config.fetch, dispatcher: config.dispatcher });
    const { send } = this.#sender;
    const limits = {
      maxRetries: config.maxRetries,
      timeoutMs: config.timeoutMs,
      attemptTimeoutMs: config.attemptTimeoutMs,
      maxResponseBytes: config.maxResponseBytes,
    };
    const tokens = createTokenProvider({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      tokenUrl: config.tokenUrl,
      allowInsecureLoopback: config.tokenUrlIsInsecureLoopback,
      audience: config.audience,
      clientAuthentication: config.clientAuthentication,
      send,
      ...limits,
      // The token request carries the User-Agent, not the caller's API headers.
      defaultHeaders: config.defaultHeaders.filter(([name]) => name === 'user-agent'),
      runtime,
      log,
    });
    const transport = createTransport({
      baseUrl: config.baseUrl,
      apiOrigin: config.apiOrigin,
      send,
      tokens,
      ...limits,
      maxEvidenceBytes: config.maxEvidenceBytes,
      defaultHeaders: config.defaultHeaders,
      log,
      runtime,
    });
    const { raw, call } = createRawClient(config.baseUrl, transport);
    this.raw = raw;
    const context = { call, runtime, strictEnums: config.strictEnums };
    this.passes = new PassesResource(context);
    this.pii = new PiiResource(context);
  }

  /** The client's settings, without the secret. */
  get settings(): CivicPassClientSettings {
    return this.#settings;
  }

  /** What `JSON.stringify` shows: the settings, without the secret. */
  toJSON(): CivicPassClientSettings {
    return this.#settings;
  }

  /**
   * Releases the client's connections (on Node, its keep-alive sockets); later calls are refused.
   * Not needed for a script to end: idle connections do not keep Node running. A dispatcher
   * you gave or set globally is yours, and stays open.
   *
   * @example
   * ```ts
   * const civic = createCivicPassClient();
   * try {
   *   await civic.passes.get(ref);
   * } finally {
   *   await civic.close();
   * }
   * ```
   */
  close(): Promise<void> {
    return this.#sender.close();
  }

  /**
   * `await using civic = createCivicPassClient()` closes the client at the end of the block.
   *
   * @example
   * ```ts
   * await using civic = createCivicPassClient();
   * await civic.passes.get(ref);
   * ```
   */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** What `console.log` and `util.inspect` show: the settings, without the secret. */
  [INSPECT](): string {
    const entries = Object.entries(this.#settings)
      .map(([key, value]) => `${key}: ${value === undefined ? 'undefined' : JSON.stringify(value)}`)
      .join(', ');
    return `CivicPassClient { ${entries} }`;
  }
}

/**
 * Creates a client. Options fall back to the environment (`CIVIC_CLIENT_ID`,
 * `CIVIC_CLIENT_SECRET`, `CIVIC_API_BASE_URL`, `CIVIC_TOKEN_URL`), read once, now. A `baseUrl` or
 * `tokenUrl` that is not `https:` (except on localhost, 127.0.0.0/8 or [::1]) is refused here
 * with a `CivicPassError`; missing credentials are reported at the first call that needs a token.
 *
 * @example
 * ```ts
 * import { createCivicPassClient } from 'civic-pass-client';
 *
 * const civic = createCivicPassClient({ clientId: process.env.ID, clientSecret: process.env.SECRET });
 * await civic.passes.issue({ chain: 'ethereum', chainNetwork: 'polygonAmoy', wallet: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888' });
 * ```
 */
export function createCivicPassClient(options: CivicPassClientOptions = {}): CivicPassClient {
  return new CivicPassClient(resolveConfig(options), REAL_RUNTIME);
}

/**
 * Like {@link createCivicPassClient}, with the clock, randomness and waiting replaced: for
 * tests that must not wait. Not exported from the package.
 *
 * @example
 * ```ts
 * const civic = createClientWithRuntime({ fetch }, { now: () => 0, random: () => 0.5, sleep: async () => {} });
 * ```
 */
export function createClientWithRuntime(
  options: CivicPassClientOptions,
  runtime: Partial<Runtime>,
): CivicPassClient {
  return new CivicPassClient(resolveConfig(options), { ...REAL_RUNTIME, ...runtime });
}
