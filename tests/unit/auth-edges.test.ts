import { describe, expect, it } from 'vitest';
import { createClientWithRuntime } from '../../src/client.js';
import { TokenError } from '../../src/errors.js';
import { clientOptions, EVM_REF, fakeApi, fakeRuntime, passBody } from '../support/fake-api.js';

const ok = () => Response.json(passBody());

describe('token endpoint: which failures are retried', () => {
  it.each([408, 429, 500])(
    'retries a token endpoint answering %i, then calls the API once',
    async (status) => {
      const { runtime, sleeps } = fakeRuntime();
      const api = fakeApi({
        token: (_r, n) =>
          n === 1
            ? new Response('busy', { status })
            : Response.json({ access_token: 'tok', token_type: 'Bearer', expires_in: 3600 }),
        api: ok,
      });
      const civic = createClientWithRuntime(clientOptions(api.fetch), runtime);
      await civic.passes.get(EVM_REF);
      expect(api.tokenRequests()).toHaveLength(2);
      expect(api.apiRequests()).toHaveLength(1);
      expect(sleeps).toHaveLength(1);
    },
  );

  it('does not retry a token endpoint answering 400', async () => {
    const api = fakeApi({
      token: () => Response.json({ error: 'invalid_request' }, { status: 400 }),
      api: ok,
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await expect(civic.passes.get(EVM_REF)).rejects.toBeInstanceOf(TokenError);
    expect(api.tokenRequests()).toHaveLength(1);
    expect(api.apiRequests()).toHaveLength(0);
  });
});

describe('token: what is kept, and for how long', () => {
  it.each(['tok en', 'tok"en', 'tok\u00e9', 'tok=x'])(
    'refuses an access token that cannot go into an Authorization header (%j), without quoting it',
    async (token) => {
      const api = fakeApi({
        token: () => Response.json({ access_token: token, token_type: 'Bearer', expires_in: 60 }),
        api: ok,
      });
      const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
      const error = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TokenError);
      expect((error as Error).message).toContain('cannot be sent in a header');
      expect((error as Error).message).not.toContain(token);
      expect(api.tokenRequests()).toHaveLength(1);
      expect(api.apiRequests()).toHaveLength(0);
    },
  );

  it('accepts a b64token with its padding', async () => {
    const api = fakeApi({
      token: () =>
        Response.json({ access_token: 'aZ09-._~+/==', token_type: 'Bearer', expires_in: 60 }),
      api: ok,
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await civic.passes.get(EVM_REF);
    expect(api.apiRequests()[0]?.headers.get('authorization')).toBe('Bearer aZ09-._~+/==');
  });

  it('keeps a token without expires_in until the API refuses it, however long', async () => {
    const { runtime, clock } = fakeRuntime();
    const api = fakeApi({
      token: (_r, n) => Response.json({ access_token: `t${n}`, token_type: 'Bearer' }),
      api: ok,
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), runtime);
    await civic.passes.get(EVM_REF);
    clock.now += 365 * 24 * 3600 * 1000;
    await civic.passes.get(EVM_REF);
    await civic.passes.get(EVM_REF);
    expect(api.tokenRequests()).toHaveLength(1);
    expect(api.apiRequests()).toHaveLength(3);
  });

  it('shares a failure with the calls of the next second, then asks again', async () => {
    const { runtime, clock } = fakeRuntime();
    const api = fakeApi({
      token: (_r, n) =>
        n === 1
          ? Response.json({ error: 'invalid_client' }, { status: 401 })
          : Response.json({ access_token: 'tok', token_type: 'Bearer', expires_in: 3600 }),
      api: ok,
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch, { maxRetries: 0 }), runtime);
    const first = await civic.passes.get(EVM_REF).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(TokenError);
    clock.now += 999;
    await expect(civic.passes.get(EVM_REF)).rejects.toBe(first);
    expect(api.tokenRequests()).toHaveLength(1);
    clock.now += 1;
    await civic.passes.get(EVM_REF);
    expect(api.tokenRequests()).toHaveLength(2);
  });
});
