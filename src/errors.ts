/**
 * Every error the client throws. One base class, {@link CivicPassError}, with a stable string
 * `code`; HTTP answers become {@link ApiError} subclasses through one factory,
 * {@link createApiError}. No error ever holds the client secret or a token: they are never put
 * into a message, a field or a `cause`, and whatever a server echoed back (a message, a body, an
 * OAuth `error_description`) is passed through `redact.ts` first, so printing or serialising an
 * error is safe.
 */
import { redact, redactDeep } from './redact.js';
import { parseRetryAfter } from './retry.js';

/**
 * Response headers that carry the server's request id, tried in this order.
 *
 * @example
 * ```ts
 * REQUEST_ID_HEADERS.includes('x-amzn-requestid'); // true
 * ```
 */
export const REQUEST_ID_HEADERS = [
  'x-request-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-correlation-id',
  'x-amz-cf-id',
] as const;

/**
 * The stable `code` of each kind of failure, for logs and `switch` statements.
 *
 * @example
 * ```ts
 * if (err instanceof CivicPassError && err.code === 'MISSING_CREDENTIALS') console.error(err.message);
 * ```
 */
export type CivicPassErrorCode =
  | 'CIVIC_PASS_ERROR'
  | 'CLIENT_CLOSED'
  | 'UNREACHABLE_STATE'
  | 'CONFIGURATION'
  | 'MISSING_CREDENTIALS'
  | 'FOREIGN_ORIGIN'
  | 'INPUT'
  | 'CONNECTION'
  | 'TIMEOUT'
  | 'TOKEN'
  | 'INVALID_RESPONSE'
  | 'API_ERROR'
  | 'BAD_REQUEST'
  | 'AUTHENTICATION'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNPROCESSABLE_ENTITY'
  | 'RATE_LIMIT'
  | 'INTERNAL_SERVER'
  | 'RESPONSE_TOO_LARGE'
  | 'REDIRECT'
  | 'NO_PROGRESS';

/** Gives a class a stable, non-enumerable `name` that survives minification. */
function named(cls: { prototype: Error }, name: string): void {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true });
}

/** Copies the enumerable own fields of an error, which never include a secret. */
function ownFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(error))
    fields[key] = (error as unknown as Record<string, unknown>)[key];
  return fields;
}

/**
 * The base of every error thrown by the client. `code` says what kind of failure it is.
 *
 * @example
 * ```ts
 * try {
 *   await civic.passes.get(ref);
 * } catch (err) {
 *   if (err instanceof CivicPassError) console.error(err.code, err.message);
 * }
 * ```
 */
export class CivicPassError extends Error {
  /** What kind of failure this is; stable across versions. */
  readonly code: CivicPassErrorCode;

  constructor(message: string, options: { code?: CivicPassErrorCode; cause?: unknown } = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'CIVIC_PASS_ERROR';
  }

  /** What `JSON.stringify` shows: name, code, message and the public fields, never a `cause`. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...ownFields(this) };
  }
}
named(CivicPassError, 'CivicPassError');

/**
 * What {@link createApiError} needs to know about a failed answer.
 *
 * @example
 * ```ts
 * const init: ApiErrorInit = { status: 404, operationId: 'getPii', method: 'GET', path: '/piirequest/{scopeRequestId}', body: undefined };
 * ```
 */
export interface ApiErrorInit {
  /** The HTTP status of the answer. */
  status: number;
  /** The spec's operationId, or `undefined` for a path the spec does not describe. */
  operationId: string | undefined;
  /** The HTTP method. */
  method: string;
  /** The path template of the operation (e.g. `/pass/{chain}/{chainNetwork}/{wallet}`), or the path sent. */
  path: string;
  /** The parsed JSON body of the answer, or its text when it is not JSON. */
  body: unknown;
  /** The answer itself; kept non-enumerable so that it stays out of logs. */
  response?: Response;
}

/**
 * The server's request id, when the answer carries one of {@link REQUEST_ID_HEADERS}; redacted,
 * as a server may echo anything there, the token included.
 *
 * @example
 * ```ts
 * requestIdOf(new Response(null, { headers: { 'x-request-id': 'r1' } })); // 'r1'
 * ```
 */
export function requestIdOf(response: Response | undefined): string | undefined {
  if (!response) return undefined;
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    if (value) return redact(value);
  }
  return undefined;
}

