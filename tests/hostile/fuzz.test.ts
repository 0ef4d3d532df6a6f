/**
 * A seeded fuzz over the documented options and arguments: whatever is given, nothing but a
 * `CivicPassError` comes out (the one exception: an aborted call rejects with its signal's
 * reason). Options are refused at construction with a `ConfigurationError` naming the option.
 */
import { describe, expect, it } from 'vitest';
import { createClientWithRuntime } from '../../src/client.js';
import { CivicPassError, ConfigurationError } from '../../src/errors.js';
import { PASS_EXAMPLE } from '../support/examples.js';
import { fakeApi, TOKEN_URL } from '../support/fake-api.js';

/** mulberry32: a small seeded generator, so a failure can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nullProto = () => Object.create(null) as Record<string, unknown>;
const REASON = new Error('fuzz abort');
const aborted = () => {
  const controller = new AbortController();
  controller.abort(REASON);
  return controller.signal;
};

/** Values of every type, including the ones that break naive formatting. */
const ANY: (() => unknown)[] = [
  () => undefined,
  () => null,
  () => 0,
  () => -1,
  () => 1.5,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => 2 ** 31,
  () => 2 ** 31 - 1,
  () => 1,
  () => 250,
  () => '',
  () => 'x',
  () => 'a\r\nInjected: yes',
  () => '1000',
  () => true,
  () => [],
  () => ['a', 'b'],
  () => ({}),
  nullProto,
  () => () => {},
  () => Symbol('s'),
  () => 10n,
  () => new Headers({ a: 'b' }),
  () => new Date(0),
  () => /re/,
  () => new Map(),
];

const SPECIFIC: Record<string, (() => unknown)[]> = {
  clientId: [() => 'fuzz-client', () => 42],
  clientSecret: [() => 'fuzz-secret-123456', () => 123456],
  baseUrl: [
    () => 'https://api.test.example/partner',
    () => 'https://u:p4ssw0rd@api.test.example',
    () => 'not a url',
    () => 'http://10.0.0.1/partner',
  ],
  tokenUrl: [() => TOKEN_URL, () => 'ftp://x/y'],
  audience: [() => 'https://api.civic.com/pass'],
  clientAuthentication: [() => 'client_secret_basic', () => 'private_key_jwt'],
  headers: [
    () => ({ 'x-trace': 'abc' }),
    () => ({ 'bad name': 'v' }),
    () => ({ 'x-a': 'line\nbreak' }),
    () => ({ 'x-a': 1 }),
    () => [['x-a', 'b']],
    () => Object.assign(nullProto(), { 'x-a': 'b' }),
  ],
  logger: [() => ({ debug: 1 }), () => ({}), () => ({ debug: () => {} })],
  maxRetries: [() => 0, () => 3],
  timeoutMs: [() => 500, () => 2 ** 31],
  attemptTimeoutMs: [() => 100],
  maxResponseBytes: [() => 10, () => 1_000_000],
};
const OPTION_NAMES = Object.keys(SPECIFIC);

const WALLET = PASS_EXAMPLE.walletAddress;
const REFS: (() => unknown)[] = [
  () => ({ chain: 'ethereum', chainNetwork: 'sepolia', wallet: WALLET }),
  () => ({ chain: 'ethereum', chainNetwork: 'devnet', wallet: WALLET }),
  () => ({ chain: 'solana', chainNetwork: 'devnet', wallet: '0x' }),
  () => ({ chain: 'ethereum', chainNetwork: 'sepolia', wallet: '../../etc' }),
  () => Object.assign(nullProto(), { chain: nullProto(), chainNetwork: 1, wallet: nullProto() }),
  ...ANY,
];
const CALL_OPTIONS: (() => unknown)[] = [
  () => undefined,
  () => ({ timeoutMs: 2 ** 31 }),
  () => ({ maxRetries: -1 }),
  () => ({ headers: { 'x-a': 'b\r\nc' } }),
  () => ({ headers: ['x'] }),
  () => ({ signal: 'yes' }),
  () => ({ signal: aborted() }),
  () => ({ maxResponseBytes: 0 }),
  () => ({ attemptTimeoutMs: 50, maxRetries: 0 }),
  ...ANY,
];

type Call = (
  civic: ReturnType<typeof createClientWithRuntime>,
  a: unknown,
  b: unknown,
  c: unknown,
) => unknown;
const CALLS: Call[] = [
  (civic, ref, options) => civic.passes.get(ref as never, options as never),
  (civic, ref, options) => civic.passes.issue(ref as never, options as never),
  (civic, ref, options) => civic.passes.freeze(ref as never, options as never),
  (civic, ref, options) => civic.passes.revoke(ref as never, options as never),
  (civic, ref, options) => civic.passes.update(ref as never, options as never),
  (civic, ref, at, options) => civic.passes.expire(ref as never, at as never, options as never),
  (civic, input, options) => civic.passes.list(input as never, options as never),
  async (civic, input, options) => {
    for await (const _ of civic.passes.listAll(input as never, options as never)) break;
  },
  (civic, id, options) => civic.pii.get(id as never, options as never),
  (civic, id, options) => civic.pii.approve(id as never, options as never),
  (civic, id, rel, options) => civic.pii.evidence(id as never, rel as never, options as never),
];

