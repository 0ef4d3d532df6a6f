import { assertType, describe, expectTypeOf, it } from 'vitest';
import type { components } from '../../generated/openapi.js';
import {
  type Chain,
  type ChainNetwork,
  type CivicPassClient,
  createCivicPassClient,
  type NetworkOf,
  type Open,
  type Pass,
  type PassRef,
  type PassState,
  type PiiRequest,
} from '../../src/index.js';

declare const civic: CivicPassClient;
const wallet = '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888';

describe('PassRef narrows chainNetwork by chain', () => {
  it('accepts the networks of each chain', () => {
    assertType<PassRef>({ chain: 'ethereum', chainNetwork: 'sepolia', wallet });
    assertType<PassRef>({ chain: 'ethereum', chainNetwork: 'polygonAmoy', wallet });
    assertType<PassRef>({ chain: 'solana', chainNetwork: 'devnet', wallet });
    assertType<PassRef>({ chain: 'solana', chainNetwork: 'mainnet-beta', wallet });
  });

  it('refuses goerli (not a network of the spec)', () => {
    // @ts-expect-error goerli is not a ChainNetwork
    civic.passes.get({ chain: 'ethereum', chainNetwork: 'goerli', wallet });
    // @ts-expect-error goerli is not a ChainNetwork
    assertType<PassRef>({ chain: 'ethereum', chainNetwork: 'goerli', wallet });
  });

  it('refuses a network of the other chain', () => {
    // @ts-expect-error sepolia is an ethereum network
    civic.passes.issue({ chain: 'solana', chainNetwork: 'sepolia', wallet });
    // @ts-expect-error devnet is a solana network
    civic.passes.revoke({ chain: 'ethereum', chainNetwork: 'devnet', wallet });
  });

  it('refuses an unknown chain and a missing wallet', () => {
    // @ts-expect-error polygon is a network, not a chain
    civic.passes.get({ chain: 'polygon', chainNetwork: 'polygonAmoy', wallet });
    // @ts-expect-error wallet is required
    civic.passes.get({ chain: 'solana', chainNetwork: 'devnet' });
  });

  it('builds the networks of each chain from the generated data, and they are ChainNetworks', () => {
    expectTypeOf<NetworkOf<'solana'>>().toEqualTypeOf<'mainnet-beta' | 'devnet'>();
    expectTypeOf<NetworkOf<Chain>>().toEqualTypeOf<ChainNetwork>();
    expectTypeOf<Chain>().toEqualTypeOf<components['schemas']['Chain']>();
  });
});

