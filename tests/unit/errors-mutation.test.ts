import { describe, expect, it } from 'vitest';
import {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  CivicPassError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  clientClosedError,
  createApiError,
  describeOperation,
  InputError,
  InternalServerError,
  InvalidResponseError,
  isConnectionRefused,
  isRouteNotFound,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  REQUEST_ID_HEADERS,
  requestIdOf,
  TimeoutError,
  TokenError,
  UnprocessableEntityError,
} from '../../src/errors.js';
import { registerToken } from '../../src/redact.js';

// Pins what a user of the errors reads and branches on: every class's name, code and fields, the
// exact default messages of an API error (status text, detail out of the body, the
// route-not-found hint, the request id), and that what an error shows has passed redaction.

const HINT =
  'the server has no such route: check baseUrl (CIVIC_API_BASE_URL); the API lives under /partner, e.g. https://api.civic.com/partner';

const target = {
  operationId: 'getPass',
  method: 'GET',
  path: '/pass/{chain}/{chainNetwork}/{wallet}',
};
const WHAT = 'getPass (GET /pass/{chain}/{chainNetwork}/{wallet})';

function init(status: number, body: unknown, response?: Response): ApiErrorInit {
  return response === undefined
    ? { status, ...target, body }
    : { status, ...target, body, response };
}

const answer = (status: number, headers: Record<string, string> = {}, statusText = '') =>
  new Response(null, { status, statusText, headers });

