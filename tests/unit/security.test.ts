import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createCivicPassClient, createClientWithRuntime } from '../../src/client.js';
import { CivicPassError, ConnectionError, TokenError } from '../../src/errors.js';
import {
  BASE_URL,
  CLIENT_SECRET,
  clientOptions,
  connectionError,
  EVM_REF,
  fakeApi,
  fakeRuntime,
  hang,
} from '../support/fake-api.js';
import { closedPort, scriptedServer, tokenAnswer } from '../support/scripted-server.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.super-secret-access-token.sig';

/** Every way an error or object can end up in a log. */
function printed(value: unknown): string {
  const parts = [
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(value) ?? '',
    String(value),
  ];
  if (value instanceof Error) parts.push(value.message, value.stack ?? '');
  return parts.join('\n');
}

function expectClean(value: unknown) {
  const text = printed(value);
  expect(text).not.toContain(CLIENT_SECRET);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain('super-secret-access-token');
}

const tokenOk = () =>
  Response.json({ access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 });

describe('the secret and the token are never printed', () => {
  it.each([
    [
      'API 401 twice',
      { token: tokenOk, api: () => Response.json({ message: 'bad' }, { status: 401 }) },
    ],
    ['API 500', { token: tokenOk, api: () => Response.json({ message: 'boom' }, { status: 500 }) }],
    ['API not JSON', { token: tokenOk, api: () => new Response('<html>', { status: 200 }) }],
    ['API unreachable', { token: tokenOk, api: () => connectionError('ECONNREFUSED') }],
    [
      'API too slow',
      { token: tokenOk, api: (r: { signal: AbortSignal | undefined }) => hang(r.signal) },
    ],
    [
      'token refused',
      {
        token: () =>
          Response.json(
            { error: 'invalid_client', error_description: 'Bad secret' },
            { status: 401 },
          ),
      },
    ],
    [
      'token answer without token_type (oauth4webapi keeps the body as cause)',
      { token: () => Response.json({ access_token: TOKEN, expires_in: 3600 }) },
    ],
    [
      'token unusable in a header',
      { token: () => Response.json({ access_token: `${TOKEN} \n`, token_type: 'Bearer' }) },
    ],
    [
      'token endpoint 500',
      {
        token: () => new Response('oops', { status: 500 }),
      },
    ],
    ['token endpoint unreachable', { token: () => connectionError('ENOTFOUND') }],
  ] as const)('in the error of: %s', async (_label, handlers) => {
    const api = fakeApi(handlers as Parameters<typeof fakeApi>[0]);
    const civic = createClientWithRuntime(
      clientOptions(api.fetch, { timeoutMs: 20, maxRetries: 0 }),
      fakeRuntime().runtime,
    );
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivicPassError);
    expectClean(error);
  });

  it('in the client object, its resources and raw, before and after a token was fetched', async () => {
    const api = fakeApi({ token: tokenOk, api: () => Response.json({ records: [] }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    expectClean(civic);
    await civic.passes.list();
    expect(api.apiRequests()[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`); // it was in use
    for (const value of [civic, civic.passes, civic.pii, civic.raw, civic.settings])
      expectClean(value);
    expect(inspect(civic)).toContain('clientSecret: "[redacted]"');
    expect(JSON.parse(JSON.stringify(civic))).toMatchObject({
      baseUrl: BASE_URL,
      clientSecret: '[redacted]',
    });
  });
});

describe('the bearer token goes to the API origin only', () => {
  it('refuses a raw call to another origin, sending nothing (not even a token request)', async () => {
    const api = fakeApi({ token: tokenOk });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const error = await civic.raw
      .GET('/piirequest/{scopeRequestId}', {
        baseUrl: 'https://evil.example',
        params: { path: { scopeRequestId: 'abc' } },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivicPassError);
    expect(error).toMatchObject({ code: 'FOREIGN_ORIGIN' });
    expect((error as Error).message).toContain('https://evil.example');
    expect(api.seen).toHaveLength(0);
  });

  it('refuses a look-alike origin (same prefix, other host)', async () => {
    const api = fakeApi({ token: tokenOk });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    for (const baseUrl of ['https://api.test.example.evil.com', 'https://api.test.example:444']) {
      await expect(
        civic.raw.POST('/pass', { baseUrl, body: { limit: 1, skip: 0 } }),
      ).rejects.toMatchObject({ code: 'FOREIGN_ORIGIN' });
    }
    expect(api.seen).toHaveLength(0);
  });

  it('fetches evidence from baseUrl, never from a link on another host', async () => {
    const api = fakeApi({
      token: tokenOk,
      api: (request) =>
        request.path.endsWith('/evidence/idDocumentFront')
          ? new Response(new Uint8Array([1, 2, 3]), {
              headers: { 'content-type': 'application/octet-stream' },
            })
          : Response.json({
              status: 'verification-success',
              links: [
                { rel: 'idDocumentFront', href: 'https://evil.example/steal/idDocumentFront' },
              ],
            }),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const request = await civic.pii.get('abc');
    const rel = request.links?.[0]?.rel ?? '';
    const blob = await civic.pii.evidence('abc', rel);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(api.apiRequests().map((r) => r.url)).toEqual([
      `${BASE_URL}/piirequest/abc`,
      `${BASE_URL}/piirequest/abc/evidence/idDocumentFront`,
    ]);
    expect(api.seen.every((r) => !r.url.includes('evil.example'))).toBe(true);
  });

  it('follows no redirect: nothing reaches the other origin (real servers, default fetch)', async () => {
    const other = await scriptedServer(() => (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'awaiting-user' }));
    });
    const api = await scriptedServer(() => (req, res) => {
      if (req.url === '/oauth/token') return tokenAnswer(res, 'redirect-test-token');
      res.writeHead(302, { location: `${other.url}/elsewhere` });
      res.end();
    });
    try {
      const civic = createCivicPassClient({
        clientId: 'id',
        clientSecret: 'secret',
        baseUrl: api.url,
        tokenUrl: `${api.url}/oauth/token`,
      });
      const error = await civic.pii.get('abc').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CivicPassError);
      expect(error).toMatchObject({ code: 'REDIRECT' });
      expect((error as Error).message).toContain(`302 with a redirect to ${other.url}`);
      expect(api.requests.map((r) => r.url)).toEqual(['/oauth/token', '/piirequest/abc']);
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
      await api.close();
    }
  });
});

describe('https only, except loopback hosts', () => {
  it.each([
    ['baseUrl', 'http://api.civic.com/partner'],
    ['baseUrl', 'http://10.0.0.1:8080'],
    ['baseUrl', 'http://localhost.evil.com'],
    ['baseUrl', 'ftp://localhost/x'],
    ['tokenUrl', 'http://auth0.civic.com/oauth/token'],
    ['tokenUrl', 'http://128.0.0.1/token'],
    ['baseUrl', 'not a url'],
    ['baseUrl', 'https://user:pass@api.civic.com'],
  ])('refuses %s %s at creation', (option, url) => {
    expect(() => createCivicPassClient({ [option]: url })).toThrow(CivicPassError);
    try {
      createCivicPassClient({ [option]: url });
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFIGURATION' });
      expect((error as Error).message).toContain(option);
    }
  });

  it.each([
    'http://localhost:4010',
    'http://127.0.0.1:4010/partner',
    'http://127.3.2.1',
    'http://[::1]:4010',
    'https://api.civic.com/partner',
  ])('accepts %s', (url) => {
    expect(() => createCivicPassClient({ baseUrl: url, tokenUrl: url })).not.toThrow();
  });
});

describe('real sockets', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('retries issue on a refused connection (undici ECONNREFUSED), then reports ConnectionError', async () => {
    const auth = await scriptedServer(() => (_req, res) => tokenAnswer(res));
    cleanup = auth.close;
    const port = await closedPort();
    const urls: string[] = [];
    const civic = createClientWithRuntime(
      {
        clientId: 'id',
        clientSecret: 'secret',
        baseUrl: `http://127.0.0.1:${port}`,
        tokenUrl: `${auth.url}/oauth/token`,
        fetch: (url, init) => {
          urls.push(url);
          return fetch(url, init);
        },
      },
      fakeRuntime().runtime,
    );
    const error = await civic.passes.issue(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ refused: true, operationId: 'issuePass' });
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(urls.filter((u) => u.includes(`:${port}/`))).toHaveLength(3);
  });

  it('uses the default fetch for the token and the API over loopback http', async () => {
    const server = await scriptedServer(() => (req, res) => {
      if (req.url === '/oauth/token') return tokenAnswer(res, 'loopback-token');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ records: [] }));
    });
    cleanup = server.close;
    const civic = createCivicPassClient({
      clientId: 'id',
      clientSecret: 'secret',
      baseUrl: `${server.url}/partner/`,
      tokenUrl: `${server.url}/oauth/token`,
    });
    await expect(civic.passes.list({ limit: 2 })).resolves.toEqual({ records: [] });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /oauth/token',
      'POST /partner/pass',
    ]);
    expect(server.requests[1]?.headers.authorization).toBe('Bearer loopback-token');
    expect(server.requests[1]?.body).toBe('{"limit":2,"skip":0}');
  });

  it('reports a token endpoint OAuth error from a real server as TokenError', async () => {
    const server = await scriptedServer(() => (_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: 'access_denied',
          error_description: 'Service not enabled within domain',
        }),
      );
    });
    cleanup = server.close;
    const civic = createCivicPassClient({
      clientId: 'id',
      clientSecret: 'secret',
      baseUrl: server.url,
      tokenUrl: `${server.url}/oauth/token`,
    });
    const error = await civic.passes.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({
      status: 403,
      error: 'access_denied',
      error_description: 'Service not enabled within domain',
    });
  });
});
