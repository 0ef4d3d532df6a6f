/**
 * The undici sender against local node:http servers: decoding within the cap, cancelling an
 * endless body and a gzip bomb, aborts, redirects returned as they are, proxies through a
 * dispatcher (given or set globally), and connections kept alive, then released by close().
 */
import { spawn } from 'node:child_process';
import { createServer, type Server, type ServerResponse } from 'node:http';
import {
  type AddressInfo,
  connect,
  createServer as createTcpServer,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { getGlobalDispatcher, ProxyAgent, setGlobalDispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createCivicPassClient } from '../../src/client.js';
import type { DispatcherLike } from '../../src/config.js';
import { ConfigurationError } from '../../src/errors.js';
import { BodyTooLargeError } from '../../src/response.js';
import { codingsOf } from '../../src/undici-body.js';
import { type ClientSender, createSender, isNode } from '../../src/undici-load.js';
import {
  json,
  raw,
  type ScriptedServer,
  type Step,
  scriptedServer,
  tokenAnswer,
} from '../support/scripted-server.js';

const PASS = {
  id: 'p1',
  state: 'ACTIVE',
  walletAddress: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
};
const CAP = 1 << 20;

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function server(script: Parameters<typeof scriptedServer>[0]): Promise<ScriptedServer> {
  const started = await scriptedServer(script);
  open.push(started);
  return started;
}

async function sender(dispatcher?: DispatcherLike): Promise<ClientSender> {
  const made = createSender({ fetch: undefined, dispatcher });
  expect(made.kind).toBe('undici');
  open.push(made);
  return made;
}

/** The limits of one send: a cap, and a signal that aborts only when the test says so. */
function limits(maxResponseBytes: number, signal = new AbortController().signal) {
  return { maxResponseBytes, signal };
}

/** Answers `bytes` encoded as `encoding`. */
const encoded =
  (encoding: string, bytes: Buffer): Step =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
    response.end(bytes);
  };

