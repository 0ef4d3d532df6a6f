/**
 * The black-box lifecycle test: a pass's whole life driven over HTTP only (token endpoint, API,
 * the control API's clock), every answer checked against the spec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { apiCaller, evmWallet, passApi, token } from './support.js';

let sandbox: Sandbox;
let bearer: string | undefined;
let api: ReturnType<typeof apiCaller>;
let passes: ReturnType<typeof passApi>;

const START = Date.UTC(2030, 0, 1);
const wallet = '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888';

async function advance(ms: number) {
  const response = await fetch(`${sandbox.controlUrl}/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { now: number }).now;
}

beforeAll(async () => {
  sandbox = await startSandbox({ clock: { start: START, frozen: true } });
  api = apiCaller(sandbox, () => bearer);
  passes = passApi(api.call);
  bearer = await token(sandbox, sandbox.clientId, sandbox.clientSecret);
});
afterAll(() => sandbox.close());

describe('the life of a pass, over HTTP', () => {
  it('issues REQUESTED, confirms ACTIVE on the clock, freezes, expires, revokes for good', async () => {
    const issued = await passes.issue('ethereum', 'sepolia', { walletAddress: wallet });
    expect(issued.status).toBe(202);
    expect(issued.body).toMatchObject({ state: 'REQUESTED', walletAddress: wallet });
    expect(issued.body.events.map((e: any) => e.eventType)).toEqual(['TOKEN_ISSUED_INITIATED']);
    expect(issued.body.events[0].transaction).toMatchObject({ status: 'sent' });
    expect(issued.body.events[0].timestamp).toBe(START / 1000);

    // Not yet confirmed: freezing a pending pass is refused, and the pass stays REQUESTED.
    await advance(1_999);
    const early = await passes.patch('ethereum', 'sepolia', wallet, { state: 'FROZEN' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('INVALID_STATE_TRANSITION');
    expect((await passes.get('ethereum', 'sepolia', wallet)).body.state).toBe('REQUESTED');

    await advance(1);
    const active = await passes.get('ethereum', 'sepolia', wallet);
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({
      state: 'ACTIVE',
      onChainState: 'ACTIVE',
      id: issued.body.id,
    });
    const [sent, confirmed] = active.body.events;
    expect(confirmed).toMatchObject({ eventType: 'TOKEN_ISSUED', timestamp: START / 1000 + 2 });
    expect(confirmed.transaction).toEqual({
      identifier: sent.transaction.identifier,
      status: 'confirmed',
    });

    const frozen = await passes.patch('ethereum', 'sepolia', wallet, { state: 'FROZEN' });
    expect(frozen).toMatchObject({ status: 200, body: { status: 'ok' } });
    let pass = (await passes.get('ethereum', 'sepolia', wallet)).body;
    expect(pass).toMatchObject({ state: 'FROZEN', onChainState: 'ACTIVE' });
    expect(pass.events.at(-1).eventType).toBe('TOKEN_FROZEN_INITIATED');

    // Freezing a frozen pass is a no-op: 200, no event.
    expect((await passes.patch('ethereum', 'sepolia', wallet, { state: 'FROZEN' })).status).toBe(
      200,
    );
    await advance(2_000);
    pass = (await passes.get('ethereum', 'sepolia', wallet)).body;
    expect(pass).toMatchObject({ state: 'FROZEN', onChainState: 'FROZEN' });
    expect(pass.events.map((e: any) => e.eventType)).toEqual([
      'TOKEN_ISSUED_INITIATED',
      'TOKEN_ISSUED',
      'TOKEN_FROZEN_INITIATED',
      'TOKEN_FROZEN',
    ]);

    const byState = await passes.list({ filter: { state: 'FROZEN' } });
    expect(byState.body.records.map((p: any) => p.walletAddress)).toEqual([wallet]);
    expect((await passes.list({ filter: { state: 'ACTIVE' } })).body.records).toEqual([]);

    expect((await passes.patch('ethereum', 'sepolia', wallet, { state: 'ACTIVE' })).status).toBe(
      200,
    );
    const expiry = Math.floor((START + 10_000) / 1000) + 60;
    expect(
      (await passes.patch('ethereum', 'sepolia', wallet, { expiryTimestamp: expiry })).status,
    ).toBe(200);
    pass = (await passes.get('ethereum', 'sepolia', wallet)).body;
    expect(pass).toMatchObject({ state: 'ACTIVE', expiryTimestamp: expiry });
    expect(pass.events.at(-1).eventType).toBe('TOKEN_EXPIRY_CHANGED_INITIATED');

    // Past its expiry the pass keeps its state; the expiry is in the past of the sandbox clock.
    const now = await advance(120_000);
    pass = (await passes.get('ethereum', 'sepolia', wallet)).body;
    expect(pass.expiryTimestamp * 1000).toBeLessThanOrEqual(now);
    expect(pass.state).toBe('ACTIVE');
    expect(pass.events.slice(-4).map((e: any) => e.eventType)).toEqual([
      'TOKEN_UNFROZEN_INITIATED',
      'TOKEN_EXPIRY_CHANGED_INITIATED',
      'TOKEN_UNFROZEN',
      'TOKEN_EXPIRY_CHANGED',
    ]);

    const revoked = await passes.revoke('ethereum', 'sepolia', wallet);
    expect(revoked).toMatchObject({ status: 200, body: null });
    expect((await passes.get('ethereum', 'sepolia', wallet)).body.state).toBe('REVOKED');
    for (const attempt of [
      () => passes.issue('ethereum', 'sepolia', { walletAddress: wallet }),
      () => passes.issue('ethereum', 'sepolia', { walletAddress: wallet.toLowerCase() }),
      () => passes.patch('ethereum', 'sepolia', wallet, { state: 'FROZEN' }),
      () => passes.patch('ethereum', 'sepolia', wallet, { expiryTimestamp: 1 }),
      () => passes.revoke('ethereum', 'sepolia', wallet),
    ]) {
      const refused = await attempt();
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('PASS_REVOKED');
    }
    // Another network of the same wallet is another pass.
    expect((await passes.issue('ethereum', 'polygonAmoy', { walletAddress: wallet })).status).toBe(
      202,
    );
    const twice = await passes.issue('ethereum', 'polygonAmoy', { walletAddress: wallet });
    expect(twice.body.code).toBe('PASS_EXISTS');
  });

  it('refuses bad input with 400 naming the field, and unknown passes and routes with 404', async () => {
    const cases: [Promise<any>, number, string, string?][] = [
      [
        passes.issue('solana', 'sepolia', { walletAddress: wallet }),
        400,
        'INVALID_REQUEST',
        'chainNetwork',
      ],
      [
        passes.issue('bitcoin', 'mainnet', { walletAddress: wallet }),
        400,
        'INVALID_REQUEST',
        'chain',
      ],
      [
        passes.issue('ethereum', 'sepolia', { walletAddress: '0x12' }),
        400,
        'INVALID_REQUEST',
        'walletAddress',
      ],
      [
        passes.issue('solana', 'devnet', { walletAddress: wallet }),
        400,
        'INVALID_REQUEST',
        'walletAddress',
      ],
      [passes.issue('ethereum', 'sepolia', {}), 400, 'INVALID_REQUEST', 'walletAddress'],
      [passes.issue('ethereum', 'sepolia', '{"walletAddress":'), 400, 'INVALID_REQUEST', 'body'],
      [passes.issue('ethereum', 'sepolia', []), 400, 'INVALID_REQUEST', 'body'],
      [passes.get('ethereum', 'sepolia', 'not-a-wallet'), 400, 'INVALID_REQUEST', 'wallet'],
      [passes.patch('ethereum', 'sepolia', wallet, {}), 400, 'INVALID_REQUEST', 'body'],
      [
        passes.patch('ethereum', 'sepolia', wallet, { state: 'REVOKED' }),
        400,
        'INVALID_REQUEST',
        'state',
      ],
      [
        passes.patch('ethereum', 'sepolia', wallet, { expiryTimestamp: 1.5 }),
        400,
        'INVALID_REQUEST',
        'expiryTimestamp',
      ],
      [
        passes.patch('ethereum', 'sepolia', wallet, { expiryTimestamp: -1 }),
        400,
        'INVALID_REQUEST',
        'expiryTimestamp',
      ],
      [passes.list({ limit: 0 }), 400, 'INVALID_REQUEST', 'limit'],
      [passes.list({ limit: 101 }), 400, 'INVALID_REQUEST', 'limit'],
      [passes.list({ limit: '10' }), 400, 'INVALID_REQUEST', 'limit'],
      [passes.list({ skip: -1 }), 400, 'INVALID_REQUEST', 'skip'],
      [passes.list({ filter: { state: 'EXPIRED' } }), 400, 'INVALID_REQUEST', 'filter.state'],
      [
        passes.list({ filter: { walletAddress: 'x' } }),
        400,
        'INVALID_REQUEST',
        'filter.walletAddress',
      ],
      [passes.get('ethereum', 'sepolia', evmWallet(999)), 404, 'PASS_NOT_FOUND'],
      [
        passes.revoke('solana', 'devnet', '7Bq2Ecz7CoW3vtTqjeYWJDa9RQ8vWqGRTaS9Ym1aLx6H'),
        404,
        'PASS_NOT_FOUND',
      ],
      [api.call('getPii', 'GET', '/piirequest/nope'), 404, 'PII_REQUEST_NOT_FOUND'],
    ];
    for (const [answer, status, code, field] of cases) {
      const { status: got, body } = await answer;
      expect({ got, code: body.code, field: body.field }).toEqual({ got: status, code, field });
    }

    const noRoute = await fetch(`${sandbox.baseUrl.replace('/partner', '')}/pass`, {
      method: 'POST',
    });
    expect(noRoute.status).toBe(404);
    expect(await noRoute.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });

    // The one answer the spec cannot describe: 405 with Allow.
    const wrongMethod = await api.call('getPass', 'PUT', `/pass/ethereum/sepolia/${wallet}`, {});
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, PATCH, DELETE');
    expect(wrongMethod.body.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('pages 25 passes by 10 in issue order, each exactly once, filters by wallet', async () => {
    await fetch(`${sandbox.controlUrl}/reset`, { method: 'POST' });
    const wallets = Array.from({ length: 25 }, (_, i) => evmWallet(i + 1));
    for (const w of wallets) {
      expect((await passes.issue('ethereum', 'baseSepolia', { walletAddress: w })).status).toBe(
        202,
      );
    }
    const seen: string[] = [];
    const sizes: number[] = [];
    for (let skip = 0; ; skip += 10) {
      const page = await passes.list({ limit: 10, skip });
      sizes.push(page.body.records.length);
      seen.push(...page.body.records.map((p: any) => p.walletAddress));
      if (page.body.records.length < 10) break;
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(wallets);
    expect((await passes.list()).body.records).toHaveLength(20); // the default limit

    const one = await passes.list({
      filter: { walletAddress: wallets[7]?.toUpperCase().replace('0X', '0x') },
    });
    expect(one.body.records.map((p: any) => p.walletAddress)).toEqual([wallets[7]]);
    expect(
      (await passes.list({ filter: { state: 'REQUESTED' }, skip: 20 })).body.records,
    ).toHaveLength(5);
    expect((await passes.list({ filter: { state: 'REJECTED' } })).body.records).toEqual([]);
  });
});
