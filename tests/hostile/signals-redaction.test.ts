/**
 * One caller signal shared by thousands of calls, and secrets a server echoes back.
 */
import { getEventListeners } from 'node:events';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createCivicPassClient, createClientWithRuntime } from '../../src/client.js';
import { ApiError, ConfigurationError, TokenError } from '../../src/errors.js';
import { overUndici } from '../support/dispatcher-log.js';
import { EXAMPLE_REF, PASS_EXAMPLE } from '../support/examples.js';
import { clientOptions, fakeApi } from '../support/fake-api.js';
import { faultClient } from '../support/fault-client.js';
import { json } from '../support/scripted-server.js';
import { server } from './servers.js';

describe('one AbortSignal shared by 2,000 calls', () => {
  it('holds one listener while they run, none after, and prints no warning', async ({ skip }) => {
    // In faults-undici clientOptions puts the fetch behind a live server: 2,000 sockets.
    skip(overUndici, 'the injected fetch is the point here');
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      // An injected fetch answering on the next turn: 2,000 sockets would test the OS instead.
      const api = fakeApi({
        api: () =>
          new Promise<Response>((resolve) =>
            setImmediate(() => resolve(Response.json(PASS_EXAMPLE))),
          ),
      });
      const civic = createClientWithRuntime(clientOptions(api.fetch), { sleep: async () => {} });
      const controller = new AbortController();
      const calls = Array.from({ length: 2000 }, () =>
        civic.passes.get(EXAMPLE_REF, { signal: controller.signal }),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(getEventListeners(controller.signal, 'abort').length).toBeLessThanOrEqual(1);
      await Promise.all(calls);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      expect(api.apiRequests()).toHaveLength(2000);
      expect(api.tokenRequests()).toHaveLength(1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('rejects every call with the signal’s reason when it aborts, leaving no listener', async () => {
    const api = await server(() => () => {}); // never answers
    const tokenHost = await server(() =>
      json(200, { access_token: 'tok-abc123', token_type: 'Bearer' }),
    );
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: `${tokenHost.url}/oauth/token` });
    const controller = new AbortController();
    const calls = Array.from({ length: 200 }, () =>
      civic.passes.get(EXAMPLE_REF, { signal: controller.signal }).catch((e: unknown) => e),
    );
    while (api.requests.length < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    const reason = new Error('user gave up');
    controller.abort(reason);
    const results = await Promise.all(calls);
    expect(results.every((r) => r === reason)).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(tokenHost.requests).toHaveLength(1);
  });
});

const SECRET = 'hostile-secret-7f3a9c1d';
const TOKEN = 'bearer-token-0b1c2d3e4f';

/** Every way an error reaches a log. */
function printed(error: unknown): string {
  return [
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(error),
    String(error),
    (error as Error).stack ?? '',
  ].join('\n');
}

describe('redaction of what a server echoes', () => {
  it('masks the secret an OAuth error_description quotes (post and Basic forms)', async () => {
    for (const clientAuthentication of ['client_secret_post', 'client_secret_basic'] as const) {
      const tokenHost = await server(() => (request, response) => {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            error: 'invalid_client',
            error_description: `bad secret ${SECRET}; you sent ${request.body} ${request.headers.authorization ?? ''}`,
          }),
        );
      });
      const api = await server([]);
      const { civic } = faultClient({
        baseUrl: api.url,
        tokenUrl: `${tokenHost.url}/oauth/token`,
        clientSecret: SECRET,
        clientAuthentication,
      });
      const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TokenError);
      const text = printed(error);
      expect(text).toContain('[redacted]');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(encodeURIComponent(SECRET));
      const basic = Buffer.from(`mock-client:${SECRET}`).toString('base64');
      expect(text).not.toContain(basic);
      expect(tokenHost.requests).toHaveLength(1);
      expect(api.requests).toHaveLength(0);
    }
  });

  it('masks the bearer token an API error body echoes, in message, body, toJSON and inspect', async () => {
    const tokenHost = await server(() =>
      json(200, { access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 }),
    );
    const api = await server(() => (request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          code: 'INVALID_REQUEST',
          message: `rejected ${request.headers.authorization}`,
          echo: { headers: request.headers },
        }),
      );
    });
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: `${tokenHost.url}/oauth/token`,
      maxRetries: 0,
    });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const text = printed(error);
    expect(text).not.toContain(TOKEN);
    expect(JSON.stringify((error as ApiError).body)).toContain('Bearer [redacted]');
    expect(api.requests).toHaveLength(1);
  });

  it('never echoes a URL password, even from a base URL that does not parse', () => {
    for (const baseUrl of [
      'https://user:hunter2pass@api civic.com/partner',
      'https://user:hunter2pass@api.civic.com',
    ]) {
      const error = (() => {
        try {
          createCivicPassClient({ baseUrl, tokenUrl: 'https://auth.example/token' });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ option: 'baseUrl' });
      expect(printed(error)).not.toContain('hunter2pass');
    }
  });
});
