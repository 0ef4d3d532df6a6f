/**
 * The sandbox's pass lifecycle (src/sandbox/lifecycle.ts) called directly, on a seeded random
 * and a clock the test sets: the table, the events each change appends (names, times, statuses,
 * transaction ids), confirmation on the clock, the on-chain state, the refusals and their
 * messages, and the view the API shows.
 */
import { describe, expect, it } from 'vitest';
import {
  type ChangeContext,
  change,
  issue,
  type PassRecord,
  passView,
  settle,
  TRANSITIONS,
} from '../../src/sandbox/lifecycle.js';
import { createRandom } from '../../src/sandbox/random.js';

const WALLET = '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888';
const DELAY = 2_000;
// Not a whole second: the events' timestamps are whole seconds, rounded down.
const START = 1_893_456_000_700;

function context(nowMs: number, seed = 7): ChangeContext {
  return { nowMs, confirmationDelayMs: DELAY, random: createRandom(seed) };
}

function newPass(chain: 'ethereum' | 'solana' = 'ethereum', nowMs = START): PassRecord {
  return issue(
    { chain, network: 'sepolia', walletAddress: WALLET, gatekeeperNetwork: 'gk' },
    context(nowMs),
  );
}

/** A pass issued at START and confirmed (ACTIVE), with its settle time. */
function activePass(): PassRecord {
  const pass = newPass();
  settle(pass, START + DELAY);
  return pass;
}

const kinds = (pass: PassRecord) =>
  pass.events.map((e) => `${e.eventType}:${e.transaction.status}`);

function refusal(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
}

