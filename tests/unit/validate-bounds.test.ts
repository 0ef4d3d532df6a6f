import { describe, expect, it } from 'vitest';
import { checkCallOptions, checkHeaders } from '../../src/call-options.js';
import { InputError } from '../../src/errors.js';
import { encodePathSegment, serializePath } from '../../src/path.js';
import {
  checkCount,
  checkExpirySeconds,
  checkFilter,
  checkPageSize,
  checkState,
  checkTargetState,
  checkWallet,
  YEAR_3000_S,
} from '../../src/validate.js';
import { refusal } from '../support/refusal.js';

// The edges of each bound, both sides, so that a shifted comparison shows.
describe('argument bounds at their edges', () => {
  it('page size: 1 to 100, integers only', () => {
    expect(checkPageSize(1)).toBe(1);
    expect(checkPageSize(100)).toBe(100);
    for (const bad of [0, 101, 1.5, Number.NaN, '5', 2 ** 53]) {
      expect(refusal(() => checkPageSize(bad)).field, String(bad)).toBe('limit');
    }
    expect(refusal(() => checkPageSize(0, 'pageSize'))).toEqual({
      field: 'pageSize',
      message: 'pageSize 0 is not allowed: expected an integer from 1 to 100',
    });
  });

  it('counts: skip from 0, limit from 1', () => {
    expect(checkCount(0, 'skip', 0)).toBe(0);
    expect(checkCount(1, 'limit', 1)).toBe(1);
    expect(refusal(() => checkCount(-1, 'skip', 0))).toEqual({
      field: 'skip',
      message: 'skip -1 is not allowed: expected a non-negative integer',
    });
    expect(refusal(() => checkCount(0, 'limit', 1))).toEqual({
      field: 'limit',
      message: 'limit 0 is not allowed: expected a positive integer',
    });
    for (const bad of [0.5, Number.NaN, '3', 2 ** 53]) {
      expect(refusal(() => checkCount(bad, 'skip', 0)).field, String(bad)).toBe('skip');
    }
  });

  it('expiry: positive whole seconds before the year 3000', () => {
    expect(checkExpirySeconds(1)).toBe(1);
    expect(checkExpirySeconds(YEAR_3000_S)).toBe(YEAR_3000_S);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1700000000']) {
      expect(refusal(() => checkExpirySeconds(bad)).message, String(bad)).toContain(
        'expected seconds since the Unix epoch',
      );
    }
    expect(refusal(() => checkExpirySeconds(YEAR_3000_S + 1)).message).toContain(
      'looks like milliseconds',
    );
    expect(refusal(() => checkExpirySeconds(1.5, 'expiry'))).toEqual({
      field: 'expiry',
      message: 'expiry 1.5 is not allowed: expected whole seconds (e.g. Math.floor(ms / 1000))',
    });
  });

  it('filter: an object, or nothing', () => {
    expect(checkFilter(undefined)).toBeUndefined();
    expect(checkFilter({})).toEqual({});
    expect(checkFilter({ state: 'ACTIVE' })).toEqual({ state: 'ACTIVE' });
    for (const bad of [null, 'ACTIVE', ['ACTIVE'], 3]) {
      expect(refusal(() => checkFilter(bad)).field, JSON.stringify(bad)).toBe('filter');
    }
    expect(refusal(() => checkFilter(null)).message).toBe(
      'filter must be an object { state?, walletAddress? }, got null',
    );
    expect(refusal(() => checkFilter({ state: 'NOPE' })).field).toBe('filter.state');
    expect(refusal(() => checkFilter({ walletAddress: 7 })).field).toBe('filter.walletAddress');
    expect(refusal(() => checkFilter({ walletAddress: 'nope' })).field).toBe(
      'filter.walletAddress',
    );
  });
});

