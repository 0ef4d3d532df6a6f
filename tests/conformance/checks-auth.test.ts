/**
 * The auth checks (src/conformance/checks/auth.ts): what the token endpoint must refuse, the
 * other client authentication method, a token for another audience, and the 401 (with its
 * `WWW-Authenticate: Bearer`) of every secured operation to no, malformed and unknown tokens.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, OPERATIONS as SPEC_OPERATIONS } from '../../generated/api.js';
import { validProbe } from '../../src/conformance/checks/auth.js';
import { Fixtures } from '../../src/conformance/checks/fixtures.js';
import type { Context } from '../../src/conformance/context.js';
import { createRandom, exampleParams } from '../../src/conformance/index.js';
import { type Defect, jsonAnswer, type ProxyAnswer } from '../support/defect-proxy.js';
import { notPassed, resultOf, runChecks, sent, WALLET } from './checks-harness.js';

const WRONG_AUDIENCE = 'https://audience.invalid/conformance';
/** Every operation of the spec, in its order: each is probed. */
const OPERATIONS = SPEC_OPERATIONS.map((op) => op.operationId);
const READS = ['listPass', 'getPass', 'getPii', 'getPiiEvidence'];

/** Answers token requests `when` accepts (by their form) in place of the sandbox. */
const token = (
  when: (form: URLSearchParams) => boolean,
  answer: ProxyAnswer | ((form: URLSearchParams) => ProxyAnswer | undefined),
): Defect => ({
  request(r) {
    if (r.url !== '/oauth/token') return undefined;
    const form = new URLSearchParams(r.body);
    if (!when(form)) return undefined;
    return typeof answer === 'function' ? answer(form) : answer;
  },
});
const wrongSecret = (form: URLSearchParams) =>
  form.get('client_secret')?.startsWith('wrong-') === true;
const wrongAudience = (form: URLSearchParams) => form.get('audience') === WRONG_AUDIENCE;

describe('auth checks on the sandbox', () => {
  it('pass; the write operations only with allowWrites', async () => {
    const run = await runChecks({ only: ['auth'] });
    const tokenUrl = resultOf(run, 'auth.token-method', 'token').path;
    expect(tokenUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/token$/);
    expect(
      run.results
        .slice(0, 3)
        .map((r) => [r.id, r.operationId, r.name, r.method, r.path, r.status, r.outcome]),
    ).toEqual([
      [
        'auth.token-wrong-secret',
        'token',
        'the token endpoint refuses a wrong client secret',
        'POST',
        tokenUrl,
        401,
        'passed',
      ],
      [
        'auth.token-method',
        'token',
        'the token endpoint also accepts client_secret_basic (RFC 6749 §2.3.1)',
        'POST',
        tokenUrl,
        200,
        'passed',
      ],
      [
        'auth.wrong-audience',
        'listPass',
        'a token for another audience is refused or useless',
        'POST',
        tokenUrl,
        403,
        'passed',
      ],
    ]);
    const variants = ['no-token', 'malformed-token', 'unknown-token'];
    expect(run.results.slice(3).map((r) => `${r.id} ${r.operationId} ${r.outcome}`)).toEqual(
      variants.flatMap((v) =>
        OPERATIONS.map((op) => `auth.${v} ${op} ${READS.includes(op) ? 'passed' : 'skipped'}`),
      ),
    );
    const example = exampleParams().scopeRequestId;
    expect(resultOf(run, 'auth.no-token', 'getPii').path).toBe(`/piirequest/${example}`);
    expect(resultOf(run, 'auth.no-token', 'getPiiEvidence').path).toBe(
      `/piirequest/${example}/evidence/idDocumentFront`,
    );
    expect(resultOf(run, 'auth.unknown-token', 'getPii').name).toBe(
      'getPii with a well-formed unknown token answers 401',
    );
    const writes = await runChecks({
      only: ['auth.no-token'],
      allowWrites: true,
      wallet: WALLET,
      scopeRequestId: 'conformance-pii',
    });
    expect(writes.results.map((r) => `${r.operationId} ${r.outcome}`)).toEqual(
      OPERATIONS.map((op) => `${op} passed`),
    );
    // Valid requests but for the token; writes aim at wallets and a PII request that do not exist.
    const fresh = '0x[0-9a-f]{40}';
    const scope = 'conformance-pii';
    expect(
      sent(writes).map((line) =>
        line.replace(new RegExp(`(?!${WALLET.address})${fresh}`, 'g'), 'FRESH'),
      ),
    ).toEqual([
      'POST /partner/pass {"limit":1,"skip":0}',
      'POST /partner/pass/ethereum/sepolia {"walletAddress":"FRESH"}',
      `GET /partner/pass/ethereum/sepolia/${WALLET.address}`,
      'PATCH /partner/pass/ethereum/sepolia/FRESH {"state":"FROZEN"}',
      'DELETE /partner/pass/ethereum/sepolia/FRESH',
      `GET /partner/piirequest/${scope}`,
      'PUT /partner/piirequest/conformance-11/status {"status":"partner-fail"}',
      `GET /partner/piirequest/${scope}/evidence/idDocumentFront`,
    ]);
    const wallets = sent(writes).map((line) => new RegExp(fresh).exec(line)?.[0]);
    expect(new Set(wallets.filter(Boolean)).size).toBe(4);
  });

  it('with client_secret_basic, tries client_secret_post', async () => {
    const run = await runChecks({
      only: ['auth.token-method'],
      clientAuthentication: 'client_secret_basic',
    });
    expect(run.results.map((r) => [r.name, r.outcome])).toEqual([
      ['the token endpoint also accepts client_secret_post (RFC 6749 §2.3.1)', 'passed'],
    ]);
  });
});

