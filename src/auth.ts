/**
 * Bearer tokens by the OAuth 2.0 client credentials grant (RFC 6749 section 4.4), through
 * oauth4webapi. One token per expiry: cached, renewed {@link TOKEN_RENEWAL_MARGIN_S} seconds
 * before `expires_in` runs out, and fetched once however many calls wait for it (single flight).
 * The secret and the token live only in this module's closures.
 */
import * as oauth from 'oauth4webapi';
import type { ClientAuthenticationMethod, FetchLike } from './config.js';
import { CivicPassError, ConnectionError, TimeoutError, TokenError } from './errors.js';

/**
 * A token is renewed this many seconds before it expires (at most half its lifetime), so that
 * a request never leaves with a token about to expire on the way.
 *
 * @example
 * ```ts
 * // a token with expires_in 86400 is used for 86400 - TOKEN_RENEWAL_MARGIN_S seconds
 * ```
 */
export const TOKEN_RENEWAL_MARGIN_S = 60;

/**
 * What the transport needs from the token source.
 *
 * @example
 * ```ts
 * const token = await tokens.getToken(signal);
 * tokens.invalidate(token); // after the API answered 401
 * ```
 */
export interface TokenProvider {
  /** A valid access token; waits for a shared renewal when needed. Rejects with the signal's reason. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Forgets `token` after the API refused it, unless a newer token already replaced it. */
  invalidate(token: string): void;
}

/**
 * The settings of a {@link TokenProvider}.
 *
 * @example
 * ```ts
 * createTokenProvider({ ...settings, now: Date.now });
 * ```
 */
export interface TokenProviderConfig {
  clientId: string | undefined;
  clientSecret: string | undefined;
  tokenUrl: string;
  allowInsecureLoopback: boolean;
  audience: string;
  clientAuthentication: ClientAuthenticationMethod;
  fetch: FetchLike;
  timeoutMs: number;
  /** Milliseconds since the epoch; injectable so tests drive expiry with a fake clock. */
  now: () => number;
}

/** RFC 6750 b64token: what can safely go into an `Authorization` header. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * A token endpoint failure that is worth retrying: the request to the API was never sent.
 *
 * @example
 * ```ts
 * isTransientTokenFailure(new TokenError('busy', { status: 503 })); // true
 * ```
 */
export function isTransientTokenFailure(error: unknown): boolean {
  if (error instanceof ConnectionError || error instanceof TimeoutError) return true;
  if (error instanceof TokenError && error.status !== undefined) {
    return error.status === 408 || error.status === 429 || error.status >= 500;
  }
  return false;
}

/** Waits for `promise`, or rejects with the signal's reason as soon as it aborts. */
function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Translates what oauth4webapi throws into our errors, copying only what is safe: never its
 * `cause`, which can hold the token endpoint's whole answer (an access token included).
 */
function toTokenError(error: unknown, tokenUrl: string): TokenError {
  if (error instanceof oauth.ResponseBodyError) {
    return new TokenError(
      `the token endpoint ${tokenUrl} refused the client credentials grant with ${error.status}: ` +
        `${error.error}${error.error_description ? ` (${error.error_description})` : ''}`,
      { error: error.error, error_description: error.error_description, status: error.status },
    );
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const challenge = error.cause[0];
    const oauthError = challenge?.parameters.error;
    const description = challenge?.parameters.error_description;
    return new TokenError(
      `the token endpoint ${tokenUrl} refused the client credentials grant with ${error.status}` +
        (oauthError ? `: ${oauthError}` : '') +
        (description ? ` (${description})` : ''),
      { error: oauthError, error_description: description, status: error.status },
    );
  }
  if (error instanceof oauth.OperationProcessingError) {
    const status = error.cause instanceof Response ? error.cause.status : undefined;
    return new TokenError(
      `the token endpoint ${tokenUrl} gave an unusable answer${status ? ` (${status})` : ''}: ${error.message}`,
      { status },
    );
  }
  if (error instanceof oauth.UnsupportedOperationError) {
    return new TokenError(
      `the token endpoint ${tokenUrl} gave an unsupported token: ${error.message}`,
    );
  }
  return new TokenError(`the token request to ${tokenUrl} failed`);
}

