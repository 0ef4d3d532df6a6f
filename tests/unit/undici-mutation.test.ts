/**
 * The undici sender (src/undici.ts) against local node:http servers, for what undici.test.ts
 * leaves open: which global dispatcher counts as the user's, request bodies and headers as
 * undici takes them, statuses HTTP does not define, bodies that are never read (redirects, HEAD,
 * 304, a declared length over the cap), the headers of a decoded answer, and close().
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Agent, type Dispatcher, getGlobalDispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError } from '../../src/response.js';
import { createUndiciSender, type UndiciSender } from '../../src/undici.js';
import {
  json,
  raw,
  type ScriptedServer,
  type Step,
  scriptedServer,
} from '../support/scripted-server.js';

const CAP = 1 << 20;
const GLOBAL = Symbol.for('undici.globalDispatcher.1');
const slot = globalThis as unknown as Record<symbol, unknown>;

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function server(script: readonly Step[]): Promise<ScriptedServer> {
  const started = await scriptedServer(script);
  open.push(started);
  return started;
}

function sender(dispatcher?: Dispatcher): UndiciSender {
  const made = createUndiciSender(dispatcher ? { dispatcher } : {});
  open.push(made);
  return made;
}

function limits(maxResponseBytes = CAP, signal = new AbortController().signal) {
  return { maxResponseBytes, signal };
}

/** Runs `body` with `value` in undici's global dispatcher slot, then puts the previous one back. */
async function withGlobal<T>(value: unknown, body: () => Promise<T>): Promise<T> {
  const previous = slot[GLOBAL];
  slot[GLOBAL] = value;
  try {
    return await body();
  } finally {
    slot[GLOBAL] = previous;
  }
}

/** Counts the requests `target` dispatches (an own property: its class and options stay). */
function counted<T extends { dispatch: Dispatcher['dispatch'] }>(target: T) {
  const seen = { count: 0 };
  const dispatch = target.dispatch.bind(target);
  target.dispatch = ((options, handler) => {
    seen.count += 1;
    return dispatch(options, handler);
  }) as Dispatcher['dispatch'];
  return seen;
}

/** Resolves once the server's side of the answer's connection closes. */
function closedSocket(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => response.socket?.once('close', () => resolve()));
}

describe('the undici sender: whose global dispatcher', () => {
  it('skips a plain Agent set globally (its own agent carries the call)', async () => {
    const api = await server([json(200, { ok: 1 })]);
    const plain = new Agent();
    open.push(plain);
    const seen = counted(plain);
    const response = await withGlobal(plain, () =>
      sender().send(`${api.url}/p`, { method: 'GET' }, limits()),
    );
    expect(await response.json()).toEqual({ ok: 1 });
    expect(seen.count).toBe(0);
  });

  it.each([
    ['maxOrigins', { maxOrigins: 5 }],
    ['connect', { connect: { timeout: 5_000 } }],
    // Another option at Infinity is still a choice (only maxOrigins is Infinity by default).
    ['connections', { connections: Infinity }],
  ])('honours an Agent with options (%s) set globally', async (_name, options) => {
    const api = await server([json(200, { ok: 2 })]);
    const chosen = new Agent(options);
    open.push(chosen);
    const seen = counted(chosen);
    const response = await withGlobal(chosen, () => sender().send(`${api.url}/p`, {}, limits()));
    expect(await response.json()).toEqual({ ok: 2 });
    expect(seen.count).toBe(1);
  });

  it('honours a subclass of Agent made without options: it is not a plain Agent', async () => {
    const api = await server([json(200, { ok: 3 })]);
    class LoggingAgent extends Agent {}
    const custom = new LoggingAgent();
    open.push(custom);
    const seen = counted(custom);
    const response = await withGlobal(custom, () => sender().send(`${api.url}/p`, {}, limits()));
    expect(await response.json()).toEqual({ ok: 3 });
    expect(seen.count).toBe(1);
  });

  it('honours a dispatcher named Agent whose options cannot be read, or are null', async () => {
    const api = await server([1, 2, 3, 4].map((n) => json(200, { n })));
    const carrier = new Agent();
    open.push(carrier);
    const seen = counted(carrier);
    class Agent2 {
      dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
        return carrier.dispatch(options, handler);
      }
    }
    Object.defineProperty(Agent2, 'name', { value: 'Agent' });
    const withoutOptions = new Agent2();
    const nullOptions = Object.assign(new Agent2(), { [Symbol('options')]: null });
    // Another copy of undici that keeps its options as given: only maxOrigins is Infinity by default.
    const infinite = Object.assign(new Agent2(), {
      [Symbol('options')]: { maxOrigins: Infinity, keepAliveTimeout: Infinity },
    });
    // No prototype at all: no constructor to ask for a name.
    const bare = Object.assign(Object.create(null) as object, {
      dispatch: (options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) =>
        carrier.dispatch(options, handler),
    });
    const bodies: unknown[] = [];
    for (const global of [withoutOptions, nullOptions, bare, infinite]) {
      const response = await withGlobal(global, () => sender().send(`${api.url}/p`, {}, limits()));
      bodies.push(await response.json());
    }
    expect(bodies).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    expect(seen.count).toBe(4);
  });

  it('uses its own agent when the global slot holds nothing usable', async () => {
    const api = await server([json(200, { n: 1 }), json(200, { n: 2 }), json(200, { n: 3 })]);
    const statuses: number[] = [];
    for (const value of [undefined, null, 'agent']) {
      const response = await withGlobal(value, () => sender().send(`${api.url}/p`, {}, limits()));
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    expect(api.requests).toHaveLength(3);
    expect(getGlobalDispatcher()).toBeDefined();
  });
});

