/**
 * One deadline per call: `timeoutMs` bounds the token fetch, the attempts and the waits;
 * `attemptTimeoutMs` bounds each attempt so a stall leaves time to retry; a Retry-After longer
 * than what is left ends the call at once. Real sockets and real timers for the attempts; the
 * backoff waits are recorded, not slept. Deadlines are hundreds of milliseconds, so that a busy
 * machine cannot make the local server miss one.
 */
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/errors.js';
import { RateLimitError, TimeoutError } from '../../src/errors.js';
import { startTokenServer } from '../../src/testing/index.js';
import { EXAMPLE_REF, PASS_EXAMPLE } from '../support/examples.js';
import { faultClient } from '../support/fault-client.js';
import { hang, json, tokenAnswer } from '../support/scripted-server.js';
import { closeAfter, server, stallAfterHeaders } from './servers.js';

describe('timeoutMs bounds the whole call', () => {
  it('bounds a token endpoint that never answers: TimeoutError naming tokenUrl and timeoutMs', async () => {
    const tokenHost = await server(() => hang());
    const api = await server([json(200, PASS_EXAMPLE)]);
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: `${tokenHost.url}/oauth/token`,
      timeoutMs: 400,
    });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 400 });
    expect((error as Error).message).toMatch(/tokenUrl.*timeoutMs|timeoutMs.*tokenUrl/);
    expect(tokenHost.requests).toHaveLength(1);
    expect(api.requests).toHaveLength(0);
  }, 5_000);

  it('ends a 429 with Retry-After: 120 at once when timeoutMs is 1000 (RateLimitError.retryAfterMs)', async () => {
    const api = await server([
      json(429, { code: 'RATE_LIMITED', message: 'slow down' }, { 'retry-after': '120' }),
    ]);
    const tokens = closeAfter(await startTokenServer());
    const { civic, sleeps } = faultClient({
      baseUrl: api.url,
      tokenUrl: tokens.url,
      timeoutMs: 1000,
    });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000 });
    expect(sleeps).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it('gives a stalled attempt its own deadline, leaving time to retry', async () => {
    const api = await server([hang(), json(200, PASS_EXAMPLE)]);
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: tokens.url,
      timeoutMs: 10_000,
      attemptTimeoutMs: 300,
    });
    await expect(civic.passes.get(EXAMPLE_REF)).resolves.toEqual(PASS_EXAMPLE);
    expect(api.requests).toHaveLength(2);
  });

  it('never gives an attempt more than what is left of the call', async () => {
    const api = await server(() => hang());
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: tokens.url,
      timeoutMs: 400,
      attemptTimeoutMs: 60_000,
    });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('(timeoutMs, the whole call)');
    expect(describeError(error)).toContain('raise --timeout-ms');
    expect(api.requests).toHaveLength(1);
  }, 5_000);

  it('blames the attempt deadline, and the CLI its own flag, when one attempt runs out', async () => {
    const api = await server(() => hang());
    const tokens = closeAfter(await startTokenServer());
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: tokens.url,
      timeoutMs: 10_000,
      attemptTimeoutMs: 200,
      maxRetries: 0,
    });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('(attemptTimeoutMs)');
    const line = describeError(error);
    expect(line).toContain('raise --attempt-timeout-ms');
    expect(line).not.toContain('--timeout-ms');
    expect(api.requests).toHaveLength(1);
  }, 5_000);
});

describe('the token request is an HTTP call like the others', () => {
  it('retries a token endpoint that sends headers and stalls the body (a TimeoutError), then works', async () => {
    const tokenHost = await server([
      stallAfterHeaders(),
      stallAfterHeaders(),
      (_request, response) => tokenAnswer(response),
    ]);
    const api = await server([json(200, PASS_EXAMPLE)]);
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: `${tokenHost.url}/oauth/token`,
      attemptTimeoutMs: 300,
    });
    await expect(civic.passes.get(EXAMPLE_REF)).resolves.toEqual(PASS_EXAMPLE);
    expect(tokenHost.requests).toHaveLength(3);
    expect(api.requests).toHaveLength(1);
  });

  it('gives a TimeoutError (not a TokenError) when every token attempt stalls', async () => {
    const tokenHost = await server(() => stallAfterHeaders());
    const api = await server([json(200, PASS_EXAMPLE)]);
    const { civic } = faultClient({
      baseUrl: api.url,
      tokenUrl: `${tokenHost.url}/oauth/token`,
      attemptTimeoutMs: 200,
    });
    const error = await civic.passes.get(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('attemptTimeoutMs');
    expect(tokenHost.requests).toHaveLength(3);
    expect(api.requests).toHaveLength(0);
  });
});
