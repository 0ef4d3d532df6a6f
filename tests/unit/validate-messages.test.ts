/**
 * The exact field and message of each input refusal, and the edges of how a value is quoted in
 * one: a user reads these to fix their call, so a wrong field name or a garbled quote is a bug.
 */
import { describe, expect, it } from 'vitest';
import { checkCallOptions } from '../../src/call-options.js';
import { serializePath, templateCacheSize } from '../../src/path.js';
import { checkFilter, checkPassRef, checkState, listOr } from '../../src/validate.js';
import { EVM_WALLET } from '../support/fake-api.js';
import { refusal } from '../support/refusal.js';

describe('how a value is quoted in a message', () => {
  it('quotes a string of 80 characters whole, and cuts a longer one at 80 with an ellipsis', () => {
    const eighty = 'x'.repeat(80);
    expect(refusal(() => checkState(eighty)).message).toBe(
      `state "${eighty}" is not a pass state; use ACTIVE, REVOKED, FROZEN, REQUESTED or REJECTED`,
    );
    expect(refusal(() => checkState(`${eighty}y`)).message).toContain(`"${eighty}…"`);
  });

  it('names undefined, arrays and objects with the right article', () => {
    expect(refusal(() => checkState(undefined)).message).toMatch(/^state undefined is not/);
    expect(refusal(() => checkState([])).message).toMatch(/^state an array is not/);
    expect(refusal(() => checkState({})).message).toMatch(/^state an object is not/);
    expect(refusal(() => checkState(() => 1)).message).toMatch(/^state a function is not/);
  });
});

describe('lists of allowed values in a message', () => {
  it('reads "a, b or c", and a lone value (a chain the spec gives one network) as itself', () => {
    expect(listOr(['a', 'b', 'c'])).toBe('a, b or c');
    expect(listOr(['a', 'b'])).toBe('a or b');
    expect(listOr(['a'])).toBe('a');
    expect(listOr([])).toBe('');
  });
});

describe('pass references', () => {
  it('refuses a missing reference on the field "ref", saying what a reference is', () => {
    expect(refusal(() => checkPassRef(undefined))).toEqual({
      field: 'ref',
      message: 'a pass reference { chain, chainNetwork, wallet } is required, got undefined',
    });
  });

  it('refuses a network of another chain on the field "chainNetwork", naming its chain', () => {
    expect(
      refusal(() => checkPassRef({ chain: 'solana', chainNetwork: 'sepolia', wallet: EVM_WALLET })),
    ).toEqual({
      field: 'chainNetwork',
      message: 'chainNetwork "sepolia" is an ethereum network; solana takes mainnet-beta or devnet',
    });
  });
});

describe('list filters', () => {
  it('refuses a wallet filter that is not a string, even one that prints as a wallet', () => {
    for (const walletAddress of [[EVM_WALLET], { toString: () => EVM_WALLET }]) {
      expect(refusal(() => checkFilter({ walletAddress }))).toEqual({
        field: 'filter.walletAddress',
        message: expect.stringMatching(/^filter\.walletAddress an? (array|object) is not a wallet/),
      });
    }
  });

  it('says which formats a wallet filter may take', () => {
    expect(refusal(() => checkFilter({ walletAddress: 'nope' })).message).toBe(
      'filter.walletAddress "nope" is not a wallet address: expected ' +
        'a base58 address of 32 to 44 characters (solana) or 0x followed by 40 hexadecimal digits (ethereum)',
    );
  });
});

describe('call options', () => {
  it('refuses options that are not an object, listing the options there are', () => {
    expect(refusal(() => checkCallOptions('fast'))).toEqual({
      field: 'options',
      message:
        'call options must be an object { signal?, timeoutMs?, attemptTimeoutMs?, maxRetries?, maxResponseBytes?, headers? }',
    });
  });

  it('refuses a signal that is not an AbortSignal', () => {
    expect(refusal(() => checkCallOptions({ signal: {} }))).toEqual({
      field: 'signal',
      message: 'signal must be an AbortSignal',
    });
  });

  it('refuses per-call headers with an InputError on "headers"', () => {
    expect(refusal(() => checkCallOptions({ headers: { 'bad name': 'x' } }))).toEqual({
      field: 'headers',
      message: 'headers: "bad name" is not a valid HTTP header name',
    });
  });
});

describe('compiled path templates', () => {
  it('keeps compiled templates, at most 256 of them', () => {
    const sizes: number[] = [];
    for (let i = 0; i < 600; i++) {
      serializePath(`https://x.test/t${i}/{chain}`, { chain: 'solana' });
      sizes.push(templateCacheSize());
    }
    expect(Math.max(...sizes)).toBe(256);
    expect(sizes.filter((size) => size === 256).length).toBeGreaterThanOrEqual(2);
  });

  it('reuses a template it holds, even with the cache full', () => {
    let last = '';
    for (let i = 0; templateCacheSize() < 256; i++) {
      last = `https://x.test/full${i}/{chain}`;
      serializePath(last, { chain: 'solana' });
    }
    // Compiling it again would find the cache full and empty it.
    expect(serializePath(last, { chain: 'ethereum' })).toBe(last.replace('{chain}', 'ethereum'));
    expect(templateCacheSize()).toBe(256);
  });
});