describe('the undici sender: what it sends', () => {
  it('sends GET when no method is given, with a body too', async () => {
    const api = await server([json(200, {}), json(200, {})]);
    const send = sender();
    await send.send(`${api.url}/p`, {}, limits());
    await send.send(`${api.url}/q`, { body: 'query' }, limits());
    expect(api.requests.map((r) => `${r.method} ${r.body}`)).toEqual(['GET ', 'GET query']);
  });

  it('sends a string body as it is, adding no content type', async () => {
    const api = await server([json(200, {})]);
    await sender().send(`${api.url}/p`, { method: 'POST', body: 'plain words' }, limits());
    expect(api.requests[0]?.body).toBe('plain words');
    expect(api.requests[0]?.headers['content-type']).toBeUndefined();
  });

  it('sends bytes (a view, an ArrayBuffer) exactly, and a blob with its type', async () => {
    const api = await server([json(200, {}), json(200, {}), json(200, {})]);
    const send = sender();
    const bytes = new TextEncoder().encode('--{"view":1}--');
    await send.send(`${api.url}/a`, { method: 'POST', body: bytes.subarray(2, 12) }, limits());
    const buffer = new TextEncoder().encode('{"buffer":1}').buffer;
    await send.send(`${api.url}/b`, { method: 'POST', body: buffer }, limits());
    const blob = new Blob(['{"blob":1}'], { type: 'application/json' });
    await send.send(`${api.url}/c`, { method: 'POST', body: blob }, limits());
    expect(api.requests.map((r) => [r.body, r.headers['content-type']])).toEqual([
      ['{"view":1}', undefined],
      ['{"buffer":1}', undefined],
      ['{"blob":1}', 'application/json'],
    ]);
  });

  it("keeps a content type the caller set over the body's own", async () => {
    const api = await server([json(200, {})]);
    await sender().send(
      `${api.url}/p`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: new URLSearchParams({ a: '1' }),
      },
      limits(),
    );
    expect(api.requests[0]?.body).toBe('a=1');
    expect(api.requests[0]?.headers['content-type']).toBe('text/plain');
  });

  it('joins repeated request headers, and keeps an accept-encoding the caller set', async () => {
    const api = await server([raw(200, 'text/plain', 'as is', { 'content-encoding': 'identity' })]);
    const response = await sender().send(
      `${api.url}/p`,
      {
        headers: [
          ['X-Tag', 'one'],
          ['x-tag', 'two'],
          ['Accept-Encoding', 'identity'],
        ],
      },
      limits(),
    );
    expect(await response.text()).toBe('as is');
    expect(api.requests[0]?.headers['x-tag']).toBe('one, two');
    expect(api.requests[0]?.headers['accept-encoding']).toBe('identity');
  });
});

