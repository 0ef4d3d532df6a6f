import { describe, expect, it } from 'vitest';
import { TOKEN_RENEWAL_MARGIN_S } from '../../src/auth.js';
import { createClientWithRuntime } from '../../src/client.js';
import {
  AuthenticationError,
  CivicPassError,
  ConnectionError,
  TimeoutError,
  TokenError,
} from '../../src/errors.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  clientOptions,
  connectionError,
  EVM_REF,
  fakeApi,
  fakeRuntime,
  hang,
  passBody,
  TOKEN_URL,
} from '../support/fake-api.js';

const ok = () => Response.json(passBody());

describe('token: client credentials through oauth4webapi', () => {
  it('asks the token endpoint once, through the fetch option, with client_secret_post and the audience', async () => {
    const api = fakeApi({ api: ok });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await civic.passes.get(EVM_REF);

    const [token] = api.tokenRequests();
    expect(api.tokenRequests()).toHaveLength(1);
    expect(token?.method).toBe('POST');
    expect(token?.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(token?.headers.get('authorization')).toBeNull();
    const form = new URLSearchParams(token?.body ?? '');
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      audience: 'https://api.civic.com/pass',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(api.apiRequests()[0]?.headers.get('authorization')).toBe('Bearer tok-1');
  });

  it('uses HTTP Basic client authentication when asked, and a custom audience', async () => {
    const api = fakeApi({ api: ok });
    const civic = createClientWithRuntime(
      clientOptions(api.fetch, { clientAuthentication: 'client_secret_basic', audience: 'urn:x' }),
      fakeRuntime().runtime,
    );
    await civic.passes.get(EVM_REF);
    const [token] = api.tokenRequests();
    const form = Object.fromEntries(new URLSearchParams(token?.body ?? ''));
    expect(form).toEqual({ grant_type: 'client_credentials', audience: 'urn:x' });
    // RFC 6749 section 2.3.1: id and secret are form-urlencoded, then joined and base64-encoded.
    const basic = token?.headers.get('authorization') ?? '';
    expect(basic).toMatch(/^Basic /);
    const [id, secret] = atob(basic.slice(6)).split(':').map(decodeURIComponent);
    expect({ id, secret }).toEqual({ id: CLIENT_ID, secret: CLIENT_SECRET });
  });

  it('makes exactly one token request for 200 concurrent calls on a cold client (single flight)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = fakeApi({
      token: async () => {
        await gate;
        return Response.json({ access_token: 'shared', token_type: 'Bearer', expires_in: 3600 });
      },
      api: ok,
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const calls = Array.from({ length: 200 }, () => civic.passes.get(EVM_REF));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await Promise.all(calls);
    expect(api.tokenRequests()).toHaveLength(1);
    expect(api.apiRequests()).toHaveLength(200);
    expect(api.apiRequests().every((r) => r.headers.get('authorization') === 'Bearer shared')).toBe(
      true,
    );
  });

  it('keeps the token until shortly before expires_in, then renews it once (fake clock)', async () => {
    const { runtime, clock } = fakeRuntime();
    const api = fakeApi({ api: ok });
    const civic = createClientWithRuntime(clientOptions(api.fetch), runtime);

    await civic.passes.get(EVM_REF);
    clock.now += (3600 - TOKEN_RENEWAL_MARGIN_S - 1) * 1000; // one second before the renewal point
    await civic.passes.get(EVM_REF);
    expect(api.tokenRequests()).toHaveLength(1);

    clock.now += 1000; // at the renewal point, still 60 s before expiry
    await civic.passes.get(EVM_REF);
    await civic.passes.get(EVM_REF);
    expect(api.tokenRequests()).toHaveLength(2);
    const auth = api.apiRequests().map((r) => r.headers.get('authorization'));
    expect(auth).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2', 'Bearer tok-2']);
  });

  it('renews a short-lived token at half its lifetime', async () => {
    const { runtime, clock } = fakeRuntime();
    const api = fakeApi({
      token: (_r, n) =>
        Response.json({ access_token: `t${n}`, token_type: 'bearer', expires_in: 60 }),
      api: ok,
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), runtime);
    await civic.passes.get(EVM_REF);
    clock.now += 29_000;
    await civic.passes.get(EVM_REF);
    clock.now += 1_000;
    await civic.passes.get(EVM_REF);
    expect(api.tokenRequests()).toHaveLength(2);
  });

  it('on a 401 forgets the token, gets a new one and re-sends the same request with the same body', async () => {
    const api = fakeApi({
      api: (request) =>
        request.headers.get('authorization') === 'Bearer tok-1'
          ? Response.json({ message: 'Unauthorized' }, { status: 401 })
          : Response.json(passBody({ state: 'REQUESTED' }), { status: 202 }),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const pass = await civic.passes.issue(EVM_REF);

    expect(pass.state).toBe('REQUESTED');
    expect(api.tokenRequests()).toHaveLength(2);
    const sent = api.apiRequests();
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer tok-1',
      'Bearer tok-2',
    ]);
    for (const request of sent) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/partner/pass/ethereum/sepolia');
      expect(request.body).toBe(JSON.stringify({ walletAddress: EVM_REF.wallet }));
      expect(request.headers.get('content-type')).toBe('application/json');
    }
  });

  it('turns a second 401 into an AuthenticationError, without a loop', async () => {
    const api = fakeApi({ api: () => Response.json({ message: 'Unauthorized' }, { status: 401 }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, operationId: 'getPass', code: 'AUTHENTICATION' });
    expect(api.tokenRequests()).toHaveLength(2);
    expect(api.apiRequests()).toHaveLength(2);
  });

  it('does not throw away a newer token when a late 401 arrives for the old one', async () => {
    let releaseLate!: () => void;
    const late = new Promise<void>((resolve) => {
      releaseLate = resolve;
    });
    const api = fakeApi({
      api: async (request, n) => {
        if (request.headers.get('authorization') !== 'Bearer tok-1')
          return Response.json(passBody());
        if (n === 2) await late; // call B's answer comes after call A has renewed the token
        return new Response(null, { status: 401 });
      },
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const a = civic.passes.get(EVM_REF);
    const b = civic.passes.get(EVM_REF);
    await a;
    releaseLate();
    await b;
    expect(api.tokenRequests()).toHaveLength(2);
    expect(api.apiRequests().map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer tok-1',
      'Bearer tok-1',
      'Bearer tok-2',
      'Bearer tok-2',
    ]);
  });

  it('turns an OAuth error answer into a TokenError with error, error_description and status', async () => {
    const api = fakeApi({
      token: () =>
        Response.json(
          { error: 'access_denied', error_description: 'Unauthorized' },
          { status: 401 },
        ),
      api: ok,
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({
      code: 'TOKEN',
      error: 'access_denied',
      error_description: 'Unauthorized',
      status: 401,
    });
    expect((error as Error).message).toContain('access_denied');
    expect(api.apiRequests()).toHaveLength(0);
    expect(api.tokenRequests()).toHaveLength(1); // a refusal is not retried
  });

  it('reports a token endpoint answer that is not a token as a TokenError', async () => {
    const api = fakeApi({
      token: () =>
        new Response('<html>oops</html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(api.apiRequests()).toHaveLength(0);
  });

  it('retries a token endpoint that fails with 503 (the API request was never sent), for issue too', async () => {
    const { runtime, sleeps } = fakeRuntime();
    const api = fakeApi({
      token: (_r, n) =>
        n === 1
          ? new Response('busy', { status: 503 })
          : Response.json({ access_token: 'tok', token_type: 'Bearer', expires_in: 3600 }),
      api: () => Response.json(passBody(), { status: 202 }),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), runtime);
    await civic.passes.issue(EVM_REF);
    expect(api.tokenRequests()).toHaveLength(2);
    expect(api.apiRequests()).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
  });

  it('reports an unreachable token endpoint as a ConnectionError naming it, after the retries', async () => {
    const api = fakeApi({ token: () => connectionError('ENOTFOUND') });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain(TOKEN_URL);
    expect(api.tokenRequests()).toHaveLength(3);
    expect(api.apiRequests()).toHaveLength(0);
  });

  it('gives the token request its own deadline (TimeoutError)', async () => {
    const api = fakeApi({ token: (request) => hang(request.signal) });
    const civic = createClientWithRuntime(
      clientOptions(api.fetch, { timeoutMs: 20, maxRetries: 0 }),
      fakeRuntime().runtime,
    );
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain(TOKEN_URL);
  });

  it('reports missing credentials at the first call, naming the variables, and sends nothing', async () => {
    const api = fakeApi({ api: ok });
    const civic = createClientWithRuntime(
      {
        baseUrl: 'https://api.test.example/partner',
        tokenUrl: TOKEN_URL,
        fetch: api.fetch,
        clientId: '',
        clientSecret: '',
      },
      fakeRuntime().runtime,
    );
    const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivicPassError);
    expect(error).toMatchObject({ code: 'MISSING_CREDENTIALS' });
    expect((error as Error).message).toContain('CIVIC_CLIENT_ID');
    expect((error as Error).message).toContain('CIVIC_CLIENT_SECRET');
    expect(api.seen).toHaveLength(0);
  });

  it('refuses a token type other than bearer', async () => {
    const api = fakeApi({
      token: () => Response.json({ access_token: 'abc', token_type: 'DPoP', expires_in: 3600 }),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await expect(civic.passes.get(EVM_REF)).rejects.toBeInstanceOf(TokenError);
    expect(api.apiRequests()).toHaveLength(0);
  });

  it('lets one caller abort while waiting for the shared token, without cancelling it for the others', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = fakeApi({
      token: async () => {
        await gate;
        return Response.json({ access_token: 'shared', token_type: 'Bearer', expires_in: 3600 });
      },
      api: ok,
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const controller = new AbortController();
    const reason = new Error('impatient');
    const impatient = civic.passes.get(EVM_REF, { signal: controller.signal });
    const patient = civic.passes.get(EVM_REF);
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);
    await expect(impatient).rejects.toBe(reason);
    release();
    await expect(patient).resolves.toMatchObject({ id: 'p1' });
    expect(api.tokenRequests()).toHaveLength(1);
    expect(api.apiRequests()).toHaveLength(1);
  });
});
