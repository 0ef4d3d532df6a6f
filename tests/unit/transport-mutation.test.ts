/**
 * The transport (src/transport.ts) on an injected sender, a fixed token and a clock that only
 * moves when told: which operation a URL is (query and fragment left out), what its errors say
 * (the operation, a refused connection, a foreign origin named by its origin only).
 */
import { describe, expect, it } from 'vitest';
import type { Sender } from '../../src/attempt.js';
import { createLog } from '../../src/log.js';
import { PlainRequest } from '../../src/request.js';
import { BodyTooLargeError } from '../../src/response.js';
import { createTransport, type TransportCallOptions } from '../../src/transport.js';
import { connectionError, fakeRuntime, hang } from '../support/fake-api.js';

const ORIGIN = 'https://api.test.example';
const BASE = `${ORIGIN}/partner`;
const WALLET = '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888';
const GET_PASS = 'getPass (GET /pass/{chain}/{chainNetwork}/{wallet})';

interface Sent {
  url: string;
  init: RequestInit;
  maxResponseBytes: number;
  signal: AbortSignal;
}

/** A transport whose sender answers with `answer` and records what it was asked to send. */
function transport(
  answer: (sent: Sent) => Promise<Response>,
  extra: {
    maxRetries?: number;
    getToken?: (clock: { now: number }) => void;
    onSend?: (clock: { now: number }) => void;
    lines?: string[];
  } = {},
) {
  const sent: Sent[] = [];
  const send: Sender = (url, init, limits) => {
    const call = { url, init, maxResponseBytes: limits.maxResponseBytes, signal: limits.signal };
    sent.push(call);
    extra.onSend?.(fake.clock);
    return answer(call);
  };
  const fake = fakeRuntime();
  const getToken = async () => {
    extra.getToken?.(fake.clock);
    return 'tok';
  };
  const made = createTransport({
    baseUrl: BASE,
    apiOrigin: ORIGIN,
    send,
    tokens: { getToken, invalidate: () => {} },
    maxRetries: extra.maxRetries ?? 0,
    timeoutMs: 60_000,
    attemptTimeoutMs: 20_000,
    maxResponseBytes: 1_000,
    maxEvidenceBytes: 9_000,
    defaultHeaders: [['user-agent', 'test-agent']],
    log: createLog(
      extra.lines && {
        debug: (message: string) => extra.lines?.push(message),
        info: () => {},
        warn: () => {},
        error: () => {},
      },
      undefined,
    ),
    runtime: fake.runtime,
  });
  return {
    sent,
    sleeps: fake.sleeps,
    send: (
      url: string,
      options: TransportCallOptions = {},
      headers: HeadersInit = {},
      method = 'GET',
    ) => made.send(new PlainRequest(url, { method, headers }), options),
  };
}

const failing = () => transport(() => Promise.reject(connectionError('ECONNRESET')));

async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => new Error('resolved'),
    (e: unknown) => e,
  );
  return (error as Error).message;
}

