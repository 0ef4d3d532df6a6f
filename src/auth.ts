/**
 * Bearer tokens by the OAuth 2.0 client credentials grant (RFC 6749 section 4.4), through
 * oauth4webapi. One token per expiry: cached, renewed {@link TOKEN_RENEWAL_MARGIN_S} seconds
 * before `expires_in` runs out, and fetched once however many calls wait for it (single flight).
 * The token request is an HTTP call like the others (`attempt.ts`): its own deadline (the
 * client's `timeoutMs`, each attempt `attemptTimeoutMs`), the body cap, no redirect, and retries
 * after a connection error, a stall or an answer 408, 429 or 5xx. Its failure is shared by every
 * call waiting on it and by the calls made within {@link TOKEN_FAILURE_COOL_DOWN_MS} after it, so
 * an outage costs a handful of token requests, not one per call. The secret and the token live
 * only in this module's closures, and are registered with `redact.ts`.
 */
import * as oauth from 'oauth4webapi';
import {
  type AttemptResult,
  redirectError,
  runAttempt,
  type Sender,
  tooLargeError,
} from './attempt.js';
import type { ClientAuthenticationMethod } from './config.js';
import { Deadline, raceSignal } from './deadline.js';
import { CivicPassError, ConnectionError, TimeoutError, TokenError } from './errors.js';
import type { Log } from './log.js';
import { forgetToken, registerSecret, registerToken } from './redact.js';
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from './retry.js';
import type { Runtime } from './transport.js';

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
 * After a token request failed (retries included), calls made within this many milliseconds get
 * the same failure at once instead of a new request.
 *
 * @example
 * ```ts
 * // token endpoint down: 2,000 calls within a second cost 1 + maxRetries token requests
 * ```
 */
export const TOKEN_FAILURE_COOL_DOWN_MS = 1_000;

/**
 * What the transport needs from the token source.
 *
 * @example
 * ```ts
 * const token = await tokens.getToken(signal, deadline);
 * tokens.invalidate(token); // after the API answered 401
 * ```
 */
export interface TokenProvider {
  /**
   * A valid access token; waits for a shared renewal when needed. Rejects with the signal's
   * reason, or a `TimeoutError` when `deadline` passes first.
   */
  getToken(signal?: AbortSignal, deadline?: Deadline): Promise<string>;
  /** Forgets `token` after the API refused it, unless a newer token already replaced it. */
  invalidate(token: string): void;
}

/**
 * The settings of a {@link TokenProvider}.
 *
 * @example
 * ```ts
 * createTokenProvider({ ...settings, runtime, log });
 * ```
 */
export interface TokenProviderConfig {
  clientId: string | undefined;
  clientSecret: string | undefined;
  tokenUrl: string;
  allowInsecureLoopback: boolean;
  audience: string;
  clientAuthentication: ClientAuthenticationMethod;
  send: Sender;
  maxRetries: number;
  timeoutMs: number;
  attemptTimeoutMs: number;
  maxResponseBytes: number;
  /** Headers the token request carries too (User-Agent). */
  defaultHeaders: readonly (readonly [string, string])[];
  /** Clock, jitter and waits; injectable so tests drive expiry with a fake clock. */
  runtime: Runtime;
  log: Log;
}

/** RFC 6750 b64token: what can safely go into an `Authorization` header. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** oauth4webapi makes a 30 s timer when given no signal; ours are per attempt instead. */
const NEVER = new AbortController().signal;

const TOKEN_URL_HINT = 'check tokenUrl (CIVIC_TOKEN_URL)';
const CREDENTIALS_HINT = 'check clientId and clientSecret (CIVIC_CLIENT_ID, CIVIC_CLIENT_SECRET)';

/**
 * Translates what oauth4webapi throws into our errors, copying only what is safe: never its
 * `cause`, which can hold the token endpoint's whole answer (an access token included).
 */