describe('the sandbox lifecycle, called directly', () => {
  it('holds the state machine of DECISIONS.md', () => {
    const invalid = 'INVALID_STATE_TRANSITION';
    const revoked = 'PASS_REVOKED';
    expect(TRANSITIONS).toStrictEqual({
      REQUESTED: { freeze: invalid, unfreeze: invalid, expiry: invalid, revoke: 'change' },
      ACTIVE: { freeze: 'change', unfreeze: 'noop', expiry: 'change', revoke: 'change' },
      FROZEN: { freeze: 'noop', unfreeze: 'change', expiry: 'change', revoke: 'change' },
      REVOKED: { freeze: revoked, unfreeze: revoked, expiry: revoked, revoke: revoked },
    });
  });

  it('issues a REQUESTED pass with one sent TOKEN_ISSUED_INITIATED event, an ethereum hash', () => {
    const pass = newPass();
    const identifier = pass.events[0]?.transaction.identifier ?? '';
    expect(pass).toStrictEqual({
      id: createRandom(7).hex(24),
      chain: 'ethereum',
      network: 'sepolia',
      walletAddress: WALLET,
      gatekeeperNetwork: 'gk',
      state: 'REQUESTED',
      onChainState: 'ACTIVE',
      events: [
        {
          eventType: 'TOKEN_ISSUED_INITIATED',
          timestamp: Math.floor(START / 1000),
          transaction: { identifier, status: 'sent' },
        },
      ],
      pending: [
        { eventType: 'TOKEN_ISSUED', identifier, dueMs: START + DELAY, onChainState: 'ACTIVE' },
      ],
    });
    expect(identifier).toMatch(/^0x[0-9a-f]{64}$/);
    expect(pass.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('gives a solana pass an 88-character base58 signature', () => {
    const identifier = newPass('solana').events[0]?.transaction.identifier;
    expect(identifier).toMatch(/^[1-9A-HJ-NP-Za-km-z]{88}$/);
  });

  it('confirms on the clock: not a millisecond early, stamped with the due time', () => {
    const pass = newPass();
    expect(settle(pass, START + DELAY - 1)).toBe(false);
    expect(pass.state).toBe('REQUESTED');
    expect(pass.events).toHaveLength(1);

    // Read long after: the confirmation is stamped when it was due, not when it was read.
    expect(settle(pass, START + 10 * DELAY)).toBe(true);
    expect(pass.state).toBe('ACTIVE');
    expect(pass.pending).toEqual([]);
    expect(pass.events[1]).toStrictEqual({
      eventType: 'TOKEN_ISSUED',
      timestamp: Math.floor((START + DELAY) / 1000),
      transaction: { identifier: pass.events[0]?.transaction.identifier, status: 'confirmed' },
    });
    expect(settle(pass, START + 20 * DELAY)).toBe(false);
    expect(pass.events).toHaveLength(2);
  });

  it('confirms exactly at the due time', () => {
    const pass = newPass();
    expect(settle(pass, START + DELAY)).toBe(true);
    expect(pass.state).toBe('ACTIVE');
  });

  it('freezes at once, FROZEN on chain only on confirmation; unfreezes back', () => {
    const pass = activePass();
    const at = START + 5_300;
    change(pass, { state: 'FROZEN' }, context(at));
    expect(pass.state).toBe('FROZEN');
    expect(pass.onChainState).toBe('ACTIVE');
    expect(pass.events.at(-1)).toMatchObject({
      eventType: 'TOKEN_FROZEN_INITIATED',
      timestamp: Math.floor(at / 1000),
      transaction: { status: 'sent' },
    });
    expect(pass.pending).toMatchObject([
      { eventType: 'TOKEN_FROZEN', dueMs: at + DELAY, onChainState: 'FROZEN' },
    ]);
    settle(pass, at + DELAY);
    expect(pass.onChainState).toBe('FROZEN');
    expect(pass.events.at(-1)?.eventType).toBe('TOKEN_FROZEN');

    change(pass, { state: 'ACTIVE' }, context(at + DELAY));
    expect(pass.state).toBe('ACTIVE');
    expect(pass.onChainState).toBe('FROZEN');
    settle(pass, at + 2 * DELAY);
    expect(pass.onChainState).toBe('ACTIVE');
    expect(kinds(pass)).toEqual([
      'TOKEN_ISSUED_INITIATED:sent',
      'TOKEN_ISSUED:confirmed',
      'TOKEN_FROZEN_INITIATED:sent',
      'TOKEN_FROZEN:confirmed',
      'TOKEN_UNFROZEN_INITIATED:sent',
      'TOKEN_UNFROZEN:confirmed',
    ]);
  });

  it('a no-op (freeze a frozen pass, unfreeze an active one) appends nothing', () => {
    const pass = activePass();
    change(pass, { state: 'ACTIVE' }, context(START + DELAY));
    expect(pass.events).toHaveLength(2);
    expect(pass.pending).toEqual([]);
    change(pass, { state: 'FROZEN' }, context(START + DELAY));
    change(pass, { state: 'FROZEN' }, context(START + DELAY));
    expect(kinds(pass).slice(2)).toEqual(['TOKEN_FROZEN_INITIATED:sent']);
    expect(pass.pending).toHaveLength(1);
  });

  it('sets the expiry without touching the state, and keeps it through a freeze', () => {
    const pass = activePass();
    change(pass, { expiryTimestamp: 2_000_000_000 }, context(START + DELAY));
    expect(pass).toMatchObject({ state: 'ACTIVE', expiryTimestamp: 2_000_000_000 });
    expect(pass.pending).toMatchObject([
      { eventType: 'TOKEN_EXPIRY_CHANGED', onChainState: 'ACTIVE' },
    ]);
    change(pass, { state: 'FROZEN' }, context(START + DELAY));
    expect(pass.expiryTimestamp).toBe(2_000_000_000);
    settle(pass, START + 2 * DELAY);
    expect(pass).toMatchObject({ state: 'FROZEN', onChainState: 'FROZEN' });
    expect(kinds(pass).slice(2)).toEqual([
      'TOKEN_EXPIRY_CHANGED_INITIATED:sent',
      'TOKEN_FROZEN_INITIATED:sent',
      'TOKEN_EXPIRY_CHANGED:confirmed',
      'TOKEN_FROZEN:confirmed',
    ]);
  });

  it('an expiry sent right after a freeze leaves the pass FROZEN on chain', () => {
    // One PATCH with both, and the same as two PATCHes within the confirmation delay.
    const both = activePass();
    change(both, { state: 'FROZEN', expiryTimestamp: 2_000_000_000 }, context(START + DELAY));
    const twice = activePass();
    change(twice, { state: 'FROZEN' }, context(START + DELAY));
    change(twice, { expiryTimestamp: 2_000_000_000 }, context(START + DELAY + 10));
    for (const pass of [both, twice]) {
      expect(kinds(pass).slice(2)).toEqual([
        'TOKEN_FROZEN_INITIATED:sent',
        'TOKEN_EXPIRY_CHANGED_INITIATED:sent',
      ]);
      settle(pass, START + 3 * DELAY);
      expect(pass).toMatchObject({
        state: 'FROZEN',
        onChainState: 'FROZEN',
        expiryTimestamp: 2_000_000_000,
      });
    }
  });

  it('revokes a pass still pending for good; its issuance still confirms, in order', () => {
    const pass = newPass();
    change(pass, { revoke: true }, context(START + 500));
    expect(pass.state).toBe('REVOKED');
    expect(pass.onChainState).toBe('ACTIVE');
    settle(pass, START + DELAY);
    // The issuance confirms: the pass stays REVOKED.
    expect(pass.state).toBe('REVOKED');
    expect(pass.onChainState).toBe('ACTIVE');
    settle(pass, START + 500 + DELAY);
    expect(pass).toMatchObject({ state: 'REVOKED', onChainState: 'REVOKED', pending: [] });
    expect(kinds(pass)).toEqual([
      'TOKEN_ISSUED_INITIATED:sent',
      'TOKEN_REVOKED_INITIATED:sent',
      'TOKEN_ISSUED:confirmed',
      'TOKEN_REVOKED:confirmed',
    ]);

    for (const request of [
      { state: 'ACTIVE' as const },
      { state: 'FROZEN' as const },
      { expiryTimestamp: 1 },
      { revoke: true as const },
    ]) {
      expect(refusal(() => change(pass, request, context(START + 9 * DELAY)))).toMatchObject({
        status: 409,
        code: 'PASS_REVOKED',
        message: 'the pass is revoked: it cannot change any more',
      });
    }
    expect(pass.events).toHaveLength(4);
    expect(pass.expiryTimestamp).toBeUndefined();
  });

  it('refuses to change a REQUESTED pass, naming the action, and checks a PATCH whole', () => {
    const pass = newPass();
    const at = context(START);
    expect(refusal(() => change(pass, { state: 'FROZEN' }, at))).toMatchObject({
      status: 409,
      code: 'INVALID_STATE_TRANSITION',
      message: 'cannot freeze a REQUESTED pass',
    });
    expect(refusal(() => change(pass, { state: 'ACTIVE' }, at))).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      message: 'cannot unfreeze a REQUESTED pass',
    });
    expect(refusal(() => change(pass, { expiryTimestamp: 5 }, at))).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      message: 'cannot set the expiry of a REQUESTED pass',
    });
    // A revoke that is allowed does not happen when the same request also asks for a refused freeze.
    expect(refusal(() => change(pass, { revoke: true, state: 'FROZEN' }, at))).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
    });
    expect(pass.state).toBe('REQUESTED');
    expect(pass.expiryTimestamp).toBeUndefined();
    expect(pass.events).toHaveLength(1);
    expect(pass.pending).toHaveLength(1);
  });

  it('shows the pass as the API does: a copy, the expiry only when set', () => {
    const pass = activePass();
    const view = passView(pass);
    expect(view).toStrictEqual({
      id: pass.id,
      chain: { type: 'ethereum', network: 'sepolia' },
      gatekeeperNetwork: 'gk',
      walletAddress: WALLET,
      state: 'ACTIVE',
      onChainState: 'ACTIVE',
      events: pass.events,
    });
    expect('expiryTimestamp' in view).toBe(false);
    expect(view.events[0]).not.toBe(pass.events[0]);
    expect(view.events[0]?.transaction).not.toBe(pass.events[0]?.transaction);

    change(pass, { expiryTimestamp: 0 }, context(START + DELAY));
    expect(passView(pass)).toMatchObject({ expiryTimestamp: 0 });
  });
});