describe('the transport: which operation a URL is', () => {
  it.each([
    ['nothing after the path', ''],
    ['a query', '?a=1'],
    ['a fragment', '#part'],
    ['a query then a fragment', '?a=1#part'],
    ['a fragment holding a question mark', '#part?a=1'],
  ])('names the operation of a URL with %s', async (_name, tail) => {
    const { send } = failing();
    const url = `${BASE}/pass/ethereum/sepolia/${WALLET}${tail}`;
    expect(await messageOf(send(url))).toBe(
      `${GET_PASS} could not reach ${ORIGIN} (baseUrl): fetch failed (connect ECONNRESET 10.0.0.1:443)`,
    );
  });

  it('leaves the query and the fragment out of the path it matches', async () => {
    const { send } = failing();
    for (const tail of ['?skip=10', '#top']) {
      expect(await messageOf(send(`${BASE}/pass${tail}`, {}, {}, 'POST'))).toMatch(
        /^listPass \(POST \/pass\) could not reach /,
      );
    }
  });

  it('matches only below baseUrl: the same path elsewhere on the origin is no operation', async () => {
    const { send } = failing();
    // '/studio' is as long as '/partner': cut at baseUrl's length, it would read as /pass/...
    const url = `${ORIGIN}/studio_/pass/ethereum/sepolia/${WALLET}`;
    expect(await messageOf(send(url))).toMatch(
      new RegExp(`^GET /studio_/pass/ethereum/sepolia/${WALLET} could not reach `),
    );
  });

  it('names a path the spec does not describe by its path alone', async () => {
    const { send } = failing();
    expect(await messageOf(send(`${BASE}/nowhere/at/all?secret=1#x`))).toMatch(
      /^GET \/partner\/nowhere\/at\/all could not reach /,
    );
  });

  it("gives the evidence operation its own cap, any other the answers' cap", async () => {
    const { send, sent } = transport(async () => new Response('{}'));
    await send(`${BASE}/piirequest/scope-1/evidence/doc-1#page=2`);
    await send(`${BASE}/pass/ethereum/sepolia/${WALLET}`);
    await send(`${BASE}/pass/ethereum/sepolia/${WALLET}`, { maxResponseBytes: 5 });
    expect(sent.map((call) => call.maxResponseBytes)).toEqual([9_000, 1_000, 5]);
    expect(new Headers(sent[0]?.init.headers).get('authorization')).toBe('Bearer tok');
    expect(new Headers(sent[0]?.init.headers).get('user-agent')).toBe('test-agent');
  });

  it("keeps a header the call set over the client's default", async () => {
    const { send, sent } = transport(async () => new Response('{}'));
    await send(`${BASE}/pass/ethereum/sepolia/${WALLET}`, {}, { 'User-Agent': 'my-app/2' });
    expect(new Headers(sent[0]?.init.headers).get('user-agent')).toBe('my-app/2');
  });
});

