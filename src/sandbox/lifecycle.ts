/**
 * The life of a pass in the sandbox: the state machine of DECISIONS.md as a table, the events
 * each accepted change appends (`<EVENT>_INITIATED` at once, `<EVENT>` on confirmation, with the
 * same transaction), confirmation after a delay on the sandbox clock, and expiry.
 *
 * Confirmations are worked out lazily: a pass keeps its pending transactions with the time they
 * are due, and {@link settle} applies those due whenever the pass is read. Nothing runs in the
 * background, so the outcome depends only on the sandbox clock.
 */

import { ApiError } from './http.js';
import type { Chain } from './inputs.js';
import type { Random } from './random.js';

/** A state a pass can be in. */
export type PassState = 'REQUESTED' | 'ACTIVE' | 'FROZEN' | 'REVOKED';
/** A state a pass can have on chain. */
export type OnChainState = 'ACTIVE' | 'FROZEN' | 'REVOKED';
/** What a caller can do to a pass. */
export type PassAction = 'freeze' | 'unfreeze' | 'expiry' | 'revoke';

/** One entry of a pass's history, as the API shows it. */
export interface PassEvent {
  eventType: string;
  timestamp: number;
  transaction: { identifier: string; status: 'sent' | 'confirmed' };
}

/** A transaction sent and not yet confirmed. */
export interface PendingTransaction {
  /** The event appended on confirmation (`TOKEN_FROZEN`, …). */
  eventType: string;
  identifier: string;
  /** Sandbox time (ms) at which the chain confirms it. */
  dueMs: number;
  /** The on-chain state once confirmed. */
  onChainState: OnChainState;
}

/** A pass as the sandbox keeps it (and as the data file holds it). */
export interface PassRecord {
  id: string;
  chain: Chain;
  network: string;
  walletAddress: string;
  gatekeeperNetwork: string;
  state: PassState;
  onChainState: OnChainState;
  expiryTimestamp?: number;
  events: PassEvent[];
  pending: PendingTransaction[];
}

/** What every change needs: the time, the confirmation delay, and ids. */
export interface ChangeContext {
  nowMs: number;
  confirmationDelayMs: number;
  random: Random;
}

/** The event name, the state it moves to at once, and the on-chain state on confirmation. */
const ACTIONS: Record<
  PassAction | 'issue',
  { event: string; to?: PassState; onChain: (pass: PassRecord) => OnChainState }
> = {
  // A new pass is REQUESTED from the start (see issue); it becomes ACTIVE on confirmation.
  issue: { event: 'TOKEN_ISSUED', onChain: () => 'ACTIVE' },
  freeze: { event: 'TOKEN_FROZEN', to: 'FROZEN', onChain: () => 'FROZEN' },
  unfreeze: { event: 'TOKEN_UNFROZEN', to: 'ACTIVE', onChain: () => 'ACTIVE' },
  // The expiry leaves the on-chain state as the transactions sent before it leave it: a freeze
  // sent a moment earlier and not yet confirmed still freezes the pass on chain.
  expiry: {
    event: 'TOKEN_EXPIRY_CHANGED',
    onChain: (pass) => pass.pending.at(-1)?.onChainState ?? pass.onChainState,
  },
  revoke: { event: 'TOKEN_REVOKED', to: 'REVOKED', onChain: () => 'REVOKED' },
};

/** What an action does from a state: a change, nothing (200, no event), or a refusal. */
export type TransitionOutcome = 'change' | 'noop' | 'INVALID_STATE_TRANSITION' | 'PASS_REVOKED';

/**
 * The state machine of DECISIONS.md, row by row: what each action does from each state.
 *
 * @example
 * TRANSITIONS.REQUESTED.freeze; // 'INVALID_STATE_TRANSITION'
 */
export const TRANSITIONS: Readonly<
  Record<PassState, Readonly<Record<PassAction, TransitionOutcome>>>
> = {
  REQUESTED: {
    freeze: 'INVALID_STATE_TRANSITION',
    unfreeze: 'INVALID_STATE_TRANSITION',
    expiry: 'INVALID_STATE_TRANSITION',
    revoke: 'change',
  },
  ACTIVE: { freeze: 'change', unfreeze: 'noop', expiry: 'change', revoke: 'change' },
  FROZEN: { freeze: 'noop', unfreeze: 'change', expiry: 'change', revoke: 'change' },
  REVOKED: {
    freeze: 'PASS_REVOKED',
    unfreeze: 'PASS_REVOKED',
    expiry: 'PASS_REVOKED',
    revoke: 'PASS_REVOKED',
  },
};

const seconds = (ms: number) => Math.floor(ms / 1000);

/** A transaction hash of the chain: 0x and 64 hex digits, or an 88-character base58 signature. */
function transactionId(chain: Chain, random: Random): string {
  return chain === 'ethereum' ? `0x${random.hex(64)}` : random.base58(88);
}

