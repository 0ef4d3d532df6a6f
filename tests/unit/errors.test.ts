import { describe, expect, it } from 'vitest';
import { createClientWithRuntime } from '../../src/client.js';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  CivicPassError,
  ConflictError,
  createApiError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/errors.js';
import * as index from '../../src/index.js';
import { clientOptions, EVM_REF, fakeApi, fakeRuntime, passBody } from '../support/fake-api.js';

const init = (status: number) => ({
  status,
  operationId: 'getPass',
  method: 'GET',
  path: '/pass/{chain}/{chainNetwork}/{wallet}',
  body: undefined,
});

describe('one factory from status to class', () => {
  it.each([
    [400, BadRequestError, 'BAD_REQUEST'],
    [401, AuthenticationError, 'AUTHENTICATION'],
    [403, PermissionDeniedError, 'PERMISSION_DENIED'],
    [404, NotFoundError, 'NOT_FOUND'],
    [409, ConflictError, 'CONFLICT'],
    [422, UnprocessableEntityError, 'UNPROCESSABLE_ENTITY'],
    [429, RateLimitError, 'RATE_LIMIT'],
    [500, InternalServerError, 'INTERNAL_SERVER'],
    [503, InternalServerError, 'INTERNAL_SERVER'],
    [418, ApiError, 'API_ERROR'],
  ] as const)('%i → %o', (status, cls, code) => {
    const error = createApiError(init(status));
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(CivicPassError);
    expect(error.code).toBe(code);
    expect(error.name).toBe(cls.name);
    if (cls === ApiError) expect(error.constructor).toBe(ApiError);
  });

  it('exports every error class from the package entry', () => {
    for (const name of [
      'CivicPassError',
      'ApiError',
      'BadRequestError',
      'AuthenticationError',
      'PermissionDeniedError',
      'NotFoundError',
      'ConflictError',
      'UnprocessableEntityError',
      'RateLimitError',
      'InternalServerError',
      'ConnectionError',
      'TimeoutError',
      'TokenError',
      'InputError',
      'InvalidResponseError',
    ]) {
      const cls = (index as Record<string, unknown>)[name] as { prototype: unknown; name: string };
      expect(typeof cls).toBe('function');
      expect(cls.name).toBe(name);
      expect(Object.create(cls.prototype as object)).toBeInstanceOf(CivicPassError);
    }
  });
});

describe('ApiError from a real call', () => {
  it('carries status, operationId, method, path template, request id and parsed body; names them in the message', async () => {
    const api = fakeApi({
      api: () =>
        Response.json(
          { message: 'no such pass', error: 'not_found' },
          { status: 404, statusText: 'Not Found', headers: { 'x-amzn-requestid': 'req-42' } },
        ),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const error = (await civic.passes.get(EVM_REF).catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      operationId: 'getPass',
      method: 'GET',
      path: '/pass/{chain}/{chainNetwork}/{wallet}',
      requestId: 'req-42',
      body: { message: 'no such pass', error: 'not_found' },
    });
    expect(error.message).toBe(
      'getPass (GET /pass/{chain}/{chainNetwork}/{wallet}) failed with 404 Not Found: not_found: no such pass (request id req-42)',
    );
    expect(error.response).toBeInstanceOf(Response);
    expect(Object.keys(error)).not.toContain('response');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'NotFoundError',
      message: error.message,
      code: 'NOT_FOUND',
      status: 404,
      operationId: 'getPass',
      method: 'GET',
      path: '/pass/{chain}/{chainNetwork}/{wallet}',
      requestId: 'req-42',
      body: { message: 'no such pass', error: 'not_found' },
    });
  });

  it.each(['x-request-id', 'x-amzn-requestid', 'x-amz-cf-id'])(
    'reads the request id from %s',
    async (header) => {
      const api = fakeApi({
        api: () => new Response('boom', { status: 403, headers: { [header]: 'id-1' } }),
      });
      const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
      const error = (await civic.pii.get('abc').catch((e: unknown) => e)) as PermissionDeniedError;
      expect(error.requestId).toBe('id-1');
      expect(error.body).toBe('boom');
      expect(error.operationId).toBe('getPii');
    },
  );
});