describe('method types', () => {
  it('returns the spec’s types', () => {
    const ref: PassRef = { chain: 'solana', chainNetwork: 'devnet', wallet };
    expectTypeOf(civic.passes.get(ref)).resolves.toEqualTypeOf<Pass>();
    expectTypeOf(civic.passes.issue(ref)).resolves.toEqualTypeOf<Pass>();
    expectTypeOf(civic.passes.list()).resolves.toEqualTypeOf<{ records: Pass[] }>();
    expectTypeOf(civic.passes.listAll()).toMatchTypeOf<AsyncIterable<Pass>>();
    expectTypeOf(civic.pii.get('id')).resolves.toEqualTypeOf<PiiRequest>();
    expectTypeOf(civic.pii.evidence('id', 'idDocumentFront')).resolves.toEqualTypeOf<Blob>();
    expectTypeOf<Pass>().toEqualTypeOf<Open<components['schemas']['Pass']>>();
  });

  it('types update, expire and call options', () => {
    const ref: PassRef = { chain: 'ethereum', chainNetwork: 'sepolia', wallet };
    civic.passes.update({ ...ref, state: 'FROZEN' });
    civic.passes.update({ ...ref, state: 'ACTIVE', expiryTimestamp: 1_900_000_000 });
    // @ts-expect-error not a State
    civic.passes.update({ ...ref, state: 'frozen' });
    // @ts-expect-error a state update cannot set: revoke and issue have their own methods
    civic.passes.update({ ...ref, state: 'REVOKED' });
    // @ts-expect-error REQUESTED is a pass state, not a target
    civic.passes.update({ ...ref, state: 'REQUESTED' });
    expectTypeOf<Pass['expiryTimestamp']>().toEqualTypeOf<number | undefined>();
    assertType<Pass['chain']>({ type: 'solana', network: 'devnet' });
    // Answers are open (`Open` in src/types.ts): a network a newer API adds still reads, so the
    // answer type cannot refuse a pairing; what the client sends is refused (PassRef, above).
    assertType<Pass['chain']>({ type: 'solana', network: 'someNewSolanaNetwork' });
    civic.passes.expire(ref, { at: new Date() });
    civic.passes.expire(
      ref,
      { at: 1_900_000_000 },
      { signal: AbortSignal.timeout(1000), maxRetries: 0 },
    );
    // @ts-expect-error at is a Date or seconds
    civic.passes.expire(ref, { at: '2030-01-01' });
    // @ts-expect-error not a call option
    civic.passes.get(ref, { retries: 3 });
    civic.passes.list({ filter: { state: 'REJECTED' }, limit: 10, skip: 0 });
  });

  it('types raw by the spec', () => {
    const client = createCivicPassClient();
    client.raw.GET('/pass/{chain}/{chainNetwork}/{wallet}', {
      params: { path: { chain: 'solana', chainNetwork: 'devnet', wallet } },
    });
    // @ts-expect-error no such path
    client.raw.GET('/passes');
    client.raw.PATCH('/pass/{chain}/{chainNetwork}/{wallet}', {
      params: { path: { chain: 'solana', chainNetwork: 'devnet', wallet } },
      // @ts-expect-error REJECTED is not a TargetState
      body: { state: 'REJECTED' },
    });
    client.raw.POST('/pass/{chain}/{chainNetwork}', {
      // @ts-expect-error goerli is not a ChainNetwork
      params: { path: { chain: 'ethereum', chainNetwork: 'goerli' } },
      body: { walletAddress: wallet },
    });
  });

  it('types the options', () => {
    // @ts-expect-error not a client authentication method
    createCivicPassClient({ clientAuthentication: 'private_key_jwt' });
    createCivicPassClient({ fetch: globalThis.fetch });
    createCivicPassClient({
      fetch: async (url: string, init: RequestInit) => new Response(`${url}${init.method}`),
    });
  });
});

describe('forward compatibility: answers open, requests exact', () => {
  it('types enums in answers as the known values widened by (string & {})', () => {
    const pass = {} as Pass;
    expectTypeOf(pass.state).toEqualTypeOf<PassState>();
    expectTypeOf<'ACTIVE'>().toMatchTypeOf<PassState>();
    // A state a newer API adds type-checks: the read does not need a cast.
    const later: PassState = 'SUSPENDED';
    const network: Pass['chain']['network'] = 'someNewChain';
    assertType<string>(later);
    assertType<string>(network);
    // The known values stay in the type (what editors suggest).
    expectTypeOf<Extract<PassState, 'ACTIVE' | 'FROZEN'>>().toEqualTypeOf<'ACTIVE' | 'FROZEN'>();
  });

  it('keeps what the client sends exact', () => {
    const ref: PassRef = { chain: 'ethereum', chainNetwork: 'sepolia', wallet };
    // @ts-expect-error not a State the spec lists
    civic.passes.list({ filter: { state: 'SUSPENDED' } });
    // @ts-expect-error a network the spec does not list
    civic.passes.get({ ...ref, chainNetwork: 'someNewChain' });
    // @ts-expect-error referenceId is not a field of this spec's issuePass body
    civic.passes.issue(ref, { referenceId: 'order-1' });
    civic.passes.issue(ref, { signal: AbortSignal.timeout(1000) });
  });
});