describe('call options, headers and path values at their edges', () => {
  it('call options: each bound, both sides', () => {
    expect(checkCallOptions(undefined)).toEqual({});
    const ok = {
      timeoutMs: 1,
      attemptTimeoutMs: 2 ** 31 - 1,
      maxRetries: 100,
      maxResponseBytes: 1,
      headers: { 'x-a': 'b' },
    };
    expect(checkCallOptions(ok)).toEqual({ ...ok, signal: undefined });
    expect(checkCallOptions({ maxRetries: 0 }).maxRetries).toBe(0);
    const bad: [string, unknown][] = [
      ['timeoutMs', 0],
      ['timeoutMs', 2 ** 31],
      ['attemptTimeoutMs', 0],
      ['attemptTimeoutMs', 2 ** 31],
      ['maxRetries', -1],
      ['maxRetries', 101],
      ['maxRetries', 1.5],
      ['maxRetries', '2'],
      ['maxResponseBytes', 0],
      ['maxResponseBytes', Number.MAX_SAFE_INTEGER + 2],
      ['signal', { aborted: false }],
    ];
    for (const [name, value] of bad) {
      expect(refusal(() => checkCallOptions({ [name]: value })).field, `${name} ${value}`).toBe(
        name,
      );
    }
    expect(refusal(() => checkCallOptions({ maxRetries: 101 })).message).toBe(
      'maxRetries 101 is not allowed: expected an integer from 0 to 100',
    );
    for (const options of [null, 'x', [1]]) {
      expect(refusal(() => checkCallOptions(options)).field).toBe('options');
    }
    const signal = new AbortController().signal;
    expect(checkCallOptions({ signal }).signal).toBe(signal);
  });

  it('headers: a plain object of tokens to printable strings', () => {
    const fail = (field: string, message: string): never => {
      throw new InputError(field, message);
    };
    expect(checkHeaders(undefined, fail)).toBeUndefined();
    expect(checkHeaders({ "x-a!#$%&'*+-.^_`|~9": '\tvalue \u00e9' }, fail)).toEqual({
      "x-a!#$%&'*+-.^_`|~9": '\tvalue \u00e9',
    });
    expect(checkHeaders(Object.assign(Object.create(null), { a: '' }), fail)).toEqual({ a: '' });
    for (const bad of [null, 'a', [['a', 'b']], new Headers(), new Map()]) {
      expect(refusal(() => checkHeaders(bad, fail)).message).toContain(
        'headers must be a plain object',
      );
    }
    expect(refusal(() => checkHeaders({ 'a b': 'x' }, fail)).message).toBe(
      'headers: "a b" is not a valid HTTP header name',
    );
    expect(refusal(() => checkHeaders({ '': 'x' }, fail)).message).toContain('not a valid');
    expect(refusal(() => checkHeaders({ a: 'x\r\ny: z' }, fail)).message).toBe(
      'headers: the value of a must be a string without CR, LF or other control characters, got one with a control character',
    );
    expect(refusal(() => checkHeaders({ a: 'x\u0000' }, fail)).message).toContain('control');
    expect(refusal(() => checkHeaders({ a: 'x\u0100' }, fail)).message).toContain('control');
    expect(refusal(() => checkHeaders({ a: 1 }, fail)).message).toContain('got 1');
  });

  it('path values: encoded, never changing the path', () => {
    expect(encodePathSegment('x', 'a b')).toBe('a%20b');
    expect(encodePathSegment('x', 7)).toBe('7');
    expect(encodePathSegment('x', '...')).toBe('...');
    expect(refusal(() => encodePathSegment('x', ''))).toEqual({
      field: 'x',
      message: 'x is empty',
    });
    expect(refusal(() => encodePathSegment('x', true)).message).toBe(
      'x must be a string, got true',
    );
    for (const bad of ['.', '..']) {
      expect(refusal(() => encodePathSegment('x', bad)).message).toBe(
        `x "${bad}" is not allowed: it would change the request path`,
      );
    }
    for (const bad of ['a/b', 'a\\b']) {
      expect(refusal(() => encodePathSegment('x', bad)).message).toContain('must not contain');
    }
    expect(serializePath('https://h/p/{a}/q/{b}', { a: 'x y', b: 2 })).toBe(
      'https://h/p/x%20y/q/2',
    );
    expect(serializePath('https://h/p/{a}/q/{b}', { a: 'z', b: 3 })).toBe('https://h/p/z/q/3');
    expect(serializePath('https://h/plain', {})).toBe('https://h/plain');
    for (const missing of [undefined, null]) {
      expect(refusal(() => serializePath('https://h/p/{a}', { a: missing }))).toEqual({
        field: 'a',
        message: 'a is required to build https://h/p/{a}',
      });
    }
  });

  it('states, wallets: named in the message with what is allowed', () => {
    expect(checkState('FROZEN')).toBe('FROZEN');
    expect(refusal(() => checkState('NOPE')).message).toMatch(
      /^state "NOPE" is not a pass state; use .+, .+ or .+$/,
    );
    expect(checkTargetState('ACTIVE')).toBe('ACTIVE');
    expect(refusal(() => checkTargetState('REVOKED')).message).toBe(
      'state "REVOKED" cannot be set; use ACTIVE or FROZEN (issue and revoke have their own methods)',
    );
    expect(refusal(() => checkWallet('ethereum', 5)).message).toBe(
      'wallet must be a string (an ethereum address), got 5',
    );
    expect(refusal(() => checkWallet('solana', '0x12', 'w')).message).toMatch(
      /^w "0x12" is not a solana address: expected /,
    );
    expect(refusal(() => checkWallet('ethereum', 'x'.repeat(81))).message).toContain(
      `"${'x'.repeat(80)}…"`,
    );
  });
});
