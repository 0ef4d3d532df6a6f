import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  checkCount,
  checkExpirySeconds,
  checkFilter,
  checkPageSize,
  YEAR_3000_S,
} from '../../src/validate.js';

/** The InputError `run` throws: its field and message. */
function refusal(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const { field, message } = error as InputError;
    return { field, message };
  }
  throw new Error('expected an InputError');
}

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
