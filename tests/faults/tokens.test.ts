/**
 * The token endpoint failing, and a token the API stops accepting mid-session. The API server
 * checks every bearer token against the local token endpoint's list, as a real API would.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthenticationError, ConnectionError, TokenError } from '../../src/errors.js';
import { startTokenServer, type TokenServer } from '../../src/testing/index.js';
import { EXAMPLE_REF, PASS_EXAMPLE } from '../support/examples.js';
import { faultClient } from '../support/fault-client.js';
import {
  json,
  type ScriptedServer,
  type Step,
  scriptedServer,
} from '../support/scripted-server.js';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function tokenServer(options?: Parameters<typeof startTokenServer>[0]) {
  const tokens = await startTokenServer(options);
  servers.push(tokens);
  return tokens;
}

async function server(script: Parameters<typeof scriptedServer>[0]): Promise<ScriptedServer> {
  const started = await scriptedServer(script);
  servers.push(started);
  return started;
}

/** An API that accepts only the tokens the token endpoint issued and has not revoked. */
function guarded(tokens: TokenServer, ok: Step): (index: number) => Step {
  return () => (request, response, socket) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (token && tokens.isValid(token)) return ok(request, response, socket);
    return json(401, { message: 'Unauthorized' })(request, response, socket);
  };
}

const bearer = (api: ScriptedServer) => api.requests.map((r) => r.headers.authorization);

describe('a cold client under concurrent calls', () => {
  it('asks the token endpoint once for 50 simultaneous calls over real sockets', async () => {
    const tokens = await tokenServer();
    const api = await server(guarded(tokens, json(200, PASS_EXAMPLE)));
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    const passes = await Promise.all(
      Array.from({ length: 50 }, () => civic.passes.get(EXAMPLE_REF)),
    );
    expect(passes).toHaveLength(50);
    expect(tokens.requestCount).toBe(1);
    expect(new Set(bearer(api))).toEqual(new Set([`Bearer ${tokens.issued[0]}`]));
    expect(api.requests).toHaveLength(50);
  });
});

describe('a token revoked mid-session', () => {
  it('is renewed once and the same request, body included, is sent again', async () => {
    const tokens = await tokenServer();
    const api = await server(
      guarded(tokens, (request, response, socket) =>
        json(request.method === 'POST' ? 202 : 200, PASS_EXAMPLE)(request, response, socket),
      ),
    );
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    await civic.passes.get(EXAMPLE_REF);
    const [first] = tokens.issued;
    tokens.revoke(first as string);

    await expect(civic.passes.issue(EXAMPLE_REF)).resolves.toEqual(PASS_EXAMPLE);
    expect(tokens.requestCount).toBe(2);
    const [, second] = tokens.issued;
    expect(bearer(api)).toEqual([`Bearer ${first}`, `Bearer ${first}`, `Bearer ${second}`]);
    expect(api.requests[1]?.body).toBe(JSON.stringify({ walletAddress: EXAMPLE_REF.wallet }));
    expect(api.requests[2]?.body).toBe(api.requests[1]?.body);
  });

  it('ends in an AuthenticationError when the renewed token is refused too: no loop', async () => {
    const tokens = await tokenServer();
    const api = await server(() => json(401, { message: 'Unauthorized' }));
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, operationId: 'getPass' });
    expect(api.requests).toHaveLength(2);
    expect(tokens.requestCount).toBe(2);
    for (const token of tokens.issued) expect(inspect(error)).not.toContain(token);
  });
});

describe('the token endpoint down', () => {
  it('refusing connections: a ConnectionError after 1 + maxRetries tries, nothing sent to the API', async () => {
    const api = await server([]);
    const gone = await tokenServer();
    await gone.close(); // its port now refuses connections
    const { civic, log } = faultClient({ baseUrl: api.url, tokenUrl: gone.url });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(log.to(gone.url)).toHaveLength(3);
    expect(api.requests).toHaveLength(0);
    expect(`${inspect(error)} ${JSON.stringify(error)}`).not.toContain('mock-secret');
  });

  it('answering 503: a TokenError with the status after 1 + maxRetries tries', async () => {
    const api = await server([]);
    const auth = await server(() =>
      json(503, { error: 'temporarily_unavailable', error_description: 'maintenance' }),
    );
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: `${auth.url}/oauth/token` });
    const error = await civic.passes.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ status: 503 });
    expect(auth.requests).toHaveLength(3);
    expect(api.requests).toHaveLength(0);
  });

  it('refusing the credentials: a TokenError with the OAuth error, asked once', async () => {
    const api = await server([]);
    const tokens = await tokenServer({ clientSecret: 'another-secret' });
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ error: 'invalid_client', status: 401 });
    expect(tokens.requestCount).toBe(1);
    expect(api.requests).toHaveLength(0);
    expect(`${inspect(error)} ${(error as Error).stack}`).not.toContain('mock-secret');
  });
});