/** Writes `chunk` again and again until the client goes away; counts what it wrote. */
function endless(chunk: Buffer, headers: Record<string, string>, written: { bytes: number }) {
  return (_request: unknown, response: ServerResponse): Promise<void> =>
    new Promise((resolve) => {
      response.writeHead(200, headers);
      let gone = false;
      response.on('close', () => {
        gone = true;
        resolve();
      });
      const pump = () => {
        // Bounded however the client behaves: 4 GiB at most, so a test that fails still ends.
        while (!gone && written.bytes < 2 ** 32) {
          written.bytes += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    });
}

describe('the undici sender', () => {
  it('is used on Node', () => {
    expect(isNode()).toBe(true);
  });

  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    ['br', brotliCompressSync],
  ] as const)('asks for compression and decodes %s (%o)', async (encoding, compress) => {
    const api = await server([encoded(encoding, compress(Buffer.from(JSON.stringify(PASS))))]);
    const send = await sender();
    const response = await send.send(`${api.url}/pass`, { method: 'GET' }, limits(CAP));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(PASS);
    // The body is decoded: the encoding header would describe bytes nobody sees.
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('undoes several codings, last applied first', async () => {
    const body = brotliCompressSync(gzipSync(Buffer.from(JSON.stringify(PASS))));
    const api = await server([encoded('gzip, br', body)]);
    const response = await (await sender()).send(`${api.url}/p`, {}, limits(CAP));
    expect(await response.json()).toEqual(PASS);
  });

  it('returns a body in an unknown coding as it came, as fetch does', async () => {
    expect(codingsOf('zstd')).toBeUndefined();
    const api = await server([raw(200, 'text/plain', 'opaque', { 'content-encoding': 'zstd' })]);
    const response = await (await sender()).send(`${api.url}/p`, {}, limits(CAP));
    expect(await response.text()).toBe('opaque');
    expect(response.headers.get('content-encoding')).toBe('zstd');
  });

  it('sends the method, headers and body it is given, form bodies with their type', async () => {
    const api = await server([json(200, {}), json(200, {})]);
    const send = await sender();
    const headers = new Headers({ 'content-type': 'application/json', 'x-custom': 'one' });
    await send.send(
      `${api.url}/pass?x=1`,
      { method: 'POST', headers, body: '{"a":1}' },
      limits(CAP),
    );
    await send.send(
      `${api.url}/oauth/token`,
      { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) },
      limits(CAP),
    );
    expect(api.requests.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'POST', url: '/pass?x=1', body: '{"a":1}' },
      { method: 'POST', url: '/oauth/token', body: 'grant_type=client_credentials' },
    ]);
    expect(api.requests[0]?.headers['x-custom']).toBe('one');
    expect(api.requests[1]?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
  });

  it('keeps repeated response headers apart and serves the body more than once', async () => {
    const api = await server([
      (_request, response) => {
        response.writeHead(200, [
          ['content-type', 'application/json'],
          ['set-cookie', 'a=1'],
          ['set-cookie', 'b=2'],
          ['x-request-id', 'req-1'],
        ]);
        response.end('{"ok":true}');
      },
    ]);
    const response = await (await sender()).send(`${api.url}/p`, {}, limits(CAP));
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(await response.text()).toBe('{"ok":true}');
    expect(await response.json()).toEqual({ ok: true });
    expect(response.url).toBe(`${api.url}/p`);
  });

  it('returns a 3xx as it is and follows nothing', async () => {
    const elsewhere = await server([json(200, { foreign: true })]);
    const api = await server([
      raw(307, 'text/plain', 'moved', { location: `${elsewhere.url}/stolen` }),
    ]);
    const response = await (await sender()).send(
      `${api.url}/pass`,
      { method: 'POST', body: '{"secret":1}' },
      limits(CAP),
    );
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${elsewhere.url}/stolen`);
    expect(api.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('refuses a declared length over the cap without reading the body', async () => {
    const api = await server([raw(200, 'application/json', 'x'.repeat(2048))]);
    const error = await (await sender())
      .send(`${api.url}/p`, {}, limits(1024))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).limit).toBe(1024);
  });

  it('accepts a body of exactly the cap', async () => {
    const api = await server([raw(200, 'text/plain', 'x'.repeat(1024))]);
    const response = await (await sender()).send(`${api.url}/p`, {}, limits(1024));
    expect((await response.text()).length).toBe(1024);
  });

  it('cancels an endless body at the cap instead of draining it', async () => {
    const written = { bytes: 0 };
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const api = await server([endless(chunk, { 'content-type': 'text/plain' }, written)]);
    const error = await (await sender())
      .send(`${api.url}/p`, {}, limits(CAP))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // What the server got out before the socket closed: the cap plus what sat in buffers.
    expect(written.bytes).toBeLessThan(64 * CAP);
    expect(api.requests).toHaveLength(1);
  });

  it('cancels an endless gzip bomb at the cap, in flat memory', async () => {
    // One gzip member of 8 MiB of zeros is about 8 KiB; members may follow one another, so
    // the server sends an endless stream that decodes to about a thousand times its size.
    const member = gzipSync(Buffer.alloc(8 * CAP));
    const written = { bytes: 0 };
    const api = await server([
      endless(member, { 'content-type': 'application/json', 'content-encoding': 'gzip' }, written),
    ]);
    const before = process.memoryUsage();
    const error = await (await sender())
      .send(`${api.url}/p`, {}, limits(4 * CAP))
      .catch((e: unknown) => e);
    const after = process.memoryUsage();
    expect(error).toBeInstanceOf(BodyTooLargeError);
    // Without the cap the body would decode forever; with it, memory holds the cap and a chunk.
    const grown = after.arrayBuffers + after.heapUsed - (before.arrayBuffers + before.heapUsed);
    expect(grown).toBeLessThan(64 * CAP);
    expect(written.bytes).toBeLessThan(64 * CAP);
  });

  it('rejects with the caller reason when the signal aborts, before and during the answer', async () => {
    const api = await server([() => {}, endless(Buffer.alloc(1024), {}, { bytes: 0 })]);
    const send = await sender();
    const waiting = new AbortController();
    const pending = send.send(`${api.url}/hang`, {}, limits(CAP, waiting.signal));
    while (api.requests.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const reason = new Error('caller gave up');
    waiting.abort(reason);
    await expect(pending).rejects.toBe(reason);

    const streaming = new AbortController();
    const body = send.send(`${api.url}/stream`, {}, limits(2 ** 40, streaming.signal));
    while (api.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = new Error('enough');
    setTimeout(() => streaming.abort(second), 20);
    await expect(body).rejects.toBe(second);

    const already = AbortSignal.abort(new Error('before'));
    await expect(send.send(`${api.url}/never`, {}, limits(CAP, already))).rejects.toThrow('before');
    expect(api.requests).toHaveLength(2);
  });

  it('keeps connections alive across calls, and close() releases them', async () => {
    const calls = 6;
    const api = await server(Array.from({ length: calls }, () => json(200, {})));
    const sockets: Socket[] = [];
    // The scripted server does not expose its sockets: count connections through a front.
    const front = await tcpFront(api.url, sockets);
    const send = await sender();
    for (let i = 0; i < calls; i++) {
      const response = await send.send(`${front.url}/p`, {}, limits(CAP));
      expect(response.status).toBe(200);
    }
    expect(api.requests).toHaveLength(calls);
    // undici (fetch too) opens a second connection for the call right after the first, while
    // the first is still being put back in the pool; from then on they are reused.
    expect(sockets.length).toBeLessThanOrEqual(2);
    const closed = sockets.map((socket) => new Promise((resolve) => socket.once('close', resolve)));
    await send.close();
    await Promise.all(closed);
    await expect(send.send(`${front.url}/p`, {}, limits(CAP))).rejects.toThrow('closed');
    expect(api.requests).toHaveLength(calls);
  });

  it('goes through a proxy given as the dispatcher, and through one set globally', async () => {
    const api = await server([json(200, { via: 'proxy' }), json(200, { via: 'global' })]);
    const proxy = await connectProxy();
    const agent = new ProxyAgent(proxy.url);
    open.push(agent);
    const viaOption = await sender(agent);
    const first = await viaOption.send(`${api.url}/p`, {}, limits(CAP));
    expect(await first.json()).toEqual({ via: 'proxy' });
    expect(proxy.tunnels).toEqual([new URL(api.url).host]);

    const previous = getGlobalDispatcher();
    const global = new ProxyAgent(proxy.url);
    setGlobalDispatcher(global);
    try {
      const second = await (await sender()).send(`${api.url}/q`, {}, limits(CAP));
      expect(await second.json()).toEqual({ via: 'global' });
    } finally {
      setGlobalDispatcher(previous);
      await global.close();
    }
    expect(proxy.tunnels).toHaveLength(2);
    expect(api.requests).toHaveLength(2);
  });

  it('sends API and token requests of a client through its dispatcher option', async () => {
    const tokens = await server([(_request, response) => tokenAnswer(response)]);
    const api = await server([json(200, { records: [] })]);
    const proxy = await connectProxy();
    const agent = new ProxyAgent(proxy.url);
    open.push(agent);
    const civic = createCivicPassClient({
      baseUrl: `${api.url}/partner`,
      tokenUrl: `${tokens.url}/oauth/token`,
      clientId: 'id',
      clientSecret: 'secret',
      maxRetries: 0,
      dispatcher: agent,
    });
    const { response } = await civic.raw.POST('/pass', { body: { limit: 10, skip: 0 } });
    expect(response.status).toBe(200);
    expect(proxy.tunnels.sort()).toEqual([new URL(api.url).host, new URL(tokens.url).host].sort());
    expect(tokens.requests).toHaveLength(1);
    expect(api.requests[0]?.headers.authorization).toBe('Bearer server-token-1');
    // The dispatcher is the caller's: closing the client leaves it usable.
    await civic.close();
    const again = await (await sender(agent)).send(`${api.url}/x`, {}, limits(CAP));
    expect(again.status).toBe(500); // the scripted server's answer to an unscripted request
  });

  it('refuses every call after close() or Symbol.asyncDispose, without sending', async () => {
    const api = await server([(_request, response) => tokenAnswer(response), json(200, {})]);
    const options = {
      baseUrl: `${api.url}/partner`,
      tokenUrl: `${api.url}/oauth/token`,
      clientId: 'id',
      clientSecret: 'secret',
    };
    const civic = createCivicPassClient(options);
    await civic.raw.POST('/pass', { body: { limit: 10, skip: 0 } });
    await civic.close();
    await expect(civic.raw.POST('/pass', { body: { limit: 10, skip: 0 } })).rejects.toMatchObject({
      code: 'CLIENT_CLOSED',
      message: expect.stringMatching(/^the client was closed/),
    });
    const disposed = createCivicPassClient(options);
    await disposed[Symbol.asyncDispose]();
    await expect(disposed.passes.list({})).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    expect(api.requests).toHaveLength(2);
  });

  it('checks the dispatcher option, and hands it to a fetch given with it', async () => {
    expect(() => createCivicPassClient({ dispatcher: {} as never })).toThrow(ConfigurationError);
    expect(() => createCivicPassClient({ dispatcher: 'proxy' as never })).toThrow(
      /dispatcher must be an undici dispatcher/,
    );
    const dispatcher = { dispatch: () => true };
    const seen: unknown[] = [];
    const civic = createCivicPassClient({
      baseUrl: 'https://api.test.example/partner',
      tokenUrl: 'https://auth.test.example/oauth/token',
      clientId: 'id',
      clientSecret: 'secret',
      dispatcher,
      fetch: async (url, init) => {
        seen.push((init as { dispatcher?: unknown }).dispatcher);
        return url.endsWith('/token')
          ? Response.json({ access_token: 't', token_type: 'Bearer', expires_in: 60 })
          : Response.json({ records: [] });
      },
    });
    await civic.passes.list({});
    expect(seen).toEqual([dispatcher, dispatcher]);
  });

  it('lets a short script that never calls close() exit', async () => {
    const api = await server([
      (_request, response) => tokenAnswer(response),
      json(200, { records: [] }),
    ]);
    const index = new URL('../../src/index.ts', import.meta.url).pathname;
    const script = [
      `import { createCivicPassClient } from ${JSON.stringify(index)};`,
      `const civic = createCivicPassClient({ baseUrl: '${api.url}/partner', tokenUrl: '${api.url}/oauth/token', clientId: 'id', clientSecret: 'secret', maxRetries: 0 });`,
      "const { response } = await civic.raw.POST('/pass', { body: { limit: 10, skip: 0 } });",
      'console.log(response.status);',
    ].join('\n');
    // Asynchronously: the server lives in this process.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(out.trim()).toBe('200');
    expect(code).toBe(0);
    expect(api.requests.map((request) => request.url)).toEqual(['/oauth/token', '/partner/pass']);
  });
});

/** A TCP front that forwards to `target` and records each connection it accepts. */
async function tcpFront(target: string, sockets: Socket[]) {
  const { hostname, port } = new URL(target);
  const front = createTcpServer((socket) => {
    sockets.push(socket);
    const upstream = connect(Number(port), hostname);
    socket.pipe(upstream).pipe(socket);
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
  });
  return listen(front, sockets);
}

/** Listens on 127.0.0.1; closing destroys `sockets` too. Closed after each test. */
async function listen(listener: NetServer, sockets: Iterable<Socket>) {
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const handle = {
    url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        listener.close(() => resolve());
      }),
  };
  open.push(handle);
  return handle;
}

/** An HTTP proxy that only tunnels (CONNECT), as ProxyAgent uses it, recording each target. */
async function connectProxy() {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((_request, response) => {
    response.writeHead(405);
    response.end();
  });
  proxy.on('connect', (request, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? '');
    const [host, port] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(client).add(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return { ...(await listen(proxy, sockets)), tunnels };
}
