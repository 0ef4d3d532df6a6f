import { describe, expect, it } from 'vitest';
import { CHAIN_NETWORK_VALUES, CHAINS } from '../../generated/api.js';
import { createClientWithRuntime } from '../../src/client.js';
import { InputError } from '../../src/errors.js';
import type { PassRef } from '../../src/types.js';
import { checkPassRef } from '../../src/validate.js';
import {
  clientOptions,
  EVM_REF,
  EVM_WALLET,
  fakeApi,
  fakeRuntime,
  SOLANA_REF,
  SOLANA_WALLET,
} from '../support/fake-api.js';

function setup() {
  const api = fakeApi();
  const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
  return { api, civic };
}

/** Runs a call that must fail with an InputError before anything is sent. */
async function refused(
  call: (civic: ReturnType<typeof setup>['civic']) => Promise<unknown> | unknown,
) {
  const { api, civic } = setup();
  const error = await (async () => call(civic))().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  expect(api.seen).toEqual([]); // no token request, no API request
  return error as InputError;
}

const bad = (ref: unknown) => ref as PassRef;

describe('input checks before sending (InputError, nothing sent)', () => {
  it('refuses an unknown chain, listing the chains', async () => {
    const error = await refused((c) => c.passes.get(bad({ ...EVM_REF, chain: 'polygon' })));
    expect(error.field).toBe('chain');
    expect(error.message).toBe('chain "polygon" is not one this API knows; use solana or ethereum');
  });

  it('refuses an unknown chainNetwork, listing the networks of the chain', async () => {
    const error = await refused((c) => c.passes.get(bad({ ...EVM_REF, chainNetwork: 'goerli' })));
    expect(error.field).toBe('chainNetwork');
    expect(error.message).toMatch(
      /^chainNetwork "goerli" is not a network this API knows; ethereum takes mainnet, sepolia, /,
    );
    expect(error.message).toContain('sonicTestnet');
  });

  it('refuses a network of the other chain, naming its chain and what is allowed', async () => {
    const sepoliaOnSolana = await refused((c) =>
      c.passes.issue(bad({ chain: 'solana', chainNetwork: 'sepolia', wallet: SOLANA_WALLET })),
    );
    expect(sepoliaOnSolana.message).toBe(
      'chainNetwork "sepolia" is an ethereum network; solana takes mainnet-beta or devnet',
    );
    const devnetOnEthereum = await refused((c) =>
      c.passes.issue(bad({ chain: 'ethereum', chainNetwork: 'devnet', wallet: EVM_WALLET })),
    );
    expect(devnetOnEthereum.message).toMatch(
      /^chainNetwork "devnet" is a solana network; ethereum takes mainnet, /,
    );
  });

  it('accepts every network the spec pairs with each chain', () => {
    for (const network of CHAINS.ethereum.networks) {
      expect(() =>
        checkPassRef({ chain: 'ethereum', chainNetwork: network, wallet: EVM_WALLET }),
      ).not.toThrow();
    }
    for (const network of CHAINS.solana.networks) {
      expect(() =>
        checkPassRef({ chain: 'solana', chainNetwork: network, wallet: SOLANA_WALLET }),
      ).not.toThrow();
    }
    expect(CHAINS.ethereum.networks.length + CHAINS.solana.networks.length).toBe(
      CHAIN_NETWORK_VALUES.length,
    );
  });

  it.each([
    '0x123',
    'EA5Ce8F9C81b681876DC713d33371c3E262A5888',
    '0xZZ5Ce8F9C81b681876DC713d33371c3E262A5888',
    `${EVM_WALLET}00`,
    SOLANA_WALLET,
  ])('refuses the EVM wallet %s', async (wallet) => {
    const error = await refused((c) => c.passes.get({ ...EVM_REF, wallet }));
    expect(error.field).toBe('wallet');
    expect(error.message).toBe(
      `wallet "${wallet}" is not an ethereum address: expected 0x followed by 40 hexadecimal digits`,
    );
  });

  it.each([
    '4v4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ0', // 45 characters
    '4v4PL5bMZXXvQB3mvWPXLvqfJpjJmPR', // 31 characters
    '0v4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ', // 0 is not base58
    'Ov4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ', // O is not base58
    EVM_WALLET,
  ])('refuses the Solana wallet %s', async (wallet) => {
    const error = await refused((c) => c.passes.revoke({ ...SOLANA_REF, wallet }));
    expect(error.field).toBe('wallet');
    expect(error.message).toContain('expected a base58 address of 32 to 44 characters');
  });

  it('refuses a missing or non-object ref', async () => {
    await refused((c) => c.passes.get(bad(undefined)));
    const error = await refused((c) => c.passes.get(bad({ ...EVM_REF, wallet: 42 })));
    expect(error.message).toBe('wallet must be a string (an ethereum address), got 42');
  });

  it.each(['', '.', '..', 'a/b', '../x', 'a\\b'])(
    'refuses the path value %j for scopeRequestId and rel',
    async (id) => {
      const one = await refused((c) => c.pii.get(id));
      expect(one.field).toBe('scopeRequestId');
      await refused((c) => c.pii.approve(id));
      await refused((c) => c.pii.reject(id));
      const rel = await refused((c) => c.pii.evidence('abc', id));
      expect(rel.field).toBe('rel');
    },
  );

  it('names what is wrong with a path value', async () => {
    expect((await refused((c) => c.pii.get(''))).message).toBe('scopeRequestId is empty');
    expect((await refused((c) => c.pii.get('..'))).message).toBe(
      'scopeRequestId ".." is not allowed: it would change the request path',
    );
    expect((await refused((c) => c.pii.get('a/b'))).message).toBe(
      'scopeRequestId "a/b" must not contain "/" or "\\"',
    );
  });

  it('refuses a path value that breaks the pattern the spec gives the parameter', async () => {
    const id = await refused((c) => c.pii.get('a.b'));
    expect(id.message).toBe(
      'scopeRequestId "a.b" is not allowed: the spec requires ^[A-Za-z0-9_-]+$',
    );
    const rel = await refused((c) => c.pii.evidence('abc', 'id front'));
    expect(rel.field).toBe('rel');
  });

  it('refuses bad path values given through raw as well', async () => {
    await refused((c) =>
      c.raw.GET('/piirequest/{scopeRequestId}', { params: { path: { scopeRequestId: '..' } } }),
    );
  });

  it.each([0, -5, 1.5, 101, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses limit %s',
    async (limit) => {
      const error = await refused((c) => c.passes.list({ limit }));
      expect(error.field).toBe('limit');
      expect(error.message).toBe(
        `limit ${limit} is not allowed: expected an integer from 1 to 100`,
      );
    },
  );

  it('takes the page-size bounds from the spec: 1 and 100 pass, pageSize 101 does not', async () => {
    const api = fakeApi({ api: () => Response.json({ records: [] }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await civic.passes.list({ limit: 1 });
    await civic.passes.list({ limit: 100 });
    expect(api.apiRequests().map((r) => JSON.parse(r.body ?? '{}').limit)).toEqual([1, 100]);
    const pageSize = await refused((c) => c.passes.listAll({ pageSize: 101 }));
    expect(pageSize.field).toBe('pageSize');
    expect(pageSize.message).toBe('pageSize 101 is not allowed: expected an integer from 1 to 100');
  });

  it.each([-1, 0.5])('refuses skip %s', async (skip) => {
    const error = await refused((c) => c.passes.list({ skip }));
    expect(error.message).toBe(`skip ${skip} is not allowed: expected a non-negative integer`);
  });

  it('refuses an unknown filter state and a filter wallet of no chain', async () => {
    const state = await refused((c) => c.passes.list({ filter: { state: 'DELETED' as 'ACTIVE' } }));
    expect(state.field).toBe('filter.state');
    expect(state.message).toBe(
      'filter.state "DELETED" is not a pass state; use ACTIVE, REVOKED, FROZEN, REQUESTED or REJECTED',
    );
    const wallet = await refused((c) => c.passes.list({ filter: { walletAddress: 'nope' } }));
    expect(wallet.field).toBe('filter.walletAddress');
  });

  it('catches an expiryTimestamp in milliseconds and says so', async () => {
    const ms = Date.parse('2030-01-01T00:00:00Z');
    const error = await refused((c) => c.passes.update({ ...EVM_REF, expiryTimestamp: ms }));
    expect(error.field).toBe('expiryTimestamp');
    expect(error.message).toBe(
      `expiryTimestamp ${ms} looks like milliseconds: it is after the year 3000 in seconds; pass seconds since the Unix epoch (e.g. Math.floor(ms / 1000))`,
    );
    const at = await refused((c) => c.passes.expire(EVM_REF, { at: ms }));
    expect(at.field).toBe('at');
    expect(at.message).toContain('looks like milliseconds');
  });

  it('accepts an expiry at the year-3000 boundary in seconds', async () => {
    const api = fakeApi({ api: () => Response.json({ status: 'ok' }) });
    const civic = createClientWithRuntime(clientOptions(api.fetch), fakeRuntime().runtime);
    await civic.passes.update({ ...EVM_REF, expiryTimestamp: 32_503_680_000 });
    expect(api.apiRequests()).toHaveLength(1);
  });

  it('refuses a negative or non-numeric expiry, an invalid Date, and an update with nothing to change', async () => {
    await refused((c) => c.passes.update({ ...EVM_REF, expiryTimestamp: -1 }));
    await refused((c) =>
      c.passes.update({ ...EVM_REF, expiryTimestamp: '1700000000' as unknown as number }),
    );
    await refused((c) => c.passes.expire(EVM_REF, { at: new Date('nonsense') }));
    const nothing = await refused((c) => c.passes.update({ ...EVM_REF }));
    expect(nothing.message).toBe('update needs state or expiryTimestamp (or both)');
    const state = await refused((c) =>
      c.passes.update({ ...EVM_REF, state: 'frozen' as 'FROZEN' }),
    );
    expect(state.field).toBe('state');
  });

  it.each(['REVOKED', 'REQUESTED', 'REJECTED'])(
    'refuses to set the state %s with update',
    async (state) => {
      const error = await refused((c) => c.passes.update({ ...EVM_REF, state: state as 'FROZEN' }));
      expect(error.field).toBe('state');
      expect(error.message).toBe(
        `state "${state}" cannot be set; use ACTIVE or FROZEN (issue and revoke have their own methods)`,
      );
    },
  );

  it('refuses an expiry that is not whole seconds (the spec makes it an integer)', async () => {
    const error = await refused((c) =>
      c.passes.update({ ...EVM_REF, expiryTimestamp: 1_900_000_000.5 }),
    );
    expect(error.message).toBe(
      'expiryTimestamp 1900000000.5 is not allowed: expected whole seconds (e.g. Math.floor(ms / 1000))',
    );
  });

  it('refuses bad call options', async () => {
    expect((await refused((c) => c.passes.get(EVM_REF, { timeoutMs: 0 }))).field).toBe('timeoutMs');
    expect((await refused((c) => c.passes.get(EVM_REF, { maxRetries: -1 }))).field).toBe(
      'maxRetries',
    );
    expect((await refused((c) => c.passes.get(EVM_REF, { signal: {} as AbortSignal }))).field).toBe(
      'signal',
    );
  });
});
