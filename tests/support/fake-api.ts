/**
 * A scripted `fetch` for unit tests: it records every request (method, URL, headers, body) and
 * answers token requests itself unless told otherwise. Each test makes its own; nothing global.
 */
import type { FetchLike } from '../../src/config.js';
import { overUndici } from './dispatcher-log.js';
import { bridged, initBridge } from './fetch-bridge.js';

// Over undici, the scripted fetch answers behind a local server (fetch-bridge.ts).
if (overUndici) await initBridge();

export const BASE_URL = 'https://api.test.example/partner';
export const TOKEN_URL = 'https://auth.test.example/oauth/token';
export const CLIENT_ID = 'client-id-123';
export const CLIENT_SECRET = 'very-secret-value-9f8e7d';
export const EVM_WALLET = '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888';
export const SOLANA_WALLET = '4v4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ';
export const EVM_REF = { chain: 'ethereum', chainNetwork: 'sepolia', wallet: EVM_WALLET } as const;
export const SOLANA_REF = {
  chain: 'solana',
  chainNetwork: 'devnet',
  wallet: SOLANA_WALLET,
} as const;

/** One request as the fake saw it. */
export interface Seen {
  method: string;
  url: string;
  /** The URL's path below the origin, with the query. */
  path: string;
  headers: Headers;
  body: string | null;
  signal: AbortSignal | undefined;
}

export type Answer = Response | Error | Promise<Response> | Promise<never>;
export type Handler = (request: Seen, index: number) => Answer;

/** A pass as the API returns it. */
export function passBody(overrides: Record<string, unknown> = {}) {
  return {
    id: 'p1',
    chain: { type: 'ethereum', network: 'sepolia' },
    gatekeeperNetwork: 'tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf',
    walletAddress: EVM_WALLET,
    state: 'ACTIVE',
    onChainState: 'ACTIVE',
    events: [],
    ...overrides,
  };
}

/** A connection error the way undici reports one. */
export function connectionError(code = 'ECONNRESET'): TypeError {
  const cause = Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });
  return new TypeError('fetch failed', { cause });
}

/** A fetch that never answers and rejects with the signal's reason when aborted, like undici. */
export function hang(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export interface FakeOptions {
  /** Answers token requests; default: `tok-1`, `tok-2`, ... valid for an hour. */
  token?: Handler;
  /** Answers API requests; default 404. */
  api?: Handler;
}

/** Makes a fake fetch and the log of what it saw. */
export function fakeApi(options: FakeOptions = {}) {
  const seen: Seen[] = [];
  let tokenCount = 0;
  let apiCount = 0;
  const tokenHandler: Handler =
    options.token ??
    (() =>
      Response.json({
        access_token: `tok-${tokenCount}`,
        token_type: 'Bearer',
        expires_in: 3600,
      }));
  const apiHandler: Handler = options.api ?? (() => new Response(null, { status: 404 }));

  const fetch: FetchLike = async (input, init) => {
    const url = String(input);
    const body = init.body;
    const request: Seen = {
      method: init.method ?? 'GET',
      url,
      path: url.slice(new URL(url).origin.length),
      headers: new Headers(init.headers),
      body:
        body === undefined || body === null
          ? null
          : typeof body === 'string'
            ? body
            : body instanceof URLSearchParams
              ? body.toString()
              : new TextDecoder().decode(body as ArrayBuffer),
      signal: init.signal ?? undefined,
    };
    seen.push(request);
    const answer =
      url === TOKEN_URL ? tokenHandler(request, ++tokenCount) : apiHandler(request, ++apiCount);
    const settled = await answer;
    if (settled instanceof Error) throw settled;
    return settled;
  };

  return {
    fetch,
    seen,
    /** The requests to the token endpoint. */
    tokenRequests: () => seen.filter((request) => request.url === TOKEN_URL),
    /** The requests to the API. */
    apiRequests: () => seen.filter((request) => request.url !== TOKEN_URL),
  };
}

/**
 * Options for a client on the fake API: credentials, URLs and the fake's fetch (over undici,
 * the fake behind the local bridge, reached through the client's own transport).
 */
export function clientOptions(fetch: FetchLike, extra: Record<string, unknown> = {}) {
  return {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: BASE_URL,
    tokenUrl: TOKEN_URL,
    ...(overUndici ? { dispatcher: bridged(fetch) } : { fetch }),
    ...extra,
  };
}

/** A runtime whose sleeps are recorded and instant, and whose clock only moves when told. */
export function fakeRuntime(start = 1_700_000_000_000) {
  const sleeps: number[] = [];
  const clock = { now: start };
  return {
    sleeps,
    clock,
    runtime: {
      now: () => clock.now,
      random: () => 0.5,
      sleep: async (ms: number, signal?: AbortSignal) => {
        if (signal?.aborted) throw signal.reason;
        sleeps.push(ms);
        clock.now += ms;
      },
    },
  };
}
