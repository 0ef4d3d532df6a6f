/**
 * Guidance that names the setting at fault (issue 13, item 1), in the library's messages and in
 * the CLI's hints: a wrong base URL, an unreachable or wrong token URL, refused credentials, and
 * a base URL of another origin given without a token URL.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { describeError } from '../../src/cli/errors.js';
import { createCivicPassClient } from '../../src/client.js';
import { PACKAGE_VERSION } from '../../src/config.js';
import {
  ConfigurationError,
  ConnectionError,
  NotFoundError,
  TokenError,
} from '../../src/errors.js';
import { startTokenServer } from '../../src/testing/index.js';
import { EXAMPLE_REF, PASS_EXAMPLE } from '../support/examples.js';
import { faultClient } from '../support/fault-client.js';
import { closedPort, json, raw } from '../support/scripted-server.js';
import { closeAfter, server } from './servers.js';

async function failure(promise: Promise<unknown>): Promise<Error> {
  return (await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  )) as Error;
}

describe('a wrong base URL', () => {
  it('reports a 404 ROUTE_NOT_FOUND as a wrong base URL, not a missing pass', async () => {
    const api = await server([
      json(404, { code: 'ROUTE_NOT_FOUND', message: 'no route GET /pass/ethereum/…' }),
    ]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    const error = await failure(civic.passes.get(EXAMPLE_REF));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('check baseUrl');
    expect(error.message).toContain('/partner');
    const line = describeError(error);
    expect(line).toContain('--base-url');
    expect(line).not.toContain('check the chain, network and wallet');
    expect(api.requests).toHaveLength(1);
  });

  it('keeps the chain/network/wallet hint for a pass that is not there', async () => {
    const api = await server([json(404, { code: 'PASS_NOT_FOUND', message: 'no pass' })]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    const error = await failure(civic.passes.get(EXAMPLE_REF));
    expect(error.message).not.toContain('baseUrl');
    expect(describeError(error)).toContain('check the chain, network and wallet');
  });
});

describe('a wrong token URL', () => {
  it('blames tokenUrl, not the base URL, when the token host cannot be reached', async () => {
    const api = await server([json(200, PASS_EXAMPLE)]);
    const port = await closedPort();
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: `http://127.0.0.1:${port}/oauth/token`,
      maxRetries: 0,
    });
    const error = await failure(civic.passes.get(EXAMPLE_REF));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain('tokenUrl');
    expect(error.message).not.toContain('baseUrl');
    const line = describeError(error);
    expect(line).toContain('--token-url');
    expect(line).not.toContain('--base-url');
    expect(api.requests).toHaveLength(0);
  });

  it('blames tokenUrl, not the credentials, when the token URL answers 404 with HTML', async () => {
    const tokenHost = await server([raw(404, 'text/html', '<html>Not Found</html>')]);
    const api = await server([json(200, PASS_EXAMPLE)]);
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: `${tokenHost.url}/wrong` });
    const error = await failure(civic.passes.get(EXAMPLE_REF));
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toContain('check tokenUrl');
    expect(error.message).not.toMatch(/credentials|content-type/);
    expect(describeError(error)).toContain('--token-url');
    expect(describeError(error)).not.toContain('CIVIC_CLIENT_SECRET');
    expect([tokenHost.requests.length, api.requests.length]).toEqual([1, 0]);
  });

  it('blames tokenUrl when the token URL answers 200 with an HTML page', async () => {
    const tokenHost = await server([raw(200, 'text/html', '<html>login portal</html>')]);
    const api = await server([json(200, PASS_EXAMPLE)]);
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: `${tokenHost.url}/portal` });
    const error = await failure(civic.passes.get(EXAMPLE_REF));
    expect(error.message).toContain('check tokenUrl');
    expect([tokenHost.requests.length, api.requests.length]).toEqual([1, 0]);
  });

  it('blames tokenUrl, not the credentials, when a 200 gives a token the client cannot use', async () => {
    const tokenHost = await server([
      json(200, { access_token: 'not a header value', token_type: 'Bearer', expires_in: 3600 }),
    ]);
    const api = await server([json(200, PASS_EXAMPLE)]);
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: `${tokenHost.url}/token` });
    const error = await failure(civic.passes.get(EXAMPLE_REF));
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).status).toBe(200);
    const line = describeError(error);
    expect(line).toContain('--token-url / CIVIC_TOKEN_URL');
    expect(line).not.toContain('CIVIC_CLIENT_SECRET');
    expect([tokenHost.requests.length, api.requests.length]).toEqual([1, 0]);
  });

  it('blames the credentials when the token endpoint says invalid_client', async () => {
    const tokens = closeAfter(await startTokenServer({ clientSecret: 'the-right-secret' }));
    const api = await server([json(200, PASS_EXAMPLE)]);
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
    const error = await failure(civic.passes.get(EXAMPLE_REF));
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toContain('check clientId and clientSecret');
    expect(describeError(error)).toContain('CIVIC_CLIENT_SECRET');
    expect(describeError(error)).not.toContain('--token-url');
    expect([tokens.requestCount, api.requests.length]).toEqual([1, 0]);
  });
});

describe('credentials go only to a token endpoint the user chose', () => {
  it('refuses a baseUrl on another origin than api.civic.com without tokenUrl', () => {
    vi.stubEnv('CIVIC_TOKEN_URL', '');
    vi.stubEnv('CIVIC_API_BASE_URL', '');
    try {
      let error: unknown;
      try {
        createCivicPassClient({
          baseUrl: 'http://127.0.0.1:4010',
          clientId: 'a',
          clientSecret: 'b',
        });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ code: 'CONFIGURATION', option: 'tokenUrl' });
      expect(describeError(error)).toContain('--token-url');
      // Also when only CIVIC_API_BASE_URL points elsewhere.
      vi.stubEnv('CIVIC_API_BASE_URL', 'http://127.0.0.1:4010');
      expect(() => createCivicPassClient()).toThrow(ConfigurationError);
      // With the token URL set (option or environment), or Civic's own base URL, it is fine.
      vi.stubEnv('CIVIC_TOKEN_URL', 'http://127.0.0.1:4010/oauth/token');
      expect(createCivicPassClient().settings.tokenUrl).toBe('http://127.0.0.1:4010/oauth/token');
      vi.stubEnv('CIVIC_TOKEN_URL', '');
      vi.stubEnv('CIVIC_API_BASE_URL', '');
      expect(
        createCivicPassClient({ baseUrl: 'https://api.civic.com/partner' }).settings.tokenUrl,
      ).toBe('https://auth0.civic.com/oauth/token');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('visibility: logger and User-Agent', () => {
  it('logs each attempt and each wait with its reason, never a secret', async () => {
    const api = await server([
      json(429, { code: 'RATE_LIMITED', message: 'slow' }, { 'retry-after': '4' }),
      json(200, PASS_EXAMPLE),
    ]);
    const tokens = closeAfter(await startTokenServer());
    const lines: string[] = [];
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: tokens.url,
      logger: {
        debug: (message, fields) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`),
      },
    });
    await civic.passes.get(EXAMPLE_REF);
    expect(lines.some((line) => line.startsWith('attempt 1 of 3: getPass'))).toBe(true);
    expect(lines.some((line) => line.includes('waiting 4000 ms (429 Retry-After)'))).toBe(true);
    expect(lines.some((line) => line.startsWith('attempt 2 of 3: getPass'))).toBe(true);
    expect(lines.some((line) => line.startsWith('token request attempt 1'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/mock-secret|Bearer /);
    expect(api.requests).toHaveLength(2);
  });

  it('turns on a stderr logger with CIVIC_PASS_LOG=debug', async () => {
    const api = await server([json(200, PASS_EXAMPLE)]);
    const tokens = closeAfter(await startTokenServer());
    vi.stubEnv('CIVIC_PASS_LOG', 'debug');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { civic } = faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
      await civic.passes.get(EXAMPLE_REF);
      const printed = spy.mock.calls.map((call) => String(call[0]));
      expect(printed.some((line) => line.startsWith('civic-pass debug: attempt 1 of 3'))).toBe(
        true,
      );
    } finally {
      spy.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it('sends User-Agent civic-pass-client/<version> node/<version>, to the API and the token endpoint', async () => {
    const api = await server([json(200, PASS_EXAMPLE)]);
    const tokenHost = await server([
      json(200, { access_token: 'ua-token-123', token_type: 'Bearer', expires_in: 60 }),
    ]);
    const { civic } = faultClient({ baseUrl: api.url, tokenUrl: `${tokenHost.url}/oauth/token` });
    await civic.passes.get(EXAMPLE_REF);
    const expected = `civic-pass-client/${PACKAGE_VERSION} node/${process.versions.node}`;
    expect(api.requests[0]?.headers['user-agent']).toBe(expected);
    expect(tokenHost.requests[0]?.headers['user-agent']).toBe(expected);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(PACKAGE_VERSION).toBe(pkg.version);
  });
});
