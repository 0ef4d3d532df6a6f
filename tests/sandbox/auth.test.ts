/**
 * The token endpoint as RFC 6749 says (client_secret_post as form or JSON, client_secret_basic,
 * its refusals), bearer tokens refused when missing, unknown or expired, and the scopes of the
 * spec enforced per operation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, OPERATIONS } from '../../generated/api.js';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { apiCaller, token } from './support.js';

let sandbox: Sandbox;
const wallet = '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888';

beforeAll(async () => {
  sandbox = await startSandbox({
    clock: { frozen: true },
    tokenLifetimeS: 60,
    clients: [{ clientId: 'reader', clientSecret: 'reader-secret', scopes: ['search:pass'] }],
  });
});
afterAll(() => sandbox.close());

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

async function tokenCall(
  body: Record<string, string>,
  init: { json?: boolean; auth?: string } = {},
) {
  const response = await fetch(sandbox.tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': init.json ? 'application/json' : 'application/x-www-form-urlencoded',
      ...(init.auth && { authorization: init.auth }),
    },
    body: init.json ? JSON.stringify(body) : new URLSearchParams(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as any,
  };
}

const grant = { grant_type: 'client_credentials', audience: DEFAULT_AUDIENCE };

describe('the token endpoint', () => {
  it('grants every scope to the default client, by form, JSON or HTTP Basic', async () => {
    const credentials = { client_id: sandbox.clientId, client_secret: sandbox.clientSecret };
    const answers = [
      await tokenCall({ ...grant, ...credentials }),
      await tokenCall({ ...grant, ...credentials }, { json: true }),
      await tokenCall(grant, { auth: basic(sandbox.clientId, sandbox.clientSecret) }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 60 });
      expect(answer.body.scope.split(' ').sort()).toEqual([
        'get:pii',
        'issue:pass',
        'put:piirequest',
        'search:pass',
        'update:pass',
      ]);
    }
    expect(new Set(answers.map((a) => a.body.access_token)).size).toBe(3);
  });

  it('refuses as RFC 6749 §5.2 says', async () => {
    const good = { client_id: sandbox.clientId, client_secret: sandbox.clientSecret };
    const cases: [Promise<any>, number, string][] = [
      [tokenCall({ ...grant, ...good, client_secret: 'wrong' }), 401, 'invalid_client'],
      [tokenCall({ ...grant, client_id: 'nobody', client_secret: 'x' }), 401, 'invalid_client'],
      [tokenCall({ ...grant, client_id: sandbox.clientId }), 401, 'invalid_client'],
      [tokenCall({ ...good, audience: DEFAULT_AUDIENCE }), 400, 'invalid_request'],
      [
        tokenCall({ ...good, audience: DEFAULT_AUDIENCE, grant_type: 'password' }),
        400,
        'unsupported_grant_type',
      ],
      [tokenCall({ ...good, grant_type: 'client_credentials' }), 403, 'access_denied'],
      [tokenCall({ ...grant, ...good, audience: 'https://example.com' }), 403, 'access_denied'],
      [
        tokenCall({ ...grant, ...good }, { auth: basic(sandbox.clientId, sandbox.clientSecret) }),
        400,
        'invalid_request',
      ],
      [tokenCall({ ...grant, ...good, scope: 'issue:pass admin' }), 400, 'invalid_scope'],
    ];
    for (const [answer, status, error] of cases) {
      const got = await answer;
      expect({ status: got.status, error: got.body.error }).toEqual({ status, error });
      expect(got.body.access_token).toBeUndefined();
    }
    const wrongBasic = await tokenCall(grant, { auth: basic(sandbox.clientId, 'wrong') });
    expect(wrongBasic.status).toBe(401);
    expect(wrongBasic.headers.get('www-authenticate')).toMatch(/^Basic /);
    const wrongPost = await tokenCall({ ...grant, ...good, client_secret: 'wrong' });
    expect(wrongPost.headers.get('www-authenticate')).toBeNull();

    const get = await fetch(sandbox.tokenUrl);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('bearer tokens and scopes', () => {
  it('answers 401 with WWW-Authenticate for a missing, malformed, unknown or expired token', async () => {
    const good = await token(sandbox, sandbox.clientId, sandbox.clientSecret);
    let bearer: string | undefined;
    const api = apiCaller(sandbox, () => bearer);
    const get = () => api.call('getPass', 'GET', `/pass/ethereum/sepolia/${wallet}`);

    for (const [value, header] of [
      [undefined, undefined],
      ['not a token', undefined],
      [undefined, 'Basic abc'],
      [`${good}x`, undefined],
    ] as const) {
      bearer = value;
      const answer = await api.call(
        'getPass',
        'GET',
        `/pass/ethereum/sepolia/${wallet}`,
        undefined,
        header ? { authorization: header } : {},
      );
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('UNAUTHORIZED');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }

    bearer = good;
    expect((await get()).status).toBe(404); // past authentication: there is no such pass
    sandbox.clock.advance(59_999);
    expect((await get()).status).toBe(404);
    sandbox.clock.advance(1);
    const expired = await get();
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/);
  });

  it('refuses each operation with 403 INSUFFICIENT_SCOPE to a token without its scope', async () => {
    const paths: Record<string, [string, unknown?]> = {
      listPass: ['/pass', {}],
      issuePass: ['/pass/ethereum/sepolia', { walletAddress: wallet }],
      getPass: [`/pass/ethereum/sepolia/${wallet}`],
      patchPass: [`/pass/ethereum/sepolia/${wallet}`, { state: 'FROZEN' }],
      deletePass: [`/pass/ethereum/sepolia/${wallet}`],
      getPii: ['/piirequest/abc'],
      updatePiiReceipt: ['/piirequest/abc/status', { status: 'partner-pass' }],
      getPiiEvidence: ['/piirequest/abc/evidence/idDocumentFront'],
    };
    const reader = await token(sandbox, 'reader', 'reader-secret');
    const issuer = await token(sandbox, sandbox.clientId, sandbox.clientSecret, {
      scope: 'issue:pass',
    });
    let bearer = reader;
    const api = apiCaller(sandbox, () => bearer);
    let refused = 0;
    for (const op of OPERATIONS) {
      const [path, body] = paths[op.operationId] ?? ['/'];
      for (const [name, value] of [
        ['reader', reader],
        ['issuer', issuer],
      ] as const) {
        bearer = value;
        const scope = name === 'reader' ? 'search:pass' : 'issue:pass';
        const answer = await api.call(op.operationId, op.method, path, body);
        if ((op.scopes as readonly string[]).includes(scope)) {
          expect(answer.status, `${name} ${op.operationId}`).not.toBe(403);
        } else {
          refused++;
          expect(answer.status, `${name} ${op.operationId}`).toBe(403);
          expect(answer.body.code).toBe('INSUFFICIENT_SCOPE');
          expect(answer.body.message).toContain(op.scopes[0]);
        }
      }
    }
    expect(refused).toBe(OPERATIONS.length * 2 - 3);
  });
});
