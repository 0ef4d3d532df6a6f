/**
 * The token source on its own (createTokenProvider with an injected sender, a fake clock and a
 * recording log): the exact errors a user reads when the token request fails (message, status,
 * OAuth fields, the setting to check), the retry decision, the deadlines, and what is kept.
 */
import { describe, expect, it } from 'vitest';
import type { Sender, SendLimits } from '../../src/attempt.js';
import { causeText, createTokenProvider, type TokenProviderConfig } from '../../src/auth.js';
import { Deadline } from '../../src/deadline.js';
import {
  CivicPassError,
  ConnectionError,
  InvalidResponseError,
  TimeoutError,
  TokenError,
} from '../../src/errors.js';
import type { Log } from '../../src/log.js';
import { redact } from '../../src/redact.js';
import { BodyTooLargeError } from '../../src/response.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  connectionError,
  fakeRuntime,
  hang,
  TOKEN_URL,
} from '../support/fake-api.js';

type Answer = (n: number, limits: SendLimits) => Response | Promise<Response>;

const CREDENTIALS_HINT = 'check clientId and clientSecret (CIVIC_CLIENT_ID, CIVIC_CLIENT_SECRET)';
const TOKEN_URL_HINT = 'check tokenUrl (CIVIC_TOKEN_URL)';

/** A token source whose sender answers the n-th token request with `answer(n)`. */
function tokenSource(answer: Answer, overrides: Partial<TokenProviderConfig> = {}) {
  const fake = fakeRuntime();
  const debug: string[] = [];
  const log: Log = {
    debug: (message) => debug.push(message),
    info: () => {},
    warn: () => {},
    error: () => {},
  };
  let sent = 0;
  const send: Sender = async (_url, _init, limits) => answer(++sent, limits);
  const tokens = createTokenProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    tokenUrl: TOKEN_URL,
    allowInsecureLoopback: false,
    audience: 'https://api.civic.com/pass',
    clientAuthentication: 'client_secret_post',
    send,
    maxRetries: 2,
    timeoutMs: 10_000,
    attemptTimeoutMs: 5_000,
    maxResponseBytes: 1_000_000,
    defaultHeaders: [],
    runtime: fake.runtime,
    log,
    ...overrides,
  });
  return { tokens, debug, sleeps: fake.sleeps, clock: fake.clock, sent: () => sent };
}

/** The rejection of `promise` (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${String(value)}`);
    },
    (error: Error) => error,
  );
}

const bearer = (token: string) =>
  Response.json({ access_token: token, token_type: 'Bearer', expires_in: 3600 });

/** An attempt that never answers: it ends when its own deadline aborts it. */
function stall(onAbort: () => void = () => {}): Answer {
  return (_n, limits) => {
    limits.signal.addEventListener('abort', onAbort, { once: true });
    return hang(limits.signal);
  };
}

describe('the token endpoint refusing the grant: the OAuth error, and what to check', () => {
  it('access_denied with a description: names both, and points at the audience and the client', async () => {
    const { tokens, sent } = tokenSource(() =>
      Response.json(
        { error: 'access_denied', error_description: 'not for this audience' },
        { status: 403 },
      ),
    );
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} refused the client credentials grant with 403: access_denied (not for this audience); check audience and the client`,
    );
    expect(error).toMatchObject({
      error: 'access_denied',
      error_description: 'not for this audience',
      status: 403,
    });
    expect(sent()).toBe(1);
  });

  it('invalid_client without a description: points at the credentials', async () => {
    const { tokens } = tokenSource(() =>
      Response.json({ error: 'invalid_client' }, { status: 401 }),
    );
    const error = await rejection(tokens.getToken());
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} refused the client credentials grant with 401: invalid_client; ${CREDENTIALS_HINT}`,
    );
    expect(error).toMatchObject({ error: 'invalid_client', status: 401 });
    expect((error as TokenError).error_description).toBeUndefined();
  });

  it('a WWW-Authenticate challenge (no JSON body): its error and description, and the credentials to check', async () => {
    const { tokens, sent } = tokenSource(
      () =>
        new Response('denied', {
          status: 401,
          headers: {
            'content-type': 'text/plain',
            'www-authenticate': 'Basic error="invalid_client", error_description="unknown client"',
          },
        }),
    );
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} refused the client credentials grant with 401: invalid_client (unknown client); ${CREDENTIALS_HINT}`,
    );
    expect(error).toMatchObject({
      error: 'invalid_client',
      error_description: 'unknown client',
      status: 401,
    });
    expect(sent()).toBe(1);
  });

  it('a challenge without parameters: the status and the credentials to check, nothing made up', async () => {
    const { tokens } = tokenSource(
      () =>
        new Response(null, {
          status: 401,
          headers: { 'www-authenticate': 'Basic realm="auth"' },
        }),
    );
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} refused the client credentials grant with 401; ${CREDENTIALS_HINT}`,
    );
    expect(error).toMatchObject({ error: undefined, error_description: undefined, status: 401 });
  });
});

