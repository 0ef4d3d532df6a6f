/**
 * What the checks share (src/conformance/checks/fixtures.ts): pass paths, wallets read from
 * records, the spec's examples (and the fallbacks when a spec has none), evidence rels.
 */
import { describe, expect, it } from 'vitest';
import { Fixtures, passPath, walletOf } from '../../src/conformance/checks/fixtures.js';
import { PASS_EXAMPLE } from '../support/examples.js';

const ETH = `0x${'ab'.repeat(20)}`;
const record = (change: Record<string, unknown> = {}) => ({
  chain: { type: 'ethereum', network: 'sepolia' },
  walletAddress: ETH,
  ...change,
});

describe('passPath', () => {
  it('encodes each segment', () => {
    expect(passPath({ chain: 'ethereum', chainNetwork: 'sepolia', address: 'a/b c' })).toBe(
      '/pass/ethereum/sepolia/a%2Fb%20c',
    );
  });
});

describe('walletOf', () => {
  it('reads the wallet of a pass record', () => {
    expect(walletOf(record())).toEqual({
      chain: 'ethereum',
      chainNetwork: 'sepolia',
      address: ETH,
    });
    expect(walletOf(PASS_EXAMPLE)).toEqual({
      chain: PASS_EXAMPLE.chain.type,
      chainNetwork: PASS_EXAMPLE.chain.network,
      address: PASS_EXAMPLE.walletAddress,
    });
  });

  it.each([
    ['no record', undefined],
    ['null', null],
    ['no chain', record({ chain: undefined })],
    ['a chain the spec lacks', record({ chain: { type: 'bitcoin', network: 'mainnet' } })],
    ['a chain that is not a string', record({ chain: { type: 1, network: 'sepolia' } })],
    ['a chain in an array', record({ chain: { type: ['ethereum'], network: 'sepolia' } })],
    ['a wallet in an array', record({ walletAddress: [ETH] })],
    ['an inherited name as chain', record({ chain: { type: 'toString', network: 'sepolia' } })],
    ['a network of another chain', record({ chain: { type: 'ethereum', network: 'devnet' } })],
    ['a network that is not a string', record({ chain: { type: 'ethereum', network: 7 } })],
    ['no wallet', record({ walletAddress: undefined })],
    ['a wallet that is not a string', record({ walletAddress: 12 })],
    ['a wallet the path refuses', record({ walletAddress: '0x12' })],
    ['a Solana wallet on ethereum', record({ walletAddress: '1'.repeat(32) })],
  ])('none from %s', (_words, value) => {
    expect(walletOf(value)).toBeUndefined();
  });
});

describe('Fixtures', () => {
  it("takes the spec's examples", () => {
    const fixtures = new Fixtures(undefined, undefined);
    expect(fixtures.example).toEqual({
      chain: 'ethereum',
      chainNetwork: 'sepolia',
      address: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
    });
    expect([fixtures.exampleScope, fixtures.exampleRel]).toEqual([
      expect.any(String),
      'idDocumentFront',
    ]);
    expect(fixtures.exampleScope).not.toBe('scope-request');
  });

  it('falls back when the spec gives no examples', () => {
    const fixtures = new Fixtures(undefined, undefined, { examples: {}, relPattern: undefined });
    expect(fixtures.example.address).toBe('');
    expect([fixtures.exampleScope, fixtures.exampleRel]).toEqual([
      'scope-request',
      'idDocumentFront',
    ]);
  });

  it('reads the given wallet, else the first pass learnt, else the example', () => {
    const given = { chain: 'solana', chainNetwork: 'devnet', address: '1'.repeat(32) } as const;
    const fixtures = new Fixtures(undefined, undefined);
    expect(fixtures.readWallet()).toBe(fixtures.example);
    fixtures.learnPass({ nothing: true });
    expect(fixtures.readWallet()).toBe(fixtures.example);
    fixtures.learnPass(record());
    fixtures.learnPass(record({ walletAddress: `0x${'cd'.repeat(20)}` }));
    expect(fixtures.readWallet()).toEqual({
      chain: 'ethereum',
      chainNetwork: 'sepolia',
      address: ETH,
    });
    expect(new Fixtures(given, undefined).readWallet()).toBe(given);
  });

  const links = [
    { rel: 'self' },
    { rel: 'idDocumentFront' },
    { rel: 'a/b' },
    { rel: 'selfie photo' },
    { rel: 'x' },
    { rel: 5 },
    null,
    {},
  ];

  it("learns the evidence rels the spec's rel pattern accepts, never self", () => {
    const fixtures = new Fixtures(undefined, undefined);
    expect(fixtures.evidenceRels).toBeUndefined();
    fixtures.learnEvidence({ links });
    expect(fixtures.evidenceRels).toEqual(['idDocumentFront', 'x']);
    fixtures.learnEvidence({ links: 'none' });
    expect(fixtures.evidenceRels).toEqual([]);
    fixtures.learnEvidence(undefined);
    expect(fixtures.evidenceRels).toEqual([]);
  });

  it('without a rel pattern, learns every rel that is one path segment', () => {
    const fixtures = new Fixtures(undefined, undefined, { examples: {}, relPattern: undefined });
    fixtures.learnEvidence({ links });
    expect(fixtures.evidenceRels).toEqual(['idDocumentFront', 'selfie photo', 'x']);
  });
});
