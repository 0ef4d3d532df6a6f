/**
 * Auth checks: the token endpoint refuses a wrong secret and a wrong audience, the other client
 * authentication method is tried (a warning when refused), and every secured operation refuses
 * no token, a malformed token and a well-formed unknown one with 401.
 */
import { OPERATIONS } from '../../../generated/api.js';
import type { Context } from '../context.js';
import { jsonProbe, type Probe, type ProbeAuth } from '../probe.js';
import { requestToken, type TokenSettings } from '../token.js';
import { type Fixtures, passPath } from './fixtures.js';

const WRONG_AUDIENCE = 'https://audience.invalid/conformance';

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** A token that looks like a real one (a signed JWT for the API's audience) but was never issued. */
function unknownToken(ctx: Context, audience: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'conformance' }));
  const payload = base64url(
    JSON.stringify({
      iss: 'https://issuer.invalid/',
      aud: audience,
      sub: 'conformance@clients',
      exp: 4102444800,
    }),
  );
  const signature = base64url(Uint8Array.from({ length: 256 }, () => ctx.random.int(256)));
  return `${header}.${payload}.${signature}`;
}

/**
 * A request to each secured operation that is valid but for its token; writes aim at a wallet
 * and a PII request that do not exist, so a server that ignores the token changes nothing real.
 */
export function validProbe(
  operationId: string,
  ctx: Context,
  fixtures: Fixtures,
  auth: ProbeAuth,
): Probe | undefined {
  const read = fixtures.readWallet();
  const fresh = { ...read, address: ctx.random.wallet(read.chain) };
  const scope = encodeURIComponent(fixtures.scopeRequestId ?? fixtures.exampleScope);
  const ghost = `conformance-${ctx.random.seed}`;
  switch (operationId) {
    case 'listPass':
      return jsonProbe('POST', '/pass', { limit: 1, skip: 0 }, auth);
    case 'issuePass':
      return jsonProbe(
        'POST',
        `/pass/${read.chain}/${read.chainNetwork}`,
        { walletAddress: fresh.address },
        auth,
      );
    case 'getPass':
      return jsonProbe('GET', passPath(read), undefined, auth);
    case 'patchPass':
      return jsonProbe('PATCH', passPath(fresh), { state: 'FROZEN' }, auth);
    case 'deletePass':
      return jsonProbe('DELETE', passPath(fresh), undefined, auth);
    case 'getPii':
      return jsonProbe('GET', `/piirequest/${scope}`, undefined, auth);
    case 'getPiiEvidence':
      return jsonProbe(
        'GET',
        `/piirequest/${scope}/evidence/${fixtures.exampleRel}`,
        undefined,
        auth,
      );
    case 'updatePiiReceipt':
      return jsonProbe('PUT', `/piirequest/${ghost}/status`, { status: 'partner-fail' }, auth);
    default:
      return undefined;
  }
}

/**
 * Runs the auth checks.
 *
 * @example
 * await authChecks(ctx, fixtures, tokenSettings);
 */
export async function authChecks(
  ctx: Context,
  fixtures: Fixtures,
  token: TokenSettings,
): Promise<void> {
  const timeout = ctx.settings.timeoutMs;
  await ctx.check(
    {
      id: 'auth.token-wrong-secret',
      operationId: 'token',
      name: 'the token endpoint refuses a wrong client secret',
    },
    async (run) => {
      const answer = await requestToken(
        ctx.fetch,
        token,
        { clientSecret: `wrong-${ctx.random.seed}-${token.clientSecret.length}` },
        timeout,
      );
      run.note(answer.curl, 'POST', token.tokenUrl, answer);
      if (answer.token !== undefined)
        run.fail(
          `the token endpoint accepts a wrong client secret (answered ${answer.status} with a token)`,
        );
      else if (answer.status !== 401 && answer.status !== 400)
        run.fail(`expected 401 invalid_client, got ${answer.status}`);
      else if (answer.error !== 'invalid_client')
        run.fail(`expected the OAuth error invalid_client, got ${answer.error ?? 'none'}`);
    },
  );
  const other =
    token.method === 'client_secret_post' ? 'client_secret_basic' : 'client_secret_post';
  await ctx.check(
    {
      id: 'auth.token-method',
      operationId: 'token',
      name: `the token endpoint also accepts ${other} (RFC 6749 §2.3.1)`,
    },
    async (run) => {
      const answer = await requestToken(ctx.fetch, token, { method: other }, timeout);
      run.note(answer.curl, 'POST', token.tokenUrl, answer);
      if (answer.token === undefined)
        run.warn(
          `the token endpoint refused ${other}: ${answer.status} ${answer.error ?? answer.text}`,
        );
    },
  );
  await ctx.check(
    {
      id: 'auth.wrong-audience',
      operationId: 'listPass',
      name: 'a token for another audience is refused or useless',
    },
    async (run) => {
      const answer = await requestToken(ctx.fetch, token, { audience: WRONG_AUDIENCE }, timeout);
      run.note(answer.curl, 'POST', token.tokenUrl, answer);
      if (answer.token === undefined) {
        if (answer.status < 400 || answer.status >= 500)
          run.fail(`the token endpoint answered ${answer.status} without a token`);
        return;
      }
      const probe = validProbe('listPass', ctx, fixtures, {
        authorization: `Bearer ${answer.token}`,
        shown: 'Bearer $WRONG_AUDIENCE_TOKEN',
      });
      if (probe) {
        await run.send(probe, 'listPass', {
          statuses: [401],
          mismatch: (status) =>
            `listPass accepts a token issued for ${WRONG_AUDIENCE} (answered ${status})`,
        });
      }
    },
  );
  const unknown = unknownToken(ctx, token.audience);
  const variants: [string, string, ProbeAuth][] = [
    ['no-token', 'without a token', 'none'],
    ['malformed-token', 'with a malformed token', { authorization: 'Bearer not a token!' }],
    ['unknown-token', 'with a well-formed unknown token', { authorization: `Bearer ${unknown}` }],
  ];
  for (const [name, words, auth] of variants) {
    for (const op of OPERATIONS) {
      if (op.scopes === null) continue;
      const probe = validProbe(op.operationId, ctx, fixtures, auth);
      if (!probe) continue;
      await ctx.check(
        {
          id: `auth.${name}`,
          operationId: op.operationId,
          name: `${op.operationId} ${words} answers 401`,
          writes: op.method !== 'GET' && op.operationId !== 'listPass',
        },
        async (run) => {
          const exchange = await run.send(probe, op.operationId, {
            statuses: [401],
            mismatch: (status) =>
              `${op.operationId} accepts a request ${words} (answered ${status}, expected 401)`,
          });
          // RFC 6750 §3: a 401 names the scheme the client should use (header values arrive
          // trimmed).
          const challenge = exchange.headers.get('www-authenticate');
          if (exchange.status === 401 && !/^Bearer\b/i.test(String(challenge))) {
            run.fail(
              `${op.operationId} 401 has no WWW-Authenticate: Bearer (got ${challenge ?? 'none'})`,
            );
          }
        },
      );
    }
  }
}