describe('a token endpoint answer that cannot be used: the tokenUrl to check', () => {
  it('a JSON error answer without an OAuth error: unusable, with its status', async () => {
    const { tokens, sent } = tokenSource(() =>
      Response.json({ message: 'bad request' }, { status: 400 }),
    );
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} gave an unusable answer (400): "response" is not a conform Token Endpoint response (unexpected HTTP status code); ${TOKEN_URL_HINT}`,
    );
    expect(error).toMatchObject({ status: 400, error: undefined });
    expect(sent()).toBe(1);
  });

  it('a 200 without access_token: unusable', async () => {
    const { tokens } = tokenSource(() => Response.json({ token_type: 'Bearer' }));
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} gave an unusable answer: "response" body "access_token" property must be a string; ${TOKEN_URL_HINT}`,
    );
  });

  it('a token type oauth4webapi does not know: unsupported', async () => {
    const { tokens } = tokenSource(() =>
      Response.json({ access_token: 'abcdef', token_type: 'mac', expires_in: 60 }),
    );
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} gave an unsupported token: unsupported \`token_type\` value`,
    );
  });

  it('a DPoP token: named, with the status', async () => {
    const { tokens } = tokenSource(() =>
      Response.json({ access_token: 'abcdef', token_type: 'DPoP', expires_in: 60 }),
    );
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} gave a token of type "dpop"; only bearer tokens are supported`,
    );
    expect(error).toMatchObject({ status: 200 });
  });

  it('a token that cannot go into a header: with the status', async () => {
    const { tokens } = tokenSource(() =>
      Response.json({ access_token: 'tok en', token_type: 'Bearer', expires_in: 60 }),
    );
    const error = await rejection(tokens.getToken());
    expect(error).toMatchObject({ code: 'TOKEN', status: 200 });
  });
});

describe('an answer that is not the token endpoint at all (wrong tokenUrl)', () => {
  it.each([404, 405])(
    'a JSON %i, even with an OAuth-looking error field: not a token answer, with the status',
    async (status) => {
      const { tokens, sent } = tokenSource(() => Response.json({ error: 'not_found' }, { status }));
      const error = await rejection(tokens.getToken());
      expect(error).toBeInstanceOf(TokenError);
      expect(error.message).toBe(
        `the token endpoint ${TOKEN_URL} answered ${status} (application/json), which is not an OAuth token answer: ${TOKEN_URL_HINT}`,
      );
      expect(error).toMatchObject({ status, error: undefined });
      expect(sent()).toBe(1);
    },
  );

  it('an HTML page: its media type without parameters', async () => {
    const { tokens } = tokenSource(
      () =>
        new Response('<html>login</html>', {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    );
    const error = await rejection(tokens.getToken());
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} answered 200 (text/html), which is not an OAuth token answer: ${TOKEN_URL_HINT}`,
    );
    expect(error).toMatchObject({ status: 200 });
  });

  it('an empty answer without a content type', async () => {
    const { tokens } = tokenSource(() => new Response(null, { status: 200 }));
    const error = await rejection(tokens.getToken());
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} answered 200, which is not an OAuth token answer: ${TOKEN_URL_HINT}`,
    );
  });
});

describe('a token request that never leaves', () => {
  it.each([
    [{ clientSecret: undefined }, 'CIVIC_CLIENT_SECRET'],
    [{ clientId: '' }, 'CIVIC_CLIENT_ID'],
    [{ clientId: undefined, clientSecret: '' }, 'CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET'],
  ])('missing credentials (%j): names only the missing variable', async (overrides, missing) => {
    const { tokens, sent } = tokenSource(() => bearer('tok-1'), overrides);
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(CivicPassError);
    expect(error.message).toBe(
      `no client credentials: pass clientId and clientSecret to createCivicPassClient, or set ${missing}`,
    );
    expect(error).toMatchObject({ code: 'MISSING_CREDENTIALS' });
    expect(sent()).toBe(0);
  });

  it('oauth4webapi refusing a plain http token URL: a TokenError naming tokenUrl, nothing sent', async () => {
    const tokenUrl = 'http://auth.test.example/oauth/token';
    const { tokens, sent } = tokenSource(() => bearer('tok-1'), { tokenUrl });
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toBe(
      `the token endpoint ${tokenUrl} gave an unusable answer: only requests to HTTPS are allowed; ${TOKEN_URL_HINT}`,
    );
    expect(sent()).toBe(0);
  });

  it('a header that cannot be sent: a TokenError, nothing sent', async () => {
    const { tokens, sent } = tokenSource(() => bearer('tok-1'), {
      defaultHeaders: [['user-agent', 'bad\nagent']],
    });
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toBe(`the token request to ${TOKEN_URL} failed`);
    expect(sent()).toBe(0);
  });
});

describe('retries of the token request', () => {
  it('503 every time: 1 + maxRetries requests, growing waits, logged, then the status', async () => {
    const { tokens, sent, sleeps, debug } = tokenSource(
      () => new Response('busy', { status: 503 }),
    );
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TokenError);
    expect(error.message).toBe(`the token endpoint ${TOKEN_URL} (tokenUrl) failed with 503`);
    expect(error).toMatchObject({ status: 503 });
    expect(sent()).toBe(3);
    expect(sleeps).toEqual([250, 500]); // random 0.5 of 500 ms, then of 1,000 ms
    expect(debug).toEqual([
      `token request attempt 1 of 3 to ${TOKEN_URL}`,
      'waiting 250 ms (token request: TOKEN) before retry 1',
      `token request attempt 2 of 3 to ${TOKEN_URL}`,
      'waiting 500 ms (token request: TOKEN) before retry 2',
      `token request attempt 3 of 3 to ${TOKEN_URL}`,
    ]);
  });

  it('a Retry-After of exactly the time left: no wait, the 503 at once', async () => {
    const { tokens, sent, sleeps } = tokenSource(
      () => new Response('busy', { status: 503, headers: { 'retry-after': '10' } }),
    );
    const error = await rejection(tokens.getToken());
    expect(error).toMatchObject({ code: 'TOKEN', status: 503 });
    expect(sleeps).toEqual([]);
    expect(sent()).toBe(1);
  });

  it('a wait that overran the whole deadline: a TimeoutError naming timeoutMs, no other request', async () => {
    const fake = fakeRuntime();
    const { tokens, sent } = tokenSource(() => new Response('busy', { status: 503 }), {
      runtime: {
        ...fake.runtime,
        sleep: async () => {
          fake.clock.now += 60_000; // the machine slept
        },
      },
    });
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(
      `the token request to ${TOKEN_URL} (tokenUrl) did not complete within 10000 ms (timeoutMs)`,
    );
    expect(error).toMatchObject({
      timeoutMs: 10_000,
      operationId: undefined,
      method: 'POST',
      path: TOKEN_URL,
    });
    expect(sent()).toBe(1);
  });
});

describe('one token attempt', () => {
  it('gets attemptTimeoutMs and the body cap (a slow answer within them is taken)', async () => {
    const caps: number[] = [];
    const { tokens } = tokenSource(
      (_n, limits) => {
        caps.push(limits.maxResponseBytes);
        return new Promise<Response>((resolve, reject) => {
          const timer = setTimeout(() => resolve(bearer('slow-token')), 50);
          limits.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(limits.signal.reason);
          });
        });
      },
      { maxRetries: 0, maxResponseBytes: 4_096 },
    );
    await expect(tokens.getToken()).resolves.toBe('slow-token');
    expect(caps).toEqual([4_096]);
  });
});

describe('how one token attempt failed', () => {
  it('a stalled attempt with time left: attemptTimeoutMs is named', async () => {
    const { tokens, sent } = tokenSource(stall(), {
      attemptTimeoutMs: 30,
      maxRetries: 0,
    });
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(
      `the token request to ${TOKEN_URL} (tokenUrl) got no answer within 30 ms (attemptTimeoutMs)`,
    );
    expect(error).toMatchObject({ timeoutMs: 30, method: 'POST', path: TOKEN_URL });
    expect(sent()).toBe(1);
  });

  it('a stalled attempt that used up the whole deadline: timeoutMs is named', async () => {
    const fake = fakeRuntime();
    const { tokens } = tokenSource(
      stall(() => {
        fake.clock.now += 30;
      }),
      { runtime: fake.runtime, timeoutMs: 30, attemptTimeoutMs: 30 },
    );
    const error = await rejection(tokens.getToken());
    expect(error.message).toBe(
      `the token request to ${TOKEN_URL} (tokenUrl) did not complete within 30 ms (timeoutMs)`,
    );
    expect(error).toMatchObject({ timeoutMs: 30 });
  });

  it('an attempt cut short by the whole deadline: timeoutMs is named', async () => {
    const { tokens } = tokenSource(stall(), { timeoutMs: 30, attemptTimeoutMs: 5_000 });
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(
      `the token request to ${TOKEN_URL} (tokenUrl) did not complete within 30 ms (timeoutMs)`,
    );
  });

  it('a redirect: where it went, tokenUrl to check, not retried', async () => {
    const { tokens, sent } = tokenSource(
      () => new Response(null, { status: 302, headers: { location: 'https://evil.test/steal' } }),
    );
    const error = await rejection(tokens.getToken());
    expect(error.message).toBe(
      `the token endpoint ${TOKEN_URL} answered 302 with a redirect to https://evil.test; the client follows no redirect (Civic's API does not redirect): check tokenUrl`,
    );
    expect(error).toMatchObject({ code: 'REDIRECT' });
    expect(sent()).toBe(1);
  });

  it('a body too large: the token request as the target, tokenUrl to check, not retried', async () => {
    const { tokens, sent } = tokenSource(() => {
      throw new BodyTooLargeError(100);
    });
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      operationId: undefined,
      method: 'POST',
      path: TOKEN_URL,
    });
    expect(error.message).toContain(
      `its body is larger than maxResponseBytes (100 bytes); ${TOKEN_URL_HINT}`,
    );
    expect(sent()).toBe(1);
  });

  it('a connection error: its cause in the message and as the cause', async () => {
    const thrown = connectionError('ECONNREFUSED');
    const { tokens } = tokenSource(
      () => {
        throw thrown;
      },
      { maxRetries: 0 },
    );
    const error = await rejection(tokens.getToken());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe(
      `could not reach the token endpoint ${TOKEN_URL}: fetch failed: connect ECONNREFUSED 10.0.0.1:443; ${TOKEN_URL_HINT}`,
    );
    expect(error.cause).toBe(thrown);
    expect(error).toMatchObject({ refused: true, method: 'POST', path: TOKEN_URL });
  });

  it('a sender rejecting with something else than an Error: that thing, as text', async () => {
    const { tokens } = tokenSource(() => Promise.reject('socket hang up'), { maxRetries: 0 });
    const error = await rejection(tokens.getToken());
    expect(error.message).toBe(
      `could not reach the token endpoint ${TOKEN_URL}: socket hang up; ${TOKEN_URL_HINT}`,
    );
  });
});

