/**
 * Connections that break: resets, refusals, answers that never come or come too slowly. Real
 * sockets; the backoff waits are recorded, not slept; the per-attempt deadline is real but short.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, TimeoutError } from '../../src/errors.js';
import { startTokenServer, type TokenServer } from '../../src/testing/index.js';
import { EXAMPLE_REF, PASS_EXAMPLE } from '../support/examples.js';
import { faultClient } from '../support/fault-client.js';
import {
  closedPort,
  delayed,
  hang,
  json,
  reset,
  resetMidBody,
  type ScriptedServer,
  scriptedServer,
  slowBody,
} from '../support/scripted-server.js';

let api: ScriptedServer | undefined;
let tokens: TokenServer | undefined;
afterEach(async () => {
  await api?.close();
  await tokens?.close();
  api = undefined;
  tokens = undefined;
});

async function setup(script: Parameters<typeof scriptedServer>[0]) {
  api = await scriptedServer(script);
  tokens = await startTokenServer();
  return faultClient({ baseUrl: api.url, tokenUrl: tokens.url });
}

/**
 * A short deadline for the API attempts only (a per-call option): the token request keeps the
 * client's 30 s, so a busy machine cannot turn it into a timeout that shifts the counts.
 */
const SHORT = { attemptTimeoutMs: 250 };

describe('connection resets', () => {
  it('retries a read after a reset and returns the next answer', async () => {
    const { civic, sleeps } = await setup([reset(), json(200, PASS_EXAMPLE)]);
    await expect(civic.passes.get(EXAMPLE_REF)).resolves.toEqual(PASS_EXAMPLE);
    expect(api?.requests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('retries a read whose answer is cut off in the middle of the body', async () => {
    const { civic } = await setup([resetMidBody(200, PASS_EXAMPLE), json(200, PASS_EXAMPLE)]);
    await expect(civic.passes.get(EXAMPLE_REF)).resolves.toEqual(PASS_EXAMPLE);
    expect(api?.requests).toHaveLength(2);
  });

  it('throws a ConnectionError after 1 + maxRetries resets', async () => {
    const { civic } = await setup([reset(), reset(), reset()]);
    const error = await civic.passes.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ refused: false });
    expect(api?.requests).toHaveLength(3);
  });

  it('never repeats issuePass after a reset: the server may have acted on it', async () => {
    const { civic } = await setup([reset(), json(202, PASS_EXAMPLE)]);
    await expect(civic.passes.issue(EXAMPLE_REF)).rejects.toBeInstanceOf(ConnectionError);
    expect(api?.requests).toHaveLength(1);
  });
});

describe('refused connections', () => {
  it('retries issuePass when the connection is refused (nothing reached a server)', async () => {
    tokens = await startTokenServer();
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const { civic, log, sleeps } = faultClient({ baseUrl, tokenUrl: tokens.url });
    const error = await civic.passes.issue(EXAMPLE_REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ refused: true });
    expect(log.to(baseUrl)).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(tokens.requestCount).toBe(1);
  });
});

describe('slow answers', () => {
  it('gives each attempt its deadline: a read that never answers times out 1 + maxRetries times', async () => {
    const { civic } = await setup([hang(), hang(), hang()]);
    const error = await civic.passes.get(EXAMPLE_REF, SHORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(api?.requests).toHaveLength(3);
  });

  it('succeeds when an answer late for one attempt is followed by a prompt one', async () => {
    const { civic } = await setup([
      delayed(2_000, json(200, PASS_EXAMPLE)),
      json(200, PASS_EXAMPLE),
    ]);
    await expect(civic.passes.get(EXAMPLE_REF, SHORT)).resolves.toEqual(PASS_EXAMPLE);
    expect(api?.requests).toHaveLength(2);
  });

  it('counts a body that trickles in past the deadline as a timeout', async () => {
    const { civic } = await setup([slowBody(2_000, 200, PASS_EXAMPLE)]);
    const error = await civic.passes
      .get(EXAMPLE_REF, { ...SHORT, maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(api?.requests).toHaveLength(1);
  });

  it('does not repeat issuePass after a timeout', async () => {
    const { civic } = await setup([hang(), json(202, PASS_EXAMPLE)]);
    await expect(civic.passes.issue(EXAMPLE_REF, SHORT)).rejects.toBeInstanceOf(TimeoutError);
    expect(api?.requests).toHaveLength(1);
  });

  it('stops at once when the caller aborts a hanging request, without retrying', async () => {
    const { civic } = await setup([hang(), hang(), hang()]);
    const controller = new AbortController();
    const pending = civic.passes.get(EXAMPLE_REF, { signal: controller.signal });
    // Abort once the request has reached the server.
    while (api?.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
    expect(api?.requests).toHaveLength(1);
  });
});