/**
 * A short human explanation out of an error body: its `error`, `message` and
 * `error_description`, or the text itself; `''` when it has none. (Any other value, a number or
 * an array, has none of those fields, so it needs no test of its own.)
 */
function detailOf(body: unknown): string {
  let text: string;
  if (typeof body === 'string') text = body.trim();
  else {
    const record = body as
      | Partial<Record<'error' | 'message' | 'error_description', unknown>>
      | null
      | undefined;
    text = [record?.error, record?.message, record?.error_description]
      .filter((part): part is string => typeof part === 'string' && part.length > 0)
      .join(': ');
  }
  // Masked before it is cut, so that no part of a secret survives at the cut.
  text = redact(text);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Names an operation the same way in every message.
 *
 * @example
 * ```ts
 * describeOperation('getPii', 'GET', '/piirequest/{scopeRequestId}'); // 'getPii (GET /piirequest/{scopeRequestId})'
 * ```
 */
export function describeOperation(
  operationId: string | undefined,
  method: string,
  path: string,
): string {
  return operationId ? `${operationId} (${method} ${path})` : `${method} ${path}`;
}

/**
 * The API answered with a status that is not a success. Subclasses name the common statuses;
 * {@link createApiError} picks the class.
 *
 * @example
 * ```ts
 * catch (err) {
 *   if (err instanceof ApiError) console.error(err.status, err.operationId, err.requestId, err.body);
 * }
 * ```
 */
export class ApiError extends CivicPassError {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The spec's operationId (`getPass`, `issuePass`, ...), when the path is one of the spec's. */
  readonly operationId: string | undefined;
  /** The HTTP method. */
  readonly method: string;
  /** The operation's path template, e.g. `/pass/{chain}/{chainNetwork}/{wallet}`. */
  readonly path: string;
  /** The server's request id, for a support ticket, when the answer carried one. */
  readonly requestId: string | undefined;
  /** The answer's body: parsed JSON, or text when it was not JSON. */
  readonly body: unknown;
  /** The raw answer (its body already read); non-enumerable, so it stays out of logs. */
  declare readonly response: Response | undefined;

  constructor(
    init: ApiErrorInit,
    code: CivicPassErrorCode = 'API_ERROR',
    message: string = defaultApiMessage(init),
  ) {
    super(message, { code });
    this.status = init.status;
    this.operationId = init.operationId;
    this.method = init.method;
    this.path = init.path;
    this.requestId = requestIdOf(init.response);
    this.body = redactDeep(init.body);
    Object.defineProperty(this, 'response', { value: init.response, enumerable: false });
  }
}
named(ApiError, 'ApiError');

function defaultApiMessage(init: ApiErrorInit): string {
  const what = describeOperation(init.operationId, init.method, init.path);
  const statusText = init.response?.statusText ? ` ${init.response.statusText}` : '';
  const detail = detailOf(init.body);
  const requestId = requestIdOf(init.response);
  return (
    `${what} failed with ${init.status}${statusText}` +
    (detail ? `: ${detail}` : '') +
    (isRouteNotFound(init) ? ` (${ROUTE_NOT_FOUND_HINT})` : '') +
    (requestId ? ` (request id ${requestId})` : '')
  );
}

/** What a 404 with code `ROUTE_NOT_FOUND` means for the user: their `baseUrl` is wrong. */
const ROUTE_NOT_FOUND_HINT =
  'the server has no such route: check baseUrl (CIVIC_API_BASE_URL); the API lives under /partner, e.g. https://api.civic.com/partner';

/**
 * True for a 404 whose error body says the path matches no route of the API (code
 * `ROUTE_NOT_FOUND`): the base URL is wrong, not the chain, network or wallet.
 *
 * @example
 * ```ts
 * isRouteNotFound({ status: 404, body: { code: 'ROUTE_NOT_FOUND', message: 'no route' } }); // true
 * ```
 */
export function isRouteNotFound(init: { status: number; body: unknown }): boolean {
  if (init.status !== 404 || init.body === null || typeof init.body !== 'object') return false;
  return (init.body as { code?: unknown }).code === 'ROUTE_NOT_FOUND';
}

/** 400: the API refused the request, for example a wallet it does not accept. */
export class BadRequestError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'BAD_REQUEST');
  }
}
named(BadRequestError, 'BadRequestError');