describe('auth.token-wrong-secret', () => {
  const refused = (answer: ProxyAnswer) =>
    runChecks({ only: ['auth.token-wrong-secret'] }, token(wrongSecret, answer));

  it.each([
    [jsonAnswer(403, { error: 'invalid_client' }), 'expected 401 invalid_client, got 403'],
    [
      jsonAnswer(401, { error: 'unauthorized_client' }),
      'expected the OAuth error invalid_client, got unauthorized_client',
    ],
    [{ status: 401, headers: {}, body: 'no' }, 'expected the OAuth error invalid_client, got none'],
    [
      jsonAnswer(200, { access_token: 'abc', token_type: 'Bearer' }),
      'the token endpoint accepts a wrong client secret (answered 200 with a token)',
    ],
  ])('fails %j', async (answer, violation) => {
    const run = await refused(answer);
    expect(notPassed(run)).toEqual([['auth.token-wrong-secret token failed', [violation]]]);
    expect(run.results[0]?.answer).toMatch(new RegExp(`^${answer.status} `));
  });

  it('passes a 400 invalid_client', async () => {
    const run = await refused(jsonAnswer(400, { error: 'invalid_client' }));
    expect(run.results.map((r) => r.outcome)).toEqual(['passed']);
  });
});

describe('auth.wrong-audience', () => {
  const audience = (defect: Defect) => runChecks({ only: ['auth.wrong-audience'] }, defect);

  it.each([
    [302, 'failed'],
    [399, 'failed'],
    [400, 'passed'],
    [499, 'passed'],
    [500, 'failed'],
  ])('a refusal with %i: %s', async (status, outcome) => {
    const run = await audience(token(wrongAudience, jsonAnswer(status, { error: 'x' })));
    expect(run.results.map((r) => [r.outcome, r.violations])).toEqual([
      [
        outcome,
        outcome === 'passed' ? [] : [`the token endpoint answered ${status} without a token`],
      ],
    ]);
  });

  /** Issues a real token for the wrong audience (the sandbox's own audience instead). */
  const issuing: Defect = {
    request(r) {
      if (r.url !== '/oauth/token') return undefined;
      const form = new URLSearchParams(r.body);
      if (form.get('audience') === WRONG_AUDIENCE) {
        form.set('audience', DEFAULT_AUDIENCE);
        r.body = form.toString();
      }
      return undefined;
    },
  };

  it('fails an API that accepts the token; the report shows a placeholder for it', async () => {
    const run = await audience(issuing);
    expect(notPassed(run)).toEqual([
      [
        'auth.wrong-audience listPass failed',
        [`listPass accepts a token issued for ${WRONG_AUDIENCE} (answered 200)`],
      ],
    ]);
    const [result] = run.results;
    expect(result?.curl).toContain('"authorization: Bearer $WRONG_AUDIENCE_TOKEN"');
    expect(result?.curl).toContain('--data-raw \'{"limit":1,"skip":0}\'');
    expect([result?.method, result?.path, result?.status]).toEqual(['POST', '/pass', 200]);
  });

  it('passes an API that refuses the token with 401', async () => {
    let wrong: string | undefined;
    const run = await audience({
      request(r, state) {
        if (wrong !== undefined && r.headers.authorization === `Bearer ${wrong}`)
          return jsonAnswer(
            401,
            { code: 'UNAUTHORIZED', message: 'wrong audience' },
            { 'www-authenticate': 'Bearer' },
          );
        return issuing.request?.(r, state);
      },
      answer(r, a) {
        // The hook sees the request as the runner sent it, before the audience was changed.
        if (r.url === '/oauth/token' && wrongAudience(new URLSearchParams(r.body)))
          wrong = (JSON.parse(a.body) as { access_token: string }).access_token;
      },
    });
    expect(run.results.map((r) => [r.outcome, r.status])).toEqual([['passed', 401]]);
  });
});