/** The fake API answers each request with one of these, picked by the seeded generator. */
function answers(next: () => number) {
  const pick = [
    () => Response.json(PASS_EXAMPLE),
    () => Response.json({ records: [PASS_EXAMPLE] }),
    () => Response.json({ code: 'PASS_NOT_FOUND', message: 'no' }, { status: 404 }),
    () =>
      new Response('{"broken', { status: 200, headers: { 'content-type': 'application/json' } }),
    () => new Response(null, { status: 503 }),
    () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }),
  ];
  return () => pick[Math.floor(next() * pick.length)]?.() as Response;
}

const one = <T>(next: () => number, list: readonly (() => T)[]): T =>
  (list[Math.floor(next() * list.length)] as () => T)();

describe('a seeded fuzz over options and arguments', () => {
  it('lets nothing but a CivicPassError (or the abort reason) escape, 300 option objects and calls', async () => {
    const seed = 20_261_202;
    const next = random(seed);
    const escaped: string[] = [];
    let refused = 0;
    let called = 0;
    for (let round = 0; round < 300; round += 1) {
      const options: Record<string, unknown> = {};
      for (const name of OPTION_NAMES) {
        const roll = next();
        if (roll < 0.85) continue;
        options[name] = roll < 0.95 ? one(next, SPECIFIC[name] ?? []) : one(next, ANY);
      }
      const api = fakeApi({ api: answers(next) });
      // Never the network: the fake fetch, or a broken one.
      options.fetch = one<unknown>(next, [
        () => api.fetch,
        () => api.fetch,
        () => api.fetch,
        () => () => 42,
        () => () => {
          throw new TypeError('broken fetch');
        },
        () => async () => {
          throw 'a string';
        },
      ]);
      let civic: ReturnType<typeof createClientWithRuntime>;
      try {
        civic = createClientWithRuntime(
          { baseUrl: 'https://api.test.example/partner', tokenUrl: TOKEN_URL, ...options },
          { sleep: async () => {} },
        );
      } catch (error) {
        refused += 1;
        if (!(error instanceof ConfigurationError)) {
          escaped.push(
            `round ${round} construction: ${Object.prototype.toString.call(error)} ${String((error as Error)?.message)}`,
          );
        } else if (!error.message.includes(error.option)) {
          escaped.push(`round ${round}: ConfigurationError does not name ${error.option}`);
        }
        continue;
      }
      const call = one(
        next,
        CALLS.map((c) => () => c),
      );
      const args = [one(next, REFS), one(next, REFS), one(next, CALL_OPTIONS)];
      called += 1;
      try {
        await call(civic, ...(args as [unknown, unknown, unknown]));
      } catch (error) {
        if (error === REASON || error instanceof CivicPassError) continue;
        escaped.push(
          `round ${round} call: ${Object.prototype.toString.call(error)} ${String((error as Error)?.message)}`,
        );
      }
    }
    console.log(`fuzz seed ${seed}: ${refused} option objects refused, ${called} calls made`);
    expect(escaped).toEqual([]);
    // The fuzz exercised both sides.
    expect(refused).toBeGreaterThan(30);
    expect(called).toBeGreaterThan(50);
  });
});

describe('the option refusals the issue reported', () => {
  it.each([
    [{ timeoutMs: 2 ** 31 }, 'timeoutMs'],
    [{ attemptTimeoutMs: 0 }, 'attemptTimeoutMs'],
    [{ maxResponseBytes: 1.5 }, 'maxResponseBytes'],
    [{ headers: { 'x-a': 'one\r\nInjected: two' } }, 'headers'],
    [{ headers: [['x-a', 'b']] }, 'headers'],
    [{ headers: { 'bad name': 'v' } }, 'headers'],
    [{ clientSecret: 12345678 }, 'clientSecret'],
    [{ clientId: Object.create(null) }, 'clientId'],
    [{ logger: { debug: 'loud' } }, 'logger'],
    [{ fetch: 'fetch' }, 'fetch'],
  ])('refuses %o with a ConfigurationError naming %s', (options, option) => {
    let error: unknown;
    try {
      createClientWithRuntime(
        {
          baseUrl: 'https://api.test.example/partner',
          tokenUrl: TOKEN_URL,
          ...(options as object),
        },
        {},
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'CONFIGURATION', option });
    expect((error as Error).message).toContain(option);
  });
});