describe('a success answer that is not JSON', () => {
  it.each([
    [
      'with Content-Length',
      () =>
        new Response('<html>proxy</html>', {
          status: 200,
          headers: { 'content-length': '18', 'content-type': 'text/html' },
        }),
    ],
    [
      'chunked',
      () =>
        new Response(new Blob(['<html>proxy</html>']).stream(), {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
    ],
  ])('is an InvalidResponseError, not a SyntaxError (%s)', async (_label, answer) => {
    const api = fakeApi({ api: answer });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const error = (await civic.passes
      .get(EVM_REF)
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(CivicPassError);
    expect(error).toMatchObject({
      code: 'INVALID_RESPONSE',
      status: 200,
      operationId: 'getPass',
      contentType: 'text/html',
    });
    expect(error.message).toMatch(
      /^getPass \(GET \/pass\/\{chain\}\/\{chainNetwork\}\/\{wallet\}\) answered 200 but its body is not valid JSON/,
    );
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(api.apiRequests()).toHaveLength(1); // not retried
  });

  it('is an InvalidResponseError through raw too', async () => {
    const api = fakeApi({ api: () => new Response('not json', { status: 200 }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const error = await civic.raw
      .GET('/piirequest/{scopeRequestId}', { params: { path: { scopeRequestId: 'abc' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ operationId: 'getPii', status: 200 });
  });

  it('is an InvalidResponseError when a pass is not an object', async () => {
    const api = fakeApi({ api: () => Response.json([1, 2]) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await expect(civic.passes.get(EVM_REF)).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('is ignored where the spec documents no body (revoke, approve)', async () => {
    const api = fakeApi({
      api: () => new Response('OK', { status: 200, headers: { 'content-type': 'text/plain' } }),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await expect(civic.passes.revoke(EVM_REF)).resolves.toBeUndefined();
    await expect(civic.pii.approve('abc')).resolves.toBeUndefined();
  });
});

describe('raw: the typed openapi-fetch client on the same transport', () => {
  it('returns error statuses as openapi-fetch does, after the same retry policy', async () => {
    const api = fakeApi({ api: () => Response.json({ message: 'down' }, { status: 503 }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const { data, error, response } = await civic.raw.GET('/pass/{chain}/{chainNetwork}/{wallet}', {
      params: { path: { chain: 'ethereum', chainNetwork: 'sepolia', wallet: EVM_REF.wallet } },
    });
    expect(data).toBeUndefined();
    expect(error).toEqual({ message: 'down' });
    expect(response.status).toBe(503);
    expect(api.apiRequests()).toHaveLength(3);
  });

  it('identifies issuePass from method and path, so raw issue is not retried on 503', async () => {
    const api = fakeApi({ api: () => new Response(null, { status: 503 }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await civic.raw.POST('/pass/{chain}/{chainNetwork}', {
      params: { path: { chain: 'ethereum', chainNetwork: 'sepolia' } },
      body: { walletAddress: EVM_REF.wallet },
    });
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('takes timeoutMs, attemptTimeoutMs and maxRetries in init', async () => {
    const api = fakeApi({ api: () => new Response(null, { status: 503 }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await civic.raw.POST('/pass', {
      body: { limit: 1, skip: 0 },
      maxRetries: 5,
      timeoutMs: 100_000,
      attemptTimeoutMs: 1000,
    });
    expect(api.apiRequests()).toHaveLength(6);
  });

  it('sends the token and the typed body, and parses the answer', async () => {
    const api = fakeApi({ api: () => Response.json({ records: [passBody()] }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const { data } = await civic.raw.POST('/pass', { body: { limit: 1, skip: 0 } });
    expect(data?.records[0]?.id).toBe('p1');
    const [request] = api.apiRequests();
    expect(request?.headers.get('authorization')).toBe('Bearer tok-1');
    expect(request?.body).toBe('{"limit":1,"skip":0}');
  });

  it('lets middleware registered on raw see the request body, and still sends it', async () => {
    const api = fakeApi({ api: () => Response.json(passBody(), { status: 202 }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const seenByMiddleware: string[] = [];
    const logger = {
      async onRequest({ request }: { request: Request }) {
        seenByMiddleware.push(await request.clone().text());
      },
    };
    civic.raw.use(logger);
    await civic.passes.issue(EVM_REF);
    civic.raw.eject(logger);
    await civic.passes.issue(EVM_REF);
    const body = JSON.stringify({ walletAddress: EVM_REF.wallet });
    expect(seenByMiddleware).toEqual([body]);
    expect(api.apiRequests().map((r) => r.body)).toEqual([body, body]);
  });

  it('hands raw callers a response they can still read (the body was read within the attempt)', async () => {
    const api = fakeApi({
      api: () => Response.json({ records: [] }, { headers: { 'x-request-id': 'r1' } }),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const { data, response } = await civic.raw.POST('/pass', { body: { limit: 1, skip: 0 } });
    expect(data).toEqual({ records: [] });
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(await response.text()).toBe('{"records":[]}');
    expect(await response.clone().json()).toEqual({ records: [] });
    expect(await new Response(response.body).text()).toBe('{"records":[]}');
  });

  it('passes a 204 through with no data', async () => {
    const api = fakeApi({ api: () => new Response(null, { status: 204 }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await expect(civic.pii.approve('abc')).resolves.toBeUndefined();
  });
});