describe('waiting for the shared token', () => {
  it("ends at the caller's deadline while the token request goes on for the others", async () => {
    const { tokens, sent, clock } = tokenSource(
      () =>
        new Promise<Response>((resolve) => {
          setTimeout(() => resolve(bearer('tok-1')), 150);
        }),
    );
    const error = await rejection(tokens.getToken(undefined, new Deadline(20, () => clock.now)));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(
      `waiting for a token from ${TOKEN_URL} (tokenUrl) outlasted the call's 20 ms (timeoutMs)`,
    );
    expect(error).toMatchObject({ timeoutMs: 20, method: 'POST', path: TOKEN_URL });
    await expect(tokens.getToken()).resolves.toBe('tok-1');
    await expect(tokens.getToken(undefined, new Deadline(20, () => clock.now))).resolves.toBe(
      'tok-1',
    );
    expect(sent()).toBe(1);
  });

  it('gets the token within a deadline that does not pass', async () => {
    const { tokens, clock } = tokenSource(() => bearer('tok-1'));
    await expect(tokens.getToken(undefined, new Deadline(5_000, () => clock.now))).resolves.toBe(
      'tok-1',
    );
  });

  it('an already aborted signal: its reason, and no token request', async () => {
    const { tokens, sent } = tokenSource(() => bearer('tok-1'));
    const reason = new Error('gone');
    await expect(tokens.getToken(AbortSignal.abort(reason))).rejects.toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent()).toBe(0);
  });
});