function initiate(pass: PassRecord, action: PassAction | 'issue', context: ChangeContext) {
  const { event, to, onChain } = ACTIONS[action];
  const identifier = transactionId(pass.chain, context.random);
  pass.events.push({
    eventType: `${event}_INITIATED`,
    timestamp: seconds(context.nowMs),
    transaction: { identifier, status: 'sent' },
  });
  if (to !== undefined) pass.state = to;
  pass.pending.push({
    eventType: event,
    identifier,
    dueMs: context.nowMs + context.confirmationDelayMs,
    onChainState: onChain(pass),
  });
}

/**
 * Applies every confirmation due at `nowMs`, oldest first; returns whether anything changed.
 *
 * @example
 * settle(pass, clock.now()); // a REQUESTED pass past its delay is now ACTIVE
 */
export function settle(pass: PassRecord, nowMs: number): boolean {
  let changed = false;
  while (pass.pending[0] && pass.pending[0].dueMs <= nowMs) {
    const done = pass.pending.shift() as PendingTransaction;
    pass.events.push({
      eventType: done.eventType,
      timestamp: seconds(done.dueMs),
      transaction: { identifier: done.identifier, status: 'confirmed' },
    });
    pass.onChainState = done.onChainState;
    // Only the issuance can be pending on a REQUESTED pass (any other change is refused, and a
    // revoke moves it to REVOKED at once, its issuance still pending: both confirm, in order).
    if (pass.state === 'REQUESTED') pass.state = 'ACTIVE';
    changed = true;
  }
  return changed;
}

/**
 * A new pass, `REQUESTED`, with its `TOKEN_ISSUED_INITIATED` event.
 *
 * @example
 * const pass = issue({ chain: 'solana', network: 'devnet', walletAddress, gatekeeperNetwork }, context);
 */
export function issue(
  target: Pick<PassRecord, 'chain' | 'network' | 'walletAddress' | 'gatekeeperNetwork'>,
  context: ChangeContext,
): PassRecord {
  const pass: PassRecord = {
    id: context.random.hex(24),
    ...target,
    state: 'REQUESTED',
    // The enum has no "pending" on chain; the spec's example of a pending pass shows ACTIVE.
    onChainState: 'ACTIVE',
    events: [],
    pending: [],
  };
  initiate(pass, 'issue', context);
  return pass;
}

function refuse(outcome: TransitionOutcome, pass: PassRecord, action: PassAction): never {
  if (outcome === 'PASS_REVOKED') {
    throw new ApiError(409, 'PASS_REVOKED', 'the pass is revoked: it cannot change any more');
  }
  throw new ApiError(
    409,
    'INVALID_STATE_TRANSITION',
    `cannot ${action === 'expiry' ? 'set the expiry of' : action} a ${pass.state} pass`,
  );
}

/**
 * Applies a PATCH or DELETE to a pass (settled first), or throws the refusal the table gives.
 * A PATCH with both a state and an expiry is checked whole before either is applied.
 *
 * @example
 * change(pass, { state: 'FROZEN' }, context); // ACTIVE → FROZEN, TOKEN_FROZEN_INITIATED
 */
export function change(
  pass: PassRecord,
  request: { state?: 'ACTIVE' | 'FROZEN'; expiryTimestamp?: number; revoke?: true },
  context: ChangeContext,
): void {
  const actions: PassAction[] = [];
  if (request.revoke) actions.push('revoke');
  if (request.state !== undefined) actions.push(request.state === 'FROZEN' ? 'freeze' : 'unfreeze');
  if (request.expiryTimestamp !== undefined) actions.push('expiry');
  const outcomes = actions.map((action) => [action, TRANSITIONS[pass.state][action]] as const);
  for (const [action, outcome] of outcomes) {
    if (outcome !== 'change' && outcome !== 'noop') refuse(outcome, pass, action);
  }
  for (const [action, outcome] of outcomes) {
    if (outcome === 'noop') continue;
    if (action === 'expiry') pass.expiryTimestamp = request.expiryTimestamp as number;
    initiate(pass, action, context);
  }
}

/**
 * The pass as the API shows it.
 *
 * @example
 * sendJson(response, 200, passView(pass));
 */
export function passView(pass: PassRecord) {
  return {
    id: pass.id,
    chain: { type: pass.chain, network: pass.network },
    gatekeeperNetwork: pass.gatekeeperNetwork,
    walletAddress: pass.walletAddress,
    state: pass.state,
    onChainState: pass.onChainState,
    ...(pass.expiryTimestamp !== undefined && { expiryTimestamp: pass.expiryTimestamp }),
    events: pass.events.map((event) => ({ ...event, transaction: { ...event.transaction } })),
  };
}