/**
 * 401: the API refused the token, even after the client renewed it once.
 * Check the client id and secret, and the `audience`.
 */
export class AuthenticationError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'AUTHENTICATION');
  }
}
named(AuthenticationError, 'AuthenticationError');

/** 403: the token is valid but lacks a scope this operation needs. */
export class PermissionDeniedError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'PERMISSION_DENIED');
  }
}
named(PermissionDeniedError, 'PermissionDeniedError');

/** 404: nothing there, e.g. no pass issued to this wallet on this chain and network. */
export class NotFoundError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'NOT_FOUND');
  }
}
named(NotFoundError, 'NotFoundError');

/** 409: the request conflicts with the current state. */
export class ConflictError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'CONFLICT');
  }
}
named(ConflictError, 'ConflictError');

/** 422: the request was well-formed but breaks a rule of the API. */
export class UnprocessableEntityError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'UNPROCESSABLE_ENTITY');
  }
}
named(UnprocessableEntityError, 'UnprocessableEntityError');

/**
 * 429: too many requests, still refused after the retries the policy allows, or with a
 * `Retry-After` longer than what was left of the call's deadline (`retryAfterMs` says how long
 * the server asked to wait).
 */
export class RateLimitError extends ApiError {
  /** The server's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init, 'RATE_LIMIT');
    this.retryAfterMs = parseRetryAfter(
      init.response?.headers.get('retry-after') ?? null,
      Date.now(),
    );
  }
}
named(RateLimitError, 'RateLimitError');

/** 5xx: the server failed, still after the retries the policy allows. */
export class InternalServerError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'INTERNAL_SERVER');
  }
}
named(InternalServerError, 'InternalServerError');

/**
 * The one factory from an HTTP status to its error class.
 *
 * @example
 * ```ts
 * const { data, error, response } = await civic.raw.GET('/piirequest/{scopeRequestId}', { params });
 * if (error !== undefined || !response.ok) {
 *   throw createApiError({ status: response.status, operationId: 'getPii', method: 'GET',
 *     path: '/piirequest/{scopeRequestId}', body: error, response });
 * }
 * ```
 */
export function createApiError(init: ApiErrorInit): ApiError {
  const { status } = init;
  if (status === 400) return new BadRequestError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 422) return new UnprocessableEntityError(init);
  if (status === 429) return new RateLimitError(init);
  if (status >= 500) return new InternalServerError(init);
  return new ApiError(init);
}

/**
 * Where a request was going when it failed without an answer.
 *
 * @example
 * ```ts
 * const target: RequestTarget = { operationId: 'listPass', method: 'POST', path: '/pass' };
 * ```
 */
export interface RequestTarget {
  /** The spec's operationId, when known (the token request has none). */
  operationId?: string | undefined;
  /** The HTTP method. */
  method?: string | undefined;
  /** The operation's path template, or the URL for the token endpoint. */
  path?: string | undefined;
}

/**
 * The request got no answer: DNS failure, refused or reset connection, TLS failure. `refused` is
 * `true` when the connection was refused, so the server cannot have seen the request.
 *
 * @example
 * ```ts
 * catch (err) {
 *   if (err instanceof ConnectionError) console.error('network trouble:', err.message, err.cause);
 * }
 * ```
 */
