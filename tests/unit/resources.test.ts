import { describe, expect, it, vi } from 'vitest';
import { createCivicPassClient, createClientWithRuntime } from '../../src/client.js';
import { EXPIRE_LEAD_S } from '../../src/resources/passes.js';
import {
  BASE_URL,
  clientOptions,
  EVM_REF,
  EVM_WALLET,
  fakeApi,
  fakeRuntime,
  passBody,
  SOLANA_REF,
  SOLANA_WALLET,
} from '../support/fake-api.js';

const passPath = `/partner/pass/ethereum/sepolia/${EVM_WALLET}`;

function setup(answer: () => Response = () => Response.json({ status: 'ok' })) {
  const api = fakeApi({ api: answer });
  const fake = fakeRuntime();
  const civic = createClientWithRuntime(clientOptions(api.fetch), fake.runtime);
  const sent = () =>
    api.apiRequests().map((r) => ({
      method: r.method,
      path: r.path,
      body: r.body === null ? null : JSON.parse(r.body),
    }));
  return { api, civic, sent, clock: fake.clock };
}

describe('passes: each method sends exactly one request of the spec', () => {
  it('issue: POST /pass/{chain}/{chainNetwork} with the wallet, returns the pass', async () => {
    const { civic, sent } = setup(() =>
      Response.json(passBody({ state: 'REQUESTED', extra: 1 }), { status: 202 }),
    );
    const pass = await civic.passes.issue(SOLANA_REF);
    expect(pass.state).toBe('REQUESTED');
    expect(sent()).toEqual([
      {
        method: 'POST',
        path: '/partner/pass/solana/devnet',
        body: { walletAddress: SOLANA_WALLET },
      },
    ]);
  });

  it('get: GET the pass path, returns the pass (unknown properties tolerated)', async () => {
    const { civic, sent } = setup(() => Response.json(passBody({ surprise: { nested: true } })));
    const pass = await civic.passes.get(EVM_REF);
    expect(pass).toMatchObject({ id: 'p1', walletAddress: EVM_WALLET, surprise: { nested: true } });
    expect(sent()).toEqual([{ method: 'GET', path: passPath, body: null }]);
  });

  it('update, freeze, unfreeze: PATCH with state and/or expiry', async () => {
    const { civic, sent } = setup();
    await civic.passes.update({ ...EVM_REF, state: 'FROZEN', expiryTimestamp: 1_900_000_000 });
    await civic.passes.freeze(EVM_REF);
    await civic.passes.unfreeze(EVM_REF);
    expect(sent()).toEqual([
      {
        method: 'PATCH',
        path: passPath,
        body: { state: 'FROZEN', expiryTimestamp: 1_900_000_000 },
      },
      { method: 'PATCH', path: passPath, body: { state: 'FROZEN' } },
      { method: 'PATCH', path: passPath, body: { state: 'ACTIVE' } },
    ]);
  });

  it(`expire: PATCH the expiry, by default ${EXPIRE_LEAD_S} s from now (fake clock), or at a Date or seconds`, async () => {
    const { civic, sent, clock } = setup();
    clock.now = Date.parse('2030-01-01T00:00:00.900Z');
    await civic.passes.expire(EVM_REF);
    await civic.passes.expire(EVM_REF, { at: new Date('2031-06-01T00:00:00Z') });
    await civic.passes.expire(EVM_REF, { at: 1_950_000_000 });
    const nowS = Date.parse('2030-01-01T00:00:00Z') / 1000;
    expect(sent().map((r) => r.body)).toEqual([
      { expiryTimestamp: nowS + EXPIRE_LEAD_S },
      { expiryTimestamp: Date.parse('2031-06-01T00:00:00Z') / 1000 },
      { expiryTimestamp: 1_950_000_000 },
    ]);
    expect(EXPIRE_LEAD_S).toBe(5);
  });

  it('revoke: DELETE the pass path', async () => {
    const { civic, sent } = setup(() => new Response(null, { status: 200 }));
    await expect(civic.passes.revoke(EVM_REF)).resolves.toBeUndefined();
    expect(sent()).toEqual([{ method: 'DELETE', path: passPath, body: null }]);
  });

  it('encodes path values that the spec gives no pattern', async () => {
    const { civic, api } = setup(() => Response.json({}));
    const wallet = '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888';
    await civic.raw.GET('/pass/{chain}/{chainNetwork}/{wallet}', {
      params: { path: { chain: 'ethereum', chainNetwork: 'a b?c#d' as 'sepolia', wallet } },
    });
    expect(api.apiRequests()[0]?.path).toBe(`/partner/pass/ethereum/a%20b%3Fc%23d/${wallet}`);
  });
});