/**
 * Creates the token source of one client.
 *
 * @example
 * ```ts
 * const tokens = createTokenProvider({ ...config, now: Date.now });
 * const token = await tokens.getToken();
 * ```
 */
export function createTokenProvider(config: TokenProviderConfig): TokenProvider {
  const { clientId, clientSecret, tokenUrl, audience, now } = config;
  const authorizationServer: oauth.AuthorizationServer = {
    issuer: new URL(tokenUrl).origin,
    token_endpoint: tokenUrl,
  };
  const target = { method: 'POST', path: tokenUrl };

  let cached: { token: string; renewAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  async function requestToken(): Promise<string> {
    if (!clientId || !clientSecret) {
      const missing = [
        clientId ? undefined : 'CIVIC_CLIENT_ID',
        clientSecret ? undefined : 'CIVIC_CLIENT_SECRET',
      ].filter(Boolean);
      throw new CivicPassError(
        `no client credentials: pass clientId and clientSecret to createCivicPassClient, or set ${missing.join(' and ')}`,
        { code: 'MISSING_CREDENTIALS' },
      );
    }
    const client: oauth.Client = { client_id: clientId };
    const clientAuth =
      config.clientAuthentication === 'client_secret_basic'
        ? oauth.ClientSecretBasic(clientSecret)
        : oauth.ClientSecretPost(clientSecret);

    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), config.timeoutMs);
    let response: Response;
    try {
      response = await oauth.clientCredentialsGrantRequest(
        authorizationServer,
        client,
        clientAuth,
        { audience },
        {
          signal: deadline.signal,
          [oauth.customFetch]: (url, init) => config.fetch(url, init as RequestInit),
          ...(config.allowInsecureLoopback ? { [oauth.allowInsecureRequests]: true } : {}),
        },
      );
    } catch (error) {
      clearTimeout(timer);
      if (deadline.signal.aborted) {
        throw new TimeoutError(
          `the token request to ${tokenUrl} got no answer within ${config.timeoutMs} ms`,
          target,
          config.timeoutMs,
        );
      }
      if (error instanceof CivicPassError) throw error;
      const reason = error instanceof Error ? `${error.message}${causeText(error)}` : String(error);
      throw new ConnectionError(
        `could not reach the token endpoint ${tokenUrl}: ${reason}`,
        target,
        {
          cause: error,
        },
      );
    }
    let result: oauth.TokenEndpointResponse;
    try {
      result = await oauth.processClientCredentialsResponse(authorizationServer, client, response);
    } catch (error) {
      throw toTokenError(error, tokenUrl);
    } finally {
      clearTimeout(timer);
    }
    if (result.token_type !== 'bearer') {
      throw new TokenError(
        `the token endpoint ${tokenUrl} gave a token of type "${result.token_type}"; only bearer tokens are supported`,
        { status: response.status },
      );
    }
    const token = result.access_token;
    if (!B64TOKEN.test(token)) {
      // The token itself is never quoted: it may be valid elsewhere.
      throw new TokenError(
        `the token endpoint ${tokenUrl} gave an access token that cannot be sent in a header`,
        { status: response.status },
      );
    }
    const lifetime = result.expires_in;
    const renewAt =
      lifetime === undefined
        ? Number.POSITIVE_INFINITY // no stated lifetime: keep it until the API refuses it (401)
        : now() + (lifetime - Math.min(TOKEN_RENEWAL_MARGIN_S, lifetime / 2)) * 1000;
    cached = { token, renewAt };
    return token;
  }

  return {
    getToken(signal) {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (!inflight) {
        inflight = requestToken().finally(() => {
          inflight = undefined;
        });
      }
      return raceSignal(inflight, signal);
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

/**
 * The cause's message out of undici's `TypeError('fetch failed')`.
 *
 * @example
 * ```ts
 * causeText(error); // ': connect ECONNREFUSED 127.0.0.1:8080'
 * ```
 */
export function causeText(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message ? `: ${cause.message}` : '';
}