function toTokenError(error: unknown, tokenUrl: string): TokenError {
  if (error instanceof oauth.ResponseBodyError) {
    const hint =
      error.error === 'access_denied' ? 'check audience and the client' : CREDENTIALS_HINT;
    return new TokenError(
      `the token endpoint ${tokenUrl} refused the client credentials grant with ${error.status}: ` +
        `${error.error}${error.error_description ? ` (${error.error_description})` : ''}; ${hint}`,
      { error: error.error, error_description: error.error_description, status: error.status },
    );
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    const challenge = error.cause[0];
    // Stryker disable next-line OptionalChaining: oauth4webapi throws this error only with a challenge parsed
    const oauthError = challenge?.parameters.error;
    // Stryker disable next-line OptionalChaining: oauth4webapi throws this error only with a challenge parsed
    const description = challenge?.parameters.error_description;
    return new TokenError(
      `the token endpoint ${tokenUrl} refused the client credentials grant with ${error.status}` +
        (oauthError ? `: ${oauthError}` : '') +
        (description ? ` (${description})` : '') +
        `; ${CREDENTIALS_HINT}`,
      { error: oauthError, error_description: description, status: error.status },
    );
  }
  if (error instanceof oauth.OperationProcessingError) {
    const status = error.cause instanceof Response ? error.cause.status : undefined;
    return new TokenError(
      `the token endpoint ${tokenUrl} gave an unusable answer${status ? ` (${status})` : ''}: ${error.message}; ${TOKEN_URL_HINT}`,
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

/** An answer that is not the token endpoint's at all (a 404, an HTML page): the URL is wrong. */
function notAnOAuthAnswer(response: Response): boolean {
  if (response.status === 404 || response.status === 405) return true;
  if (response.headers.has('www-authenticate')) return false;
  // No content type at all reads as "null", which is not JSON either.
  return !/json/i.test(String(response.headers.get('content-type')));
}

/**
 * Creates the token source of one client.
 *
 * @example
 * ```ts
 * const tokens = createTokenProvider({ ...config, runtime, log });
 * const token = await tokens.getToken();
 * ```
 */
export function createTokenProvider(config: TokenProviderConfig): TokenProvider {
  const { clientId, clientSecret, tokenUrl, audience, runtime, log } = config;
  const { now } = runtime;
  if (clientSecret) registerSecret(clientSecret, clientId);
  const authorizationServer: oauth.AuthorizationServer = {
    issuer: new URL(tokenUrl).origin,
    token_endpoint: tokenUrl,
  };
  const target = { method: 'POST', path: tokenUrl };

  let cached: { token: string; renewAt: number } | undefined;
  let inflight: Promise<string> | undefined;
  let failed: { error: unknown; until: number } | undefined;

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

    const deadline = new Deadline(config.timeoutMs, now);
    let retries = 0;
    for (;;) {
      const timeoutMs = deadline.attemptMs(config.attemptTimeoutMs);
      if (timeoutMs <= 0) throw wholeTimeout();
      log.debug(`token request attempt ${retries + 1} of ${config.maxRetries + 1} to ${tokenUrl}`);
      let result: AttemptResult | undefined;
      let thrown: unknown;
      try {
        await oauth.clientCredentialsGrantRequest(
          authorizationServer,
          client,
          clientAuth,
          { audience },
          {
            signal: NEVER,
            headers: Object.fromEntries(config.defaultHeaders),
            [oauth.customFetch]: async (url, init) => {
              result = await runAttempt(config.send, url, init as RequestInit, {
                timeoutMs,
                maxResponseBytes: config.maxResponseBytes,
                signal: undefined,
              });
              // Every outcome, the answer included, is read from `result` below: oauth4webapi's
              // part of the request ends here.
              throw result;
            },
            ...(config.allowInsecureLoopback ? { [oauth.allowInsecureRequests]: true } : {}),
          },
        );
      } catch (error) {
        // The sender's own refusal (a closed client) is already the client's error: as it is.
        if (error instanceof CivicPassError && !(error instanceof TokenError)) throw error;
        thrown = error;
      }
      // No attempt ran: oauth4webapi refused the request before sending it.
      if (result === undefined) throw toTokenError(thrown, tokenUrl);

      let failure: CivicPassError;
      let retryAfterMs: number | undefined;
      if (result.kind === 'response') {
        const response = result.response;
        if (!isRetryableStatus(response.status)) return accept(response, client);
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
        failure = new TokenError(
          `the token endpoint ${tokenUrl} (tokenUrl) failed with ${response.status}`,
          { status: response.status },
        );
      } else {
        failure = attemptFailure(result, timeoutMs, deadline);
        if (result.kind === 'redirect' || result.kind === 'too-large') throw failure;
      }
      const delay = retryDelayMs(retries + 1, retryAfterMs, runtime.random);
      if (retries >= config.maxRetries || delay >= deadline.remaining()) throw failure;
      retries += 1;
      log.debug(`waiting ${delay} ms (token request: ${failure.code}) before retry ${retries}`);
      await runtime.sleep(delay);
    }
  }

  /** Checks and keeps a token answer. */
  async function accept(response: Response, client: oauth.Client): Promise<string> {
    if (notAnOAuthAnswer(response)) {
      const type = response.headers.get('content-type');
      throw new TokenError(
        `the token endpoint ${tokenUrl} answered ${response.status}${type ? ` (${type.split(';')[0]})` : ''}, which is not an OAuth token answer: ${TOKEN_URL_HINT}`,
        { status: response.status },
      );
    }
    let result: oauth.TokenEndpointResponse;
    try {
      result = await oauth.processClientCredentialsResponse(authorizationServer, client, response);
    } catch (error) {
      throw toTokenError(error, tokenUrl);
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
    if (cached) forgetToken(cached.token);
    registerToken(token);
    cached = { token, renewAt };
    return token;
  }

  function attemptFailure(
    result: Exclude<AttemptResult, { kind: 'response' }>,
    timeoutMs: number,
    deadline: Deadline,
  ): CivicPassError {
    switch (result.kind) {
      case 'timeout':
        return deadline.remaining() <= 0 || timeoutMs < config.attemptTimeoutMs
          ? wholeTimeout()
          : new TimeoutError(
              `the token request to ${tokenUrl} (tokenUrl) got no answer within ${timeoutMs} ms (attemptTimeoutMs)`,
              target,
              timeoutMs,
            );
      case 'redirect':
        return redirectError(
          `the token endpoint ${tokenUrl}`,
          result.response,
          tokenUrl,
          'tokenUrl',
        );
      case 'too-large':
        return tooLargeError({ operationId: undefined, ...target }, result.limit, TOKEN_URL_HINT);
      case 'connection': {
        const error = result.error;
        const reason =
          error instanceof Error ? `${error.message}${causeText(error)}` : String(error);
        return new ConnectionError(
          `could not reach the token endpoint ${tokenUrl}: ${reason}; ${TOKEN_URL_HINT}`,
          target,
          { cause: error },
        );
      }
    }
  }

  function wholeTimeout(): TimeoutError {
    return new TimeoutError(
      `the token request to ${tokenUrl} (tokenUrl) did not complete within ${config.timeoutMs} ms (timeoutMs)`,
      target,
      config.timeoutMs,
    );
  }

  /** Waits for the shared flight, within the caller's deadline and signal. */
  function wait(signal: AbortSignal | undefined, deadline: Deadline | undefined): Promise<string> {
    const flight = inflight as Promise<string>;
    const raced = raceSignal(flight, signal);
    if (!deadline) return raced;
    const left = deadline.remaining();
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new TimeoutError(
            `waiting for a token from ${tokenUrl} (tokenUrl) outlasted the call's ${deadline.timeoutMs} ms (timeoutMs)`,
            target,
            deadline.timeoutMs,
          ),
        );
      }, left);
      raced.then(
        (token) => {
          clearTimeout(timer);
          resolve(token);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  return {
    getToken(signal, deadline) {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (failed && now() < failed.until) return Promise.reject(failed.error);
      if (!inflight) {
        failed = undefined;
        inflight = requestToken()
          .catch((error: unknown) => {
            failed = { error, until: now() + TOKEN_FAILURE_COOL_DOWN_MS };
            throw error;
          })
          .finally(() => {
            inflight = undefined;
          });
        // Nobody may be left waiting (all aborted): the failure is kept, not reported unhandled.
        inflight.catch(() => {});
      }
      return wait(signal, deadline);
    },
    invalidate(token) {
      // Kept, due for renewal, rather than dropped: the renewal forgets it as a secret (else every
      // refused token stayed registered, and after a few hundred the client secret was evicted).
      if (cached?.token === token) cached.renewAt = Number.NEGATIVE_INFINITY;
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