export class ConnectionError extends CivicPassError {
  /** The spec's operationId, or `undefined` for the token request. */
  readonly operationId: string | undefined;
  /** The HTTP method. */
  readonly method: string | undefined;
  /** The operation's path template, or the token endpoint's URL. */
  readonly path: string | undefined;
  /** The connection was refused: the server never received the request. */
  readonly refused: boolean;

  constructor(message: string, target: RequestTarget, options: { cause?: unknown } = {}) {
    super(message, { code: 'CONNECTION', cause: options.cause });
    this.operationId = target.operationId;
    this.method = target.method;
    this.path = target.path;
    this.refused = isConnectionRefused(options.cause);
  }
}
named(ConnectionError, 'ConnectionError');

/**
 * True for undici's "connection refused" (`cause.code === 'ECONNREFUSED'`), also when aggregated.
 *
 * @example
 * ```ts
 * isConnectionRefused(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })); // true
 * ```
 */
export function isConnectionRefused(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, errors, cause } = error as { code?: unknown; errors?: unknown; cause?: unknown };
  if (code === 'ECONNREFUSED') return true;
  if (Array.isArray(errors) && errors.length > 0) return errors.every(isConnectionRefused);
  // An absent cause is not refused: `isConnectionRefused(undefined)` is false.
  return cause !== error && isConnectionRefused(cause);
}

/**
 * A deadline ran out: an attempt's (`attemptTimeoutMs`, 20 s unless set) or the whole call's
 * (`timeoutMs`, 60 s unless set). For operations that may be repeated, the client has already
 * retried as its policy allows while time was left.
 *
 * @example
 * ```ts
 * await civic.passes.get(ref, { timeoutMs: 5_000 }).catch((err) => {
 *   if (err instanceof TimeoutError) console.error(`no answer within ${err.timeoutMs} ms`);
 * });
 * ```
 */
export class TimeoutError extends CivicPassError {
  /** The spec's operationId, or `undefined` for the token request. */
  readonly operationId: string | undefined;
  /** The HTTP method. */
  readonly method: string | undefined;
  /** The operation's path template, or the token endpoint's URL. */
  readonly path: string | undefined;
  /** The deadline that passed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(message: string, target: RequestTarget, timeoutMs: number) {
    super(message, { code: 'TIMEOUT' });
    this.operationId = target.operationId;
    this.method = target.method;
    this.path = target.path;
    this.timeoutMs = timeoutMs;
  }
}
named(TimeoutError, 'TimeoutError');

/**
 * What a {@link TokenError} knows about the token endpoint's answer.
 *
 * @example
 * ```ts
 * new TokenError('refused', { error: 'invalid_client', status: 401 });
 * ```
 */
export interface TokenErrorInit {
  /** The OAuth `error` code, e.g. `invalid_client` or `access_denied`. */
  error?: string | undefined;
  /** The OAuth `error_description`, when the endpoint gave one. */
  error_description?: string | undefined;
  /** The HTTP status of the token endpoint's answer, when there was one. */
  status?: number | undefined;
}

/**
 * The token endpoint refused to give a token, or gave an answer that is not a token. Carries the
 * OAuth `error` and `error_description`, and the HTTP status. (A token endpoint that cannot be
 * reached is a {@link ConnectionError} or a {@link TimeoutError}, like any other network failure.)
 *
 * @example
 * ```ts
 * catch (err) {
 *   if (err instanceof TokenError && err.error === 'access_denied') console.error('check CIVIC_CLIENT_SECRET');
 * }
 * ```
 */
export class TokenError extends CivicPassError {
  /** The OAuth `error` code, e.g. `invalid_client` or `access_denied`. */
  readonly error: string | undefined;
  /** The OAuth `error_description`, when the endpoint gave one. */
  readonly error_description: string | undefined;
  /** The HTTP status of the token endpoint's answer, when there was one. */
  readonly status: number | undefined;