describe('pii', () => {
  it('get, approve, reject, evidence: the spec’s requests', async () => {
    const { civic, sent, api } = setup();
    await civic.pii.get('9a7a77af');
    await civic.pii.approve('9a7a77af');
    await civic.pii.reject('9a7a77af');
    expect(sent()).toEqual([
      { method: 'GET', path: '/partner/piirequest/9a7a77af', body: null },
      {
        method: 'PUT',
        path: '/partner/piirequest/9a7a77af/status',
        body: { status: 'partner-pass' },
      },
      {
        method: 'PUT',
        path: '/partner/piirequest/9a7a77af/status',
        body: { status: 'partner-fail' },
      },
    ]);
    expect(api.apiRequests()[1]?.headers.get('content-type')).toBe('application/json');
  });

  it('evidence returns a Blob with the bytes', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const { civic, api } = setup(
      () => new Response(bytes, { headers: { 'content-type': 'image/jpeg' } }),
    );
    const blob = await civic.pii.evidence('9a7a77af', 'idDocumentBack');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    expect(api.apiRequests()[0]?.url).toBe(
      `${BASE_URL}/piirequest/9a7a77af/evidence/idDocumentBack`,
    );
  });
});

describe('per-call options', () => {
  it('adds the call’s headers, but never lets them replace Authorization', async () => {
    const { civic, api } = setup(() => Response.json(passBody()));
    await civic.passes.get(EVM_REF, { headers: { 'x-trace': 't1', authorization: 'Bearer mine' } });
    const [request] = api.apiRequests();
    expect(request?.headers.get('x-trace')).toBe('t1');
    expect(request?.headers.get('authorization')).toBe('Bearer tok-1');
  });
});

describe('configuration from the environment', () => {
  it('reads CIVIC_* once, at creation', async () => {
    const api = fakeApi({ api: () => Response.json({ records: [] }) });
    vi.stubEnv('CIVIC_CLIENT_ID', 'env-id');
    vi.stubEnv('CIVIC_CLIENT_SECRET', 'env-secret');
    vi.stubEnv('CIVIC_API_BASE_URL', 'https://api.test.example/partner');
    vi.stubEnv('CIVIC_TOKEN_URL', 'https://auth.test.example/oauth/token');
    let civic: ReturnType<typeof createCivicPassClient>;
    try {
      civic = createCivicPassClient({ fetch: api.fetch });
    } finally {
      vi.unstubAllEnvs();
    }
    vi.stubEnv('CIVIC_CLIENT_ID', 'changed-later');
    try {
      await civic.passes.list();
    } finally {
      vi.unstubAllEnvs();
    }
    const form = Object.fromEntries(new URLSearchParams(api.tokenRequests()[0]?.body ?? ''));
    expect(form).toMatchObject({ client_id: 'env-id', client_secret: 'env-secret' });
    expect(api.apiRequests()[0]?.url).toBe('https://api.test.example/partner/pass');
    expect(civic.settings).toMatchObject({ clientId: 'env-id', clientSecret: '[redacted]' });
  });

  it('prefers options over the environment, and defaults to Civic’s URLs', () => {
    vi.stubEnv('CIVIC_API_BASE_URL', 'https://env.example');
    try {
      const settings = createCivicPassClient({
        baseUrl: 'https://opt.example/',
        tokenUrl: 'https://auth.opt.example/token',
      }).settings;
      expect(settings.baseUrl).toBe('https://opt.example');
    } finally {
      vi.unstubAllEnvs();
    }
    vi.stubEnv('CIVIC_API_BASE_URL', '');
    vi.stubEnv('CIVIC_TOKEN_URL', '');
    try {
      expect(createCivicPassClient().settings).toMatchObject({
        baseUrl: 'https://api.civic.com/partner',
        tokenUrl: 'https://auth0.civic.com/oauth/token',
        audience: 'https://api.civic.com/pass',
        clientAuthentication: 'client_secret_post',
        maxRetries: 2,
        timeoutMs: 60_000,
        attemptTimeoutMs: 20_000,
        maxResponseBytes: 4 * 1024 * 1024,
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.each([
    [{ maxRetries: -1 }, 'maxRetries'],
    [{ maxRetries: 1.5 }, 'maxRetries'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ clientAuthentication: 'private_key_jwt' }, 'clientAuthentication'],
  ])('refuses %o at creation', (options, name) => {
    expect(() => createCivicPassClient(options as never)).toThrow(name);
  });
});