describe('the names of the classes', () => {
  it.each([
    [CivicPassError, 'CivicPassError'],
    [ApiError, 'ApiError'],
    [BadRequestError, 'BadRequestError'],
    [AuthenticationError, 'AuthenticationError'],
    [PermissionDeniedError, 'PermissionDeniedError'],
    [NotFoundError, 'NotFoundError'],
    [ConflictError, 'ConflictError'],
    [UnprocessableEntityError, 'UnprocessableEntityError'],
    [RateLimitError, 'RateLimitError'],
    [InternalServerError, 'InternalServerError'],
    [ConnectionError, 'ConnectionError'],
    [TimeoutError, 'TimeoutError'],
    [TokenError, 'TokenError'],
    [InputError, 'InputError'],
    [InvalidResponseError, 'InvalidResponseError'],
    [ConfigurationError, 'ConfigurationError'],
  ] as const)('%o is named on its prototype, writable and not enumerable', (cls, name) => {
    expect(Object.getOwnPropertyDescriptor(cls.prototype, 'name')).toEqual({
      value: name,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  });

  it('lets a caller rename one error without touching the class', () => {
    const error = new CivicPassError('m');
    error.name = 'Renamed';
    expect(error.name).toBe('Renamed');
    expect(new CivicPassError('m').name).toBe('CivicPassError');
  });
});

describe('CivicPassError', () => {
  it('defaults its code, keeps a cause only when given, and masks its message', () => {
    const plain = new CivicPassError('see https://me:pa55word@host/x');
    expect(plain.code).toBe('CIVIC_PASS_ERROR');
    expect(plain.message).toBe('see https://me:[redacted]@host/x');
    expect(Object.hasOwn(plain, 'cause')).toBe(false);
    const cause = new Error('under');
    const caused = new CivicPassError('m', { code: 'CLIENT_CLOSED', cause });
    expect(caused.cause).toBe(cause);
    expect(caused.code).toBe('CLIENT_CLOSED');
    expect(Object.hasOwn(new CivicPassError('m', { cause: undefined }), 'cause')).toBe(false);
  });

  it('shows its name, message and own fields in JSON, and nothing else', () => {
    const error = new CivicPassError('m', { cause: new Error('hidden') });
    expect(error.toJSON()).toEqual({
      name: 'CivicPassError',
      message: 'm',
      code: 'CIVIC_PASS_ERROR',
    });
    expect(JSON.parse(JSON.stringify(new InputError('limit', 'too big')))).toEqual({
      name: 'InputError',
      message: 'too big',
      code: 'INPUT',
      field: 'limit',
    });
  });

  it('is what clientClosedError() returns', () => {
    const error = clientClosedError();
    expect(error).toBeInstanceOf(CivicPassError);
    expect(error.code).toBe('CLIENT_CLOSED');
    expect(error.message).toBe('the client was closed (close() was called): create a new client');
  });
});

describe('the request id', () => {
  it('is read from each header it may come in, in order', () => {
    expect(REQUEST_ID_HEADERS).toEqual([
      'x-request-id',
      'x-amzn-requestid',
      'x-amz-request-id',
      'x-correlation-id',
      'x-amz-cf-id',
    ]);
    for (const header of REQUEST_ID_HEADERS) {
      expect(requestIdOf(answer(500, { [header]: `id-${header}` }))).toBe(`id-${header}`);
    }
    expect(
      requestIdOf(answer(500, { 'x-correlation-id': 'second', 'x-amz-request-id': 'first' })),
    ).toBe('first');
  });

  it('skips an empty header and is undefined when there is none or no answer', () => {
    expect(requestIdOf(answer(500, { 'x-request-id': '', 'x-amz-cf-id': 'cf' }))).toBe('cf');
    expect(requestIdOf(answer(500))).toBeUndefined();
    expect(requestIdOf(undefined)).toBeUndefined();
  });

  it('is masked, like the content type, when a server echoes a secret in them', () => {
    registerToken('echoed-bearer-token');
    const echoed = answer(200, {
      'x-request-id': 'req-echoed-bearer-token',
      'content-type': 'text/plain; t=echoed-bearer-token',
    });
    expect(requestIdOf(echoed)).toBe('req-[redacted]');
    const error = new InvalidResponseError('is not JSON', { ...target, response: echoed });
    expect(error.requestId).toBe('req-[redacted]');
    expect(error.contentType).toBe('text/plain; t=[redacted]');
    expect(JSON.stringify(error)).not.toContain('echoed-bearer-token');
  });
});

describe('describeOperation', () => {
  it('names the operation when there is one, else method and path', () => {
    expect(describeOperation('getPii', 'GET', '/piirequest/{id}')).toBe(
      'getPii (GET /piirequest/{id})',
    );
    expect(describeOperation(undefined, 'POST', '/other')).toBe('POST /other');
    expect(describeOperation('', 'POST', '/other')).toBe('POST /other');
  });
});

describe('the default message of an API error', () => {
  it('is the status alone without an answer or a body', () => {
    const error = createApiError(init(500, undefined));
    expect(error.message).toBe(`${WHAT} failed with 500`);
    expect(error.requestId).toBeUndefined();
    expect(error.response).toBeUndefined();
    expect(
      createApiError({ status: 418, operationId: undefined, method: 'PUT', path: '/x', body: null })
        .message,
    ).toBe('PUT /x failed with 418');
  });

  it('adds the status text, but no blank for an empty one', () => {
    expect(
      createApiError(init(503, undefined, answer(503, {}, 'Service Unavailable'))).message,
    ).toBe(`${WHAT} failed with 503 Service Unavailable`);
    expect(createApiError(init(503, undefined, answer(503))).message).toBe(
      `${WHAT} failed with 503`,
    );
  });

  it('adds the trimmed text of a body that is not JSON', () => {
    const error = createApiError(init(502, '  \n bad gateway \t', answer(502)));
    expect(error.message).toBe(`${WHAT} failed with 502: bad gateway`);
    expect(error.body).toBe('  \n bad gateway \t');
    expect(createApiError(init(502, '   ')).message).toBe(`${WHAT} failed with 502`);
  });

  it('joins error, message and error_description, skipping empty and non-text ones', () => {
    expect(
      createApiError(
        init(400, {
          error: 'invalid_request',
          message: 'bad wallet',
          error_description: 'see docs',
        }),
      ).message,
    ).toBe(`${WHAT} failed with 400: invalid_request: bad wallet: see docs`);
    expect(createApiError(init(400, { error: '', message: 'only this' })).message).toBe(
      `${WHAT} failed with 400: only this`,
    );
    expect(
      createApiError(init(400, { error: ['a', 'b'], message: 7, error_description: 'why' }))
        .message,
    ).toBe(`${WHAT} failed with 400: why`);
    expect(createApiError(init(400, { code: 'X', detail: 'other fields' })).message).toBe(
      `${WHAT} failed with 400`,
    );
  });

  it('has no detail for a body that is null, a number or an array', () => {
    for (const body of [null, 0, 42, true, ['message']]) {
      expect(createApiError(init(400, body)).message).toBe(`${WHAT} failed with 400`);
    }
  });

  it('cuts the detail at 200 characters, after masking', () => {
    const exact = 'd'.repeat(200);
    expect(createApiError(init(400, exact)).message).toBe(`${WHAT} failed with 400: ${exact}`);
    expect(createApiError(init(400, `${exact}tail`)).message).toBe(
      `${WHAT} failed with 400: ${exact}…`,
    );
    // The password sits across the cut: masked first, nothing of it is left.
    const url = `${'x'.repeat(183)} https://me:${'p'.repeat(30)}@host`;
    const message = createApiError(init(400, { message: url })).message;
    expect(message).not.toContain('ppp');
    expect(message).toBe(`${WHAT} failed with 400: ${'x'.repeat(183)} https://me:[reda…`);
  });

  it('adds the route-not-found hint only to a 404 whose body says ROUTE_NOT_FOUND', () => {
    const body = { code: 'ROUTE_NOT_FOUND', message: 'Route GET:/pass not found' };
    expect(
      createApiError(init(404, body, answer(404, { 'x-request-id': 'r-9' }, 'Not Found'))).message,
    ).toBe(
      `${WHAT} failed with 404 Not Found: Route GET:/pass not found (${HINT}) (request id r-9)`,
    );
    expect(createApiError(init(400, body)).message).toBe(
      `${WHAT} failed with 400: Route GET:/pass not found`,
    );
    expect(createApiError(init(404, { code: 'NOT_FOUND', message: 'no pass' })).message).toBe(
      `${WHAT} failed with 404: no pass`,
    );
  });

  it('ends with the request id', () => {
    expect(
      createApiError(init(409, { message: 'taken' }, answer(409, { 'x-amz-cf-id': 'cf-1' })))
        .message,
    ).toBe(`${WHAT} failed with 409: taken (request id cf-1)`);
  });

  it('is replaced by a message the caller gives', () => {
    expect(new ApiError(init(418, { message: 'x' }), 'API_ERROR', 'my words').message).toBe(
      'my words',
    );
  });
});

describe('isRouteNotFound', () => {
  it('is true only for a 404 with an object body whose code is ROUTE_NOT_FOUND', () => {
    expect(isRouteNotFound({ status: 404, body: { code: 'ROUTE_NOT_FOUND' } })).toBe(true);
    expect(isRouteNotFound({ status: 400, body: { code: 'ROUTE_NOT_FOUND' } })).toBe(false);
    expect(isRouteNotFound({ status: 404, body: { code: 'NOT_FOUND' } })).toBe(false);
    expect(isRouteNotFound({ status: 404, body: null })).toBe(false);
    expect(isRouteNotFound({ status: 404, body: undefined })).toBe(false);
    expect(isRouteNotFound({ status: 404, body: 'ROUTE_NOT_FOUND' })).toBe(false);
  });
});

describe('the fields of an API error', () => {
  it('keeps the answer out of its keys and its JSON, and masks the body', () => {
    const response = answer(422, { 'x-amzn-requestid': 'amzn-1' }, 'Unprocessable');
    const error = createApiError(
      init(
        422,
        { message: 'no', echo: 'https://me:pa55word@host', 'https://u:k3y@h': 1 },
        response,
      ),
    );
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.response).toBe(response);
    expect(Object.keys(error)).toEqual([
      'code',
      'status',
      'operationId',
      'method',
      'path',
      'requestId',
      'body',
    ]);
    expect(error.toJSON()).toEqual({
      name: 'UnprocessableEntityError',
      message: `${WHAT} failed with 422 Unprocessable: no (request id amzn-1)`,
      code: 'UNPROCESSABLE_ENTITY',
      status: 422,
      ...target,
      requestId: 'amzn-1',
      body: { message: 'no', echo: 'https://me:[redacted]@host', 'https://u:[redacted]@h': 1 },
    });
  });

  it.each([
    [400, 'BAD_REQUEST'],
    [401, 'AUTHENTICATION'],
    [403, 'PERMISSION_DENIED'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [422, 'UNPROCESSABLE_ENTITY'],
    [429, 'RATE_LIMIT'],
    [499, 'API_ERROR'],
    [500, 'INTERNAL_SERVER'],
    [599, 'INTERNAL_SERVER'],
    [302, 'API_ERROR'],
  ] as const)('a %i has code %s', (status, code) => {
    expect(createApiError(init(status, undefined)).code).toBe(code);
  });
});

describe('RateLimitError', () => {
  it('reads Retry-After in seconds, and has none without the header or an answer', () => {
    expect(
      (createApiError(init(429, undefined, answer(429, { 'retry-after': '7' }))) as RateLimitError)
        .retryAfterMs,
    ).toBe(7000);
    expect(
      (createApiError(init(429, undefined, answer(429))) as RateLimitError).retryAfterMs,
    ).toBeUndefined();
    const bare = createApiError(init(429, undefined)) as RateLimitError;
    expect(bare.retryAfterMs).toBeUndefined();
    expect(bare.toJSON()).toHaveProperty('retryAfterMs', undefined);
  });

  it('reads an HTTP date against the clock', () => {
    const date = new Date(Date.now() + 3_600_000).toUTCString();
    const error = createApiError(
      init(429, undefined, answer(429, { 'retry-after': date })),
    ) as RateLimitError;
    expect(error.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(3_600_000);
  });
});

describe('the errors without an answer', () => {
  it('ConnectionError keeps its target and cause, and says whether the connection was refused', () => {
    const cause = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    const error = new ConnectionError('no route to https://me:pa55word@host', {}, { cause });
    expect(error).toMatchObject({
      code: 'CONNECTION',
      operationId: undefined,
      method: undefined,
      path: undefined,
      refused: true,
      message: 'no route to https://me:[redacted]@host',
    });
    expect(error.cause).toBe(cause);
    expect(Object.hasOwn(new ConnectionError('m', target), 'cause')).toBe(false);
    expect(new ConnectionError('m', target).toJSON()).toEqual({
      name: 'ConnectionError',
      message: 'm',
      code: 'CONNECTION',
      ...target,
      refused: false,
    });
  });

  it('TimeoutError keeps its target and deadline', () => {
    expect(new TimeoutError('late', target, 250).toJSON()).toEqual({
      name: 'TimeoutError',
      message: 'late',
      code: 'TIMEOUT',
      ...target,
      timeoutMs: 250,
    });
    expect(Object.hasOwn(new TimeoutError('late', target, 1), 'cause')).toBe(false);
  });

  it('TokenError masks what the endpoint said, and keeps what it did not say undefined', () => {
    const error = new TokenError('refused', {
      error: 'bad https://me:pa55word@host',
      error_description: 'echo https://u:k3y@h/x',
      status: 401,
    });
    expect(error.toJSON()).toEqual({
      name: 'TokenError',
      message: 'refused',
      code: 'TOKEN',
      error: 'bad https://me:[redacted]@host',
      error_description: 'echo https://u:[redacted]@h/x',
      status: 401,
    });
    expect(new TokenError('m', { error: 'invalid_client' })).toMatchObject({
      error: 'invalid_client',
      error_description: undefined,
      status: undefined,
    });
    expect(new TokenError('m', { error_description: 'why' })).toMatchObject({
      error: undefined,
      error_description: 'why',
    });
  });

  it('ConfigurationError names its option', () => {
    expect(new ConfigurationError('timeoutMs', 'too long').toJSON()).toEqual({
      name: 'ConfigurationError',
      message: 'too long',
      code: 'CONFIGURATION',
      option: 'timeoutMs',
    });
  });
});

describe('InvalidResponseError', () => {
  it('names the answer, and keeps its raw Response out of its keys', () => {
    const response = new Response('{}', { status: 201, headers: { 'x-correlation-id': 'c-1' } });
    const cause = new SyntaxError('bad');
    const error = new InvalidResponseError(
      'its body has no records',
      { operationId: undefined, method: 'POST', path: '/pass', response },
      { cause },
    );
    expect(error.message).toBe(
      'POST /pass answered 201 but its body has no records (request id c-1)',
    );
    expect(error.cause).toBe(cause);
    expect(error.response).toBe(response);
    expect(error.toJSON()).toEqual({
      name: 'InvalidResponseError',
      message: error.message,
      code: 'INVALID_RESPONSE',
      status: 201,
      operationId: undefined,
      method: 'POST',
      path: '/pass',
      contentType: 'text/plain;charset=UTF-8',
      requestId: 'c-1',
    });
  });

  it('has no content type when the answer names none, and no cause unless given', () => {
    const response = new Response(null, { status: 200 });
    const error = new InvalidResponseError('x', { ...target, response });
    expect(error.contentType).toBeUndefined();
    expect(error.requestId).toBeUndefined();
    expect(Object.hasOwn(error, 'cause')).toBe(false);
    expect(error.message).toBe(`${WHAT} answered 200 but x`);
  });
});

describe('isConnectionRefused', () => {
  it('looks at objects only', () => {
    const thrown = Object.assign(() => undefined, { code: 'ECONNREFUSED' });
    expect(isConnectionRefused(thrown)).toBe(false);
    expect(isConnectionRefused(undefined)).toBe(false);
    expect(isConnectionRefused({ code: 'ECONNRESET' })).toBe(false);
  });

  it('follows a cause inside an aggregate, and a cause beside an empty list', () => {
    const refused = { code: 'ECONNREFUSED' };
    expect(isConnectionRefused({ errors: [{ cause: refused }, refused] })).toBe(true);
    expect(isConnectionRefused({ errors: [], cause: refused })).toBe(true);
    expect(isConnectionRefused({ errors: 'ECONNREFUSED', cause: refused })).toBe(true);
  });
});
