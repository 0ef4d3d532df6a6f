/**
 * What the transport sends (src/request.ts) and what it hands back (src/response.ts): a call
 * without middleware sends what openapi-fetch serialised without building a standard Request,
 * a call with middleware sends whatever the middleware left, and every answer's body is read
 * within its attempt yet stays readable for callers.
 */
import { describe, expect, it } from 'vitest';
import { createClientWithRuntime } from '../../src/client.js';
import { serializePath } from '../../src/path.js';
import { PlainRequest, toSendable } from '../../src/request.js';
import { BufferedResponse, readWithinAttempt } from '../../src/response.js';
import { clientOptions, EVM_REF, fakeApi, fakeRuntime, passBody } from '../support/fake-api.js';

const LIST_BODY = '{"limit":2,"skip":0}';

describe('PlainRequest and toSendable', () => {
  it('keep the serialised body and the headers object as they are', async () => {
    const headers = new Headers({ 'content-type': 'application/json' });
    const request = new PlainRequest('https://api.test.example/partner/pass', {
      method: 'POST',
      headers,
      body: LIST_BODY,
    });
    const sendable = await toSendable(request);
    expect(sendable).toEqual({
      url: 'https://api.test.example/partner/pass',
      method: 'POST',
      headers,
      body: LIST_BODY,
      redirect: 'follow',
    });
    expect(sendable.headers).toBe(headers);
  });

  it('read a stream body once into memory, so every attempt can send it', async () => {
    const stream = new Blob([LIST_BODY]).stream();
    const sendable = await toSendable(
      new PlainRequest('https://api.test.example/partner/pass', { method: 'POST', body: stream }),
    );
    expect(new TextDecoder().decode(sendable.body as ArrayBuffer)).toBe(LIST_BODY);
    expect(stream.locked).toBe(true);
  });

  it('copy a standard Request: its headers (with the multipart boundary) and its body bytes', async () => {
    const form = new FormData();
    form.set('note', 'checked');
    const request = new Request('https://api.test.example/partner/pass', {
      method: 'POST',
      body: form,
      headers: { 'x-trace': 't1' },
    });
    const sendable = await toSendable(request);
    expect(sendable.headers).not.toBe(request.headers);
    expect(sendable.headers.get('x-trace')).toBe('t1');
    const contentType = sendable.headers.get('content-type') ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const parsed = await new Response(sendable.body, {
      headers: { 'content-type': contentType },
    }).formData();
    expect(parsed.get('note')).toBe('checked');
  });
});

describe('requests through the client', () => {
  it('re-sends a stream body byte for byte after a retryable answer', async () => {
    const api = fakeApi({
      api: (_request, index) =>
        index === 1 ? new Response(null, { status: 503 }) : Response.json({ records: [] }),
    });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    const { data } = await civic.raw.POST('/pass', {
      body: new Blob([LIST_BODY]).stream() as never,
      bodySerializer: (body: unknown) => body as never,
    });
    expect(data).toEqual({ records: [] });
    expect(api.apiRequests().map((request) => request.body)).toEqual([LIST_BODY, LIST_BODY]);
  });

  it('sends what middleware returns in place of the request, with the token added', async () => {
    const api = fakeApi({ api: () => Response.json(passBody()) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    civic.raw.use({
      onRequest({ request }) {
        const headers = new Headers(request.headers);
        headers.set('x-trace', 'from-middleware');
        return new Request(request, { headers });
      },
    });
    await civic.passes.get(EVM_REF);
    const [sent] = api.apiRequests();
    expect(sent?.headers.get('x-trace')).toBe('from-middleware');
    expect(sent?.headers.get('authorization')).toBe('Bearer tok-1');
  });

  it('refuses a per-call base URL on another origin before anything is sent', async () => {
    const api = fakeApi({ api: () => Response.json({ records: [] }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await expect(
      civic.raw.POST('/pass', {
        baseUrl: 'https://api.test.example.evil.example/partner',
        body: { limit: 1, skip: 0 },
      }),
    ).rejects.toMatchObject({ code: 'FOREIGN_ORIGIN' });
    expect(api.seen).toEqual([]);
  });
});

describe('readWithinAttempt and BufferedResponse', () => {
  it('serve the body from memory, as often as asked, with the answer’s own headers and URL', async () => {
    const answer = new Response('{"id":"p1"}', {
      status: 201,
      statusText: 'Created',
      headers: { 'content-type': 'application/json', 'x-request-id': 'r9' },
    });
    const read = await readWithinAttempt(answer, 'GET', 1024);
    expect(read).toBeInstanceOf(BufferedResponse);
    expect(answer.bodyUsed).toBe(true);
    expect(read.headers).toBe(answer.headers);
    expect([read.status, read.statusText, read.ok]).toEqual([201, 'Created', true]);
    expect(await read.json()).toEqual({ id: 'p1' });
    expect(await read.text()).toBe('{"id":"p1"}');
    expect((await read.blob()).type).toBe('application/json');
    expect(await read.clone().json()).toEqual({ id: 'p1' });
    expect(new TextDecoder().decode(await read.arrayBuffer())).toBe('{"id":"p1"}');
  });

  it('pass answers without a body through unread', async () => {
    const empty = new Response(null, { status: 204 });
    expect(await readWithinAttempt(empty, 'DELETE', 1024)).toBe(empty);
    const head = new Response('ignored', { status: 200 });
    expect(await readWithinAttempt(head, 'HEAD', 1024)).toBe(head);
  });
});

describe('serializePath', () => {
  it('fills the same template under different base URLs, each value checked and encoded', () => {
    const params = { chain: 'ethereum', chainNetwork: 'sepolia', wallet: EVM_REF.wallet };
    for (const base of ['https://a.example/partner', 'http://127.0.0.1:4010']) {
      expect(serializePath(`${base}/pass/{chain}/{chainNetwork}/{wallet}`, params)).toBe(
        `${base}/pass/ethereum/sepolia/${EVM_REF.wallet}`,
      );
    }
    expect(serializePath('https://a.example/x/{rel}/y', { rel: 'id_Doc-1' })).toBe(
      'https://a.example/x/id_Doc-1/y',
    );
  });

  it('names a missing or invalid value', () => {
    expect(() => serializePath('https://a.example/pass/{chain}/{wallet}', { chain: 'x' })).toThrow(
      'wallet is required to build https://a.example/pass/{chain}/{wallet}',
    );
    expect(() => serializePath('https://a.example/p/{rel}', { rel: '..' })).toThrow(
      /would change the request path/,
    );
  });
});