describe('what is kept', () => {
  it('a token refused twice (two calls got 401 with it) is forgotten once, without an error', async () => {
    const { tokens } = tokenSource((n) => bearer(`tok-${n}`));
    expect(() => tokens.invalidate('tok-0')).not.toThrow(); // nothing cached yet
    const first = await tokens.getToken();
    tokens.invalidate(first);
    expect(() => tokens.invalidate(first)).not.toThrow();
    await expect(tokens.getToken()).resolves.toBe('tok-2');
  });

  it('keeps the client secret redacted however many times the token is renewed', async () => {
    const clientSecret = `rnw${Math.random().toString(36).slice(2)}q`; // no word another test registers
    const { tokens } = tokenSource((n) => bearer(`renewed-token-${n}`), { clientSecret });
    for (let i = 0; i < 300; i += 1) tokens.invalidate(await tokens.getToken());
    // The prefix is no word a secret of another test file could be (the module graph is shared).
    expect(redact(`=> ${clientSecret}`)).toBe('=> [redacted]');
  });

  it('masks the token in use and forgets the one it replaced', async () => {
    const { tokens } = tokenSource((n) => bearer(`swapped-token-${n}`));
    const first = await tokens.getToken();
    expect(redact(first)).toBe('[redacted]');
    tokens.invalidate(first);
    const second = await tokens.getToken();
    expect(second).not.toBe(first);
    expect(redact(`${first} ${second}`)).toBe(`${first} [redacted]`);
  });
});

describe('causeText', () => {
  it("gives the cause's message of undici's 'fetch failed', and nothing otherwise", () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:1');
    expect(causeText(new TypeError('fetch failed', { cause }))).toBe(
      ': connect ECONNREFUSED 127.0.0.1:1',
    );
    expect(causeText(new Error('plain'))).toBe('');
    expect(causeText(new Error('x', { cause: new Error('') }))).toBe('');
    expect(causeText(new Error('x', { cause: { message: 'not an Error' } }))).toBe('');
  });
});