describe('the 401 of a secured operation', () => {
  const challenge = (value: string | undefined) =>
    runChecks(
      { only: ['auth.no-token'] },
      {
        answer(r, a) {
          if (a.status !== 401 || !r.url.startsWith('/partner/pass/ethereum/sepolia/')) return;
          if (value === undefined) delete a.headers['www-authenticate'];
          else a.headers['www-authenticate'] = value;
        },
      },
    );

  const lacks = 'response.headers: getPass 401 lacks the documented header www-authenticate';
  it.each([
    [undefined, [lacks, 'getPass 401 has no WWW-Authenticate: Bearer (got none)']],
    ['Basic realm="api"', ['getPass 401 has no WWW-Authenticate: Bearer (got Basic realm="api")']],
    ['Bearers', ['getPass 401 has no WWW-Authenticate: Bearer (got Bearers)']],
    [
      'Basic realm="Bearer"',
      ['getPass 401 has no WWW-Authenticate: Bearer (got Basic realm="Bearer")'],
    ],
  ])('fails WWW-Authenticate %j', async (value, violations) => {
    const run = await challenge(value);
    expect(notPassed(run).filter((r) => String(r[0]).endsWith('failed'))).toEqual([
      ['auth.no-token getPass failed', violations],
    ]);
  });

  it('judges the challenge of a 401 only', async () => {
    const run = await runChecks(
      { only: ['auth.no-token'] },
      {
        request: (r) =>
          r.url.startsWith('/partner/pass/ethereum/sepolia/') && !r.headers.authorization
            ? jsonAnswer(404, { code: 'PASS_NOT_FOUND', message: 'no pass' })
            : undefined,
      },
    );
    expect(notPassed(run).filter((r) => String(r[0]).endsWith('failed'))).toEqual([
      [
        'auth.no-token getPass failed',
        ['getPass accepts a request without a token (answered 404, expected 401)'],
      ],
    ]);
  });

  it('passes a Bearer challenge in any case, after spaces', async () => {
    const run = await challenge('  bearer realm="api"');
    expect(notPassed(run).filter((r) => String(r[0]).endsWith('failed'))).toEqual([]);
  });
});

describe('validProbe', () => {
  it('has no probe for an operation it does not know', () => {
    const ctx = { random: createRandom(1) } as Context;
    expect(validProbe('nope', ctx, new Fixtures(undefined, undefined), 'none')).toBeUndefined();
    expect(validProbe('listPass', ctx, new Fixtures(undefined, undefined), 'none')).toEqual({
      method: 'POST',
      path: '/pass',
      auth: 'none',
      body: '{"limit":1,"skip":0}',
    });
  });
});

describe('auth.unknown-token', () => {
  it('sends a token that looks real: a JWT for the API audience, signed with 256 random bytes', async () => {
    const run = await runChecks({ only: ['auth.unknown-token'] });
    const tokens = new Set(
      run.seen
        .filter((r) => r.url.startsWith('/partner/'))
        .map((r) => r.headers.authorization?.replace(/^Bearer /, '')),
    );
    expect(tokens.size).toBe(1);
    const [header, payload, signature] = String([...tokens][0]).split('.');
    const decode = (part = '') => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    expect(decode(header)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'conformance' });
    expect(decode(payload)).toEqual({
      iss: 'https://issuer.invalid/',
      aud: DEFAULT_AUDIENCE,
      sub: 'conformance@clients',
      exp: 4102444800,
    });
    const bytes = Buffer.from(signature ?? '', 'base64url');
    expect(bytes).toHaveLength(256);
    expect(new Set(bytes).size).toBeGreaterThan(100);
  });
});