describe("the transport: the whole call's deadline", () => {
  const url = `${BASE}/pass/ethereum/sepolia/${WALLET}`;

  it('sends nothing for a signal that was aborted already', async () => {
    const tokens: number[] = [];
    const { send, sent } = transport(async () => new Response('{}'), {
      getToken: () => tokens.push(1),
    });
    const reason = new Error('gave up before');
    await expect(send(url, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(sent).toHaveLength(0);
    expect(tokens).toHaveLength(0);
  });

  it('waits the capped time for a Retry-After of exactly what is left', async () => {
    // 120 s asked, 120 s left: not beyond the call, so the client waits its 60 s cap and retries.
    let n = 0;
    const { send, sleeps, sent } = transport(
      async () =>
        ++n === 1
          ? new Response(null, { status: 503, headers: { 'retry-after': '120' } })
          : new Response('{}'),
      { maxRetries: 1 },
    );
    const response = await send(url, { timeoutMs: 120_000, attemptTimeoutMs: 1_000 });
    expect(response.status).toBe(200);
    expect(sleeps).toEqual([60_000]);
    expect(sent).toHaveLength(2);
  });

  it('says why it waits: an attempt that timed out, a connection that failed', async () => {
    const lines: string[] = [];
    let n = 0;
    const { send } = transport(
      (call) =>
        ++n === 1
          ? hang(call.signal)
          : n === 2
            ? Promise.reject(connectionError('ECONNRESET'))
            : Promise.resolve(new Response('{}')),
      { maxRetries: 2, lines },
    );
    await send(url, { attemptTimeoutMs: 20 });
    expect(lines.filter((line) => line.startsWith('waiting'))).toEqual([
      'waiting 250 ms (attempt timed out) before retry 1 of 2',
      'waiting 500 ms (connection failed) before retry 2 of 2',
    ]);
  });

  it('sends nothing once getting the token took the whole deadline', async () => {
    const { send, sent } = transport(async () => new Response('{}'), {
      getToken: (clock) => {
        clock.now += 60_000;
      },
    });
    const error = await send(url).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      message: `${GET_PASS} did not complete within 60000 ms (timeoutMs, the whole call)`,
    });
    expect(sent).toHaveLength(0);
  });

  it('does not wait for a retry that would take exactly what is left: the answer stands', async () => {
    // With random 0.5 the first backoff is 250 ms: a call of 250 ms has no time for it.
    const busy = transport(async () => new Response('busy', { status: 503 }), { maxRetries: 1 });
    const response = await busy.send(url, { timeoutMs: 250 });
    expect(response.status).toBe(503);
    expect(busy.sleeps).toEqual([]);
    expect(busy.sent).toHaveLength(1);

    const down = transport(() => Promise.reject(connectionError('ECONNRESET')), { maxRetries: 1 });
    const error = await down.send(url, { timeoutMs: 250 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConnectionError' });
    expect(down.sleeps).toEqual([]);

    // With a little more time, it waits and tries again.
    const later = transport(async () => new Response('busy', { status: 503 }), { maxRetries: 1 });
    await later.send(url, { timeoutMs: 251 });
    expect(later.sleeps).toEqual([250]);
    expect(later.sent).toHaveLength(2);
  });
});

describe('the transport: what its errors say', () => {
  const url = `${BASE}/pass/ethereum/sepolia/${WALLET}`;
  const stalled = (sent: Sent) => hang(sent.signal);

  it("names the attempt's timeout when the attempt ran its whole attemptTimeoutMs", async () => {
    const { send } = transport(stalled);
    const error = await send(url, { attemptTimeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      message: `${GET_PASS} got no answer within 20 ms (attemptTimeoutMs)`,
      timeoutMs: 20,
    });
  });

  it("names the call's timeout when the attempt was cut short by it, or the call's time ran out", async () => {
    const short = transport(stalled);
    const cut = await short.send(url, { timeoutMs: 20 }).catch((e: unknown) => e);
    expect(cut).toMatchObject({
      message: `${GET_PASS} did not complete within 20 ms (timeoutMs, the whole call)`,
      timeoutMs: 20,
    });
    // The attempt had all of its attemptTimeoutMs, but that was all the call had left too.
    const spent = transport(stalled, {
      onSend: (clock) => {
        clock.now += 20;
      },
    });
    const out = await spent
      .send(url, { timeoutMs: 20, attemptTimeoutMs: 20 })
      .catch((e: unknown) => e);
    expect(out).toMatchObject({
      message: `${GET_PASS} did not complete within 20 ms (timeoutMs, the whole call)`,
    });
  });

  it('names a redirect and a body over the cap with the operation and the setting', async () => {
    const moved = transport(
      async () => new Response(null, { status: 302, headers: { location: 'https://evil.test/x' } }),
    );
    expect(await messageOf(moved.send(url))).toBe(
      `${GET_PASS} answered 302 with a redirect to https://evil.test; the client follows no redirect (Civic's API does not redirect): check baseUrl`,
    );
    const big = transport(() => Promise.reject(new BodyTooLargeError(1000)));
    const error = await big.send(url).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', operationId: 'getPass' });
    expect((error as Error).message).toMatch(
      /its body is larger than maxResponseBytes \(1000 bytes\); it was not read further$/,
    );
  });

  it('says a connection was refused when the cause says so only by its code', async () => {
    // Node's connect with several addresses: an AggregateError with an empty message.
    const refused = Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' });
    const { send } = transport(() =>
      Promise.reject(new TypeError('fetch failed', { cause: refused })),
    );
    const error = await send(`${BASE}/pass/ethereum/sepolia/${WALLET}`).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `${GET_PASS} could not reach ${ORIGIN} (baseUrl): fetch failed (connection refused)`,
    );
    expect(error).toMatchObject({ name: 'ConnectionError', refused: true });
  });

  it('adds nothing for a cause with no message and no refusal, or no cause', async () => {
    const silent = transport(() =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('') })),
    );
    const bare = transport(() => Promise.reject(new Error('socket hang up')));
    const thrown = transport(() => Promise.reject('a string'));
    const url = `${BASE}/pass/ethereum/sepolia/${WALLET}`;
    const prefix = `${GET_PASS} could not reach ${ORIGIN} (baseUrl): `;
    expect(await messageOf(silent.send(url))).toBe(`${prefix}fetch failed`);
    expect(await messageOf(bare.send(url))).toBe(`${prefix}socket hang up`);
    expect(await messageOf(thrown.send(url))).toBe(`${prefix}a string`);
  });

  it('refuses another origin naming only its origin, or none when the URL does not parse', async () => {
    const { send, sent } = failing();
    for (const [url, named] of [
      ['https://evil.example/steal?token=1', 'https://evil.example'],
      [`${ORIGIN}.evil.example/pass`, 'https://api.test.example.evil.example'],
      ['not a url at all', 'another origin'],
    ]) {
      const error = await send(url as string).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'FOREIGN_ORIGIN',
        message: `refusing to send the API token to ${named}: the client only talks to ${ORIGIN}`,
      });
    }
    expect(sent).toHaveLength(0);
  });
});