  constructor(message: string, init: TokenErrorInit = {}) {
    super(message, { code: 'TOKEN' });
    this.error = init.error === undefined ? undefined : redact(init.error);
    this.error_description =
      init.error_description === undefined ? undefined : redact(init.error_description);
    this.status = init.status;
  }
}
named(TokenError, 'TokenError');

/**
 * An argument is wrong, caught before anything was sent. `field` names it; the message says
 * what was given and what is allowed.
 *
 * @example
 * ```ts
 * catch (err) {
 *   if (err instanceof InputError) console.error(err.field, err.message);
 *   // chainNetwork "sepolia" is an ethereum network; solana takes mainnet-beta or devnet
 * }
 * ```
 */
export class InputError extends CivicPassError {
  /** The argument at fault, e.g. `chainNetwork` or `filter.state`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message, { code: 'INPUT' });
    this.field = field;
  }
}
named(InputError, 'InputError');

/**
 * The API answered with a success status but a body the client cannot use: not JSON, or not
 * the shape the operation promises (for instance a list without `records`).
 *
 * @example
 * ```ts
 * catch (err) {
 *   if (err instanceof InvalidResponseError) console.error(err.status, err.contentType, err.message);
 * }
 * ```
 */
export class InvalidResponseError extends CivicPassError {
  /** The HTTP status of the answer. */
  readonly status: number | undefined;
  /** The spec's operationId, when known. */
  readonly operationId: string | undefined;
  /** The HTTP method. */
  readonly method: string;
  /** The operation's path template. */
  readonly path: string;
  /** The answer's `Content-Type`. */
  readonly contentType: string | undefined;
  /** The server's request id, when the answer carried one. */
  readonly requestId: string | undefined;
  /** The raw answer; non-enumerable, so it stays out of logs. */
  declare readonly response: Response | undefined;

  constructor(
    problem: string,
    init: { operationId: string | undefined; method: string; path: string; response?: Response },
    options: { cause?: unknown; code?: 'INVALID_RESPONSE' | 'RESPONSE_TOO_LARGE' } = {},
  ) {
    const { response } = init;
    const what = describeOperation(init.operationId, init.method, init.path);
    const requestId = requestIdOf(response);
    super(
      `${what} answered ${response?.status ?? 'successfully'} but ${problem}` +
        (requestId ? ` (request id ${requestId})` : ''),
      { code: options.code ?? 'INVALID_RESPONSE', cause: options.cause },
    );
    this.status = response?.status;
    this.operationId = init.operationId;
    this.method = init.method;
    this.path = init.path;
    const contentType = response?.headers.get('content-type');
    this.contentType = contentType ? redact(contentType) : undefined;
    this.requestId = requestId;
    Object.defineProperty(this, 'response', { value: response, enumerable: false });
  }
}
named(InvalidResponseError, 'InvalidResponseError');

/**
 * A bad option of `createCivicPassClient`, refused when the client is created, before anything
 * is sent. `option` names it; the message says what was given and what is allowed.
 *
 * @example
 * ```ts
 * try {
 *   createCivicPassClient({ timeoutMs: 2 ** 31 });
 * } catch (err) {
 *   if (err instanceof ConfigurationError) console.error(err.option); // 'timeoutMs'
 * }
 * ```
 */
export class ConfigurationError extends CivicPassError {
  /** The option at fault, e.g. `baseUrl`, `timeoutMs` or `headers`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message, { code: 'CONFIGURATION' });
    this.option = option;
  }
}
named(ConfigurationError, 'ConfigurationError');

/**
 * The refusal of a call on a client whose `close()` was called (code `CLIENT_CLOSED`): nothing
 * is sent.
 *
 * @example
 * ```ts
 * if (closed) throw clientClosedError();
 * ```
 */
export function clientClosedError(): CivicPassError {
  return new CivicPassError('the client was closed (close() was called): create a new client', {
    code: 'CLIENT_CLOSED',
  });
}