describe('the undici sender: what it returns', () => {
  it('refuses a status HTTP does not define, and closes that answer', async () => {
    let closed: Promise<void> | undefined;
    const api = await server([
      (_request, response) => {
        closed = closedSocket(response);
        response.writeHead(600, 'Beyond');
        response.write('x'.repeat(1024));
      },
      raw(599, 'text/plain', 'edge'),
    ]);
    const send = sender();
    await expect(send.send(`${api.url}/p`, {}, limits())).rejects.toThrow(
      new Error('the server answered with status 600, which HTTP does not define'),
    );
    await closed;
    const edge = await send.send(`${api.url}/q`, {}, limits());
    expect([edge.status, await edge.text()]).toEqual([599, 'edge']);
  });

  it('passes the status text on, and gives an empty one when the dispatcher has none', async () => {
    const api = await server([
      (_request, response) => {
        response.writeHead(200, 'Fine Thanks', { 'content-type': 'text/plain' });
        response.end('hi');
      },
    ]);
    const response = await sender().send(`${api.url}/p`, {}, limits());
    expect(response.statusText).toBe('Fine Thanks');

    // A mock dispatcher (as in tests of an app) that answers without a status message.
    const mock = {
      dispatch(_options: unknown, handler: Dispatcher.DispatchHandler) {
        setImmediate(() => {
          handler.onConnect?.(() => {});
          handler.onHeaders?.(
            200,
            [Buffer.from('content-type'), Buffer.from('text/plain')],
            () => {},
            undefined as never,
          );
          handler.onData?.(Buffer.from('mocked'));
          handler.onComplete?.([]);
        });
        return true;
      },
    } as unknown as Dispatcher;
    const mocked = await sender(mock).send('http://mock.test/p', {}, limits());
    expect([mocked.status, mocked.statusText, await mocked.text()]).toEqual([200, '', 'mocked']);
  });

  it('returns a 3xx (300 included) with no body, without reading or keeping it', async () => {
    let closed: Promise<void> | undefined;
    const api = await server([
      raw(300, 'text/plain', 'choices', { location: '/elsewhere' }),
      (_request, response) => {
        closed = closedSocket(response);
        response.writeHead(308, { location: '/elsewhere', 'content-type': 'text/plain' });
        // A body that never ends: only closing the connection ends this answer.
        response.write('y'.repeat(64 * 1024));
      },
      raw(400, 'application/json', '{"code":"BAD"}'),
    ]);
    const send = sender();
    const choices = await send.send(`${api.url}/a`, {}, limits());
    expect([choices.status, await choices.text()]).toEqual([300, '']);
    const moved = await send.send(`${api.url}/b`, {}, limits());
    expect([moved.status, await moved.text()]).toEqual([308, '']);
    await closed;
    const bad = await send.send(`${api.url}/c`, {}, limits());
    expect([bad.status, await bad.text()]).toEqual([400, '{"code":"BAD"}']);
  });

  it('reads no body for a HEAD or a 304, whatever length they declare', async () => {
    const big = { 'content-length': String(10 * 1024), etag: '"v1"' };
    const api = await server([
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', ...big });
        response.end();
      },
      (_request, response) => {
        response.writeHead(304, big);
        response.end();
      },
      (_request, response) => {
        response.writeHead(204, { 'content-encoding': 'gzip' });
        response.end();
      },
    ]);
    const send = sender();
    const head = await send.send(`${api.url}/a`, { method: 'HEAD' }, limits(1024));
    expect([head.status, await head.text()]).toEqual([200, '']);
    const notModified = await send.send(`${api.url}/b`, {}, limits(1024));
    expect([notModified.status, await notModified.text()]).toEqual([304, '']);
    expect(notModified.headers.get('etag')).toBe('"v1"');
    const none = await send.send(`${api.url}/c`, {}, limits(1024));
    expect([none.status, await none.text()]).toEqual([204, '']);
  });

  it('reads a declared length of exactly the cap', async () => {
    const api = await server([
      raw(200, 'text/plain', 'x'.repeat(1024), { 'content-length': '1024' }),
    ]);
    const response = await sender().send(`${api.url}/p`, {}, limits(1024));
    expect((await response.text()).length).toBe(1024);
  });

  it('refuses a declared length over the cap at once, before any byte comes', async () => {
    let closed: Promise<void> | undefined;
    const api = await server([
      (_request, response) => {
        closed = closedSocket(response);
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
        response.flushHeaders();
        // The body never comes: reading it would wait until the signal below gives up.
      },
    ]);
    const signal = AbortSignal.timeout(2_000);
    const error = await sender()
      .send(`${api.url}/p`, {}, limits(1024, signal))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect(signal.aborted).toBe(false);
    await closed;
  });

  it('judges an encoded body by its decoded size, not its declared length', async () => {
    // Random bytes do not compress: gzip makes them longer than the cap they fit in.
    const plain = randomBytes(1000);
    const packed = gzipSync(plain);
    expect(packed.length).toBeGreaterThan(1000);
    const api = await server([
      (_request, response) => {
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-encoding': 'gzip',
          'content-length': String(packed.length),
        });
        response.end(packed);
      },
    ]);
    const response = await sender().send(`${api.url}/p`, {}, limits(1000));
    expect(Buffer.from(await response.arrayBuffer()).equals(plain)).toBe(true);
    // Decoded: the encoding and the length described the bytes on the wire.
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('keeps the length of an answer that was not encoded', async () => {
    const api = await server([raw(200, 'text/plain', 'hello', { 'content-length': '5' })]);
    const response = await sender().send(`${api.url}/p`, {}, limits());
    expect(response.headers.get('content-length')).toBe('5');
    expect(await response.text()).toBe('hello');
  });

  it('decodes codings given on separate Content-Encoding lines', async () => {
    const body = gzipSync(gzipSync(Buffer.from('{"twice":true}')));
    const api = await server([
      (_request, response) => {
        response.writeHead(200, [
          ['content-type', 'application/json'],
          ['content-encoding', 'gzip'],
          ['content-encoding', 'gzip'],
        ]);
        response.end(body);
      },
    ]);
    const response = await sender().send(`${api.url}/p`, {}, limits());
    expect(await response.json()).toEqual({ twice: true });
  });
});

/** A TCP server that writes `head` (an HTTP answer as it goes on the wire) to every request. */
async function rawServer(head: string): Promise<string> {
  const listener = createTcpServer((socket) => {
    socket.once('data', () => socket.write(head));
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  open.push({
    close: () => new Promise<void>((resolve) => listener.close(() => resolve())),
  });
  return `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
}

describe('the undici sender: answers that have no body', () => {
  it('reads nothing of a 304 that declares a length over the cap', async () => {
    // node:http drops the Content-Length of a 304: written by hand.
    const url = await rawServer(
      'HTTP/1.1 304 Not Modified\r\ncontent-length: 10240\r\netag: "v2"\r\n\r\n',
    );
    const response = await sender().send(`${url}/p`, {}, limits(1024));
    expect([response.status, await response.text()]).toEqual([304, '']);
    expect(response.headers.get('etag')).toBe('"v2"');
  });

  it('gives a 205 no body, as fetch does, even when the server sends one', async () => {
    // Whatever the bytes: 0x07 would start a deflate block of a reserved type, were it decoded.
    const url = await rawServer('HTTP/1.1 205 Reset Content\r\ncontent-length: 3\r\n\r\n\x07bc');
    const response = await sender().send(`${url}/p`, {}, limits(1024));
    expect([response.status, await response.text()]).toEqual([205, '']);
  });

  it("still rejects with the caller's reason when it aborts while such an answer is read", async () => {
    // The 205 declares content that never comes: reading to its end waits for the signal.
    const url = await rawServer('HTTP/1.1 205 Reset Content\r\ncontent-length: 3\r\n\r\n');
    const controller = new AbortController();
    const reason = new Error('enough waiting');
    setTimeout(() => controller.abort(reason), 50);
    await expect(sender().send(`${url}/p`, {}, limits(1024, controller.signal))).rejects.toBe(
      reason,
    );
  });
});

describe('the undici sender: close()', () => {
  it('refuses a send after close(), and one that was still preparing its body', async () => {
    const api = await server([json(200, {})]);
    const made = createUndiciSender();
    // A blob is read asynchronously: close() runs before the request is dispatched.
    const preparing = made.send(
      `${api.url}/p`,
      { method: 'POST', body: new Blob(['{}']) },
      limits(),
    );
    await made.close();
    await expect(preparing).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    await expect(made.send(`${api.url}/q`, {}, limits())).rejects.toMatchObject({
      code: 'CLIENT_CLOSED',
    });
    expect(api.requests).toHaveLength(0);
  });

  it('resolves when nothing was ever sent, and again when called twice', async () => {
    const made = createUndiciSender();
    await expect(made.close()).resolves.toBeUndefined();
    await expect(made.close()).resolves.toBeUndefined();
  });
});
