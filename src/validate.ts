/**
 * Checks of arguments before anything is sent: chains, networks, wallets, pass references,
 * states, counts, expiries and filters. Allowed values come from `generated/` (the spec); every
 * message names the field, the value given and what is allowed. Path parameters are checked in
 * `path.ts`, call options and headers in `call-options.ts`.
 */
import {
  CHAIN_NETWORK_VALUES,
  CHAIN_VALUES,
  CHAINS,
  NUMBER_BOUNDS,
  STATE_VALUES,
  TARGET_STATE_VALUES,
} from '../generated/api.js';
import { InputError } from './errors.js';
import type { Chain, ListPassFilter, PassRef, State, TargetState } from './types.js';

/**
 * Seconds since the epoch of 3000-01-01T00:00:00Z. An expiry beyond it is certainly a value in
 * milliseconds by mistake (today in milliseconds is about 1.7e12, i.e. year 55 000 in seconds).
 *
 * @example
 * ```ts
 * Date.now() > YEAR_3000_S; // true: a value in milliseconds is always past it
 * ```
 */
export const YEAR_3000_S = 32_503_680_000;

const WALLET_PATTERNS = Object.fromEntries(
  CHAIN_VALUES.map((chain) => [chain, new RegExp(CHAINS[chain].walletPattern)]),
) as Record<Chain, RegExp>;

/** Quotes a value for a message, short. Shared by the argument checks. @internal */
export function show(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  if (value === undefined) return 'undefined';
  return withArticle(Array.isArray(value) ? 'array' : typeof value);
}

/** `a, b or c`; `a` alone; nothing for none. Exported for its tests. @internal */
export function listOr(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? '';
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

function isChain(value: unknown): value is Chain {
  return (CHAIN_VALUES as readonly unknown[]).includes(value);
}

/** Which chain a network belongs to, from the spec's `x-civic-chains`. */
function chainOfNetwork(network: string): Chain | undefined {
  return CHAIN_VALUES.find((chain) =>
    (CHAINS[chain].networks as readonly string[]).includes(network),
  );
}

/** `an ethereum`, `a solana`. */
function withArticle(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/**
 * Checks a wallet address against one chain's format.
 *
 * @example
 * ```ts
 * checkWallet('solana', '0x12'); // InputError: wallet "0x12" is not a solana address: ...
 * ```
 */
export function checkWallet(chain: Chain, wallet: unknown, field = 'wallet'): string {
  if (typeof wallet !== 'string') {
    throw new InputError(
      field,
      `${field} must be a string (${withArticle(chain)} address), got ${show(wallet)}`,
    );
  }
  if (!WALLET_PATTERNS[chain].test(wallet)) {
    throw new InputError(
      field,
      `${field} ${show(wallet)} is not ${withArticle(chain)} address: expected ${CHAINS[chain].walletFormat}`,
    );
  }
  return wallet;
}

/**
 * Checks a pass reference: a known chain, a network of that chain, and a wallet in that chain's
 * format. Returns it typed.
 *
 * @example
 * ```ts
 * const ref = checkPassRef({ chain: 'solana', chainNetwork: argv.network, wallet: argv.wallet });
 * ```
 */
export function checkPassRef(ref: unknown): PassRef {
  if (ref === null || typeof ref !== 'object') {
    throw new InputError(
      'ref',
      `a pass reference { chain, chainNetwork, wallet } is required, got ${show(ref)}`,
    );
  }
  const { chain, chainNetwork, wallet } = ref as Record<string, unknown>;
  if (!isChain(chain)) {
    throw new InputError(
      'chain',
      `chain ${show(chain)} is not one this API knows; use ${listOr(CHAIN_VALUES)}`,
    );
  }
  const networks = CHAINS[chain].networks as readonly string[];
  if (!(CHAIN_NETWORK_VALUES as readonly unknown[]).includes(chainNetwork)) {
    throw new InputError(
      'chainNetwork',
      `chainNetwork ${show(chainNetwork)} is not a network this API knows; ${chain} takes ${listOr(networks)}`,
    );
  }
  if (!networks.includes(chainNetwork as string)) {
    // Some chain has it: the generator refuses a network of the enum that no chain claims.
    const owner = chainOfNetwork(chainNetwork as string) as Chain;
    throw new InputError(
      'chainNetwork',
      `chainNetwork ${show(chainNetwork)} is ${withArticle(owner)} network; ${chain} takes ${listOr(networks)}`,
    );
  }
  checkWallet(chain, wallet);
  return ref as PassRef;
}

/**
 * Checks a pass state against the spec's `State` values.
 *
 * @example
 * ```ts
 * checkState('FROZEN'); // 'FROZEN'
 * ```
 */
export function checkState(state: unknown, field = 'state'): State {
  if (!(STATE_VALUES as readonly unknown[]).includes(state)) {
    throw new InputError(
      field,
      `${field} ${show(state)} is not a pass state; use ${listOr(STATE_VALUES)}`,
    );
  }
  return state as State;
}

/**
 * Checks a state to set with `passes.update`: only the spec's `TargetState` values (`ACTIVE`,
 * `FROZEN`); issuing and revoking have their own operations.
 *
 * @example
 * ```ts
 * checkTargetState('FROZEN'); // 'FROZEN'; 'REVOKED' throws an InputError
 * ```
 */
export function checkTargetState(state: unknown, field = 'state'): TargetState {
  if (!(TARGET_STATE_VALUES as readonly unknown[]).includes(state)) {
    throw new InputError(
      field,
      `${field} ${show(state)} cannot be set; use ${listOr(TARGET_STATE_VALUES)} ` +
        '(issue and revoke have their own methods)',
    );
  }
  return state as TargetState;
}

/**
 * Checks a page size (`limit`, `pageSize`) against the bounds the spec gives
 * `ListPassRequest.limit` (an integer from 1 to 100).
 *
 * @example
 * ```ts
 * checkPageSize(101); // InputError: limit 101 is not allowed: expected an integer from 1 to 100
 * ```
 */
export function checkPageSize(value: unknown, field = 'limit'): number {
  const { minimum, maximum } = NUMBER_BOUNDS['ListPassRequest.limit'];
  if (!Number.isSafeInteger(value) || (value as number) < minimum || (value as number) > maximum) {
    throw new InputError(
      field,
      `${field} ${show(value)} is not allowed: expected an integer from ${minimum} to ${maximum}`,
    );
  }
  return value as number;
}

/**
 * Checks a count: an integer of at least `min` (1 for a page size, 0 for `skip`).
 *
 * @example
 * ```ts
 * checkCount(0, 'limit', 1); // InputError: limit 0 is not allowed: expected a positive integer
 * ```
 */
export function checkCount(value: unknown, field: string, min: 0 | 1): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    throw new InputError(
      field,
      `${field} ${show(value)} is not allowed: expected ${min === 1 ? 'a positive integer' : 'a non-negative integer'}`,
    );
  }
  return value as number;
}

/**
 * Checks an expiry in seconds since the epoch, and catches milliseconds given by mistake.
 *
 * @example
 * ```ts
 * checkExpirySeconds(Date.now()); // InputError: ... looks like milliseconds ...
 * ```
 */
export function checkExpirySeconds(given: unknown, field = 'expiryTimestamp'): number {
  if (!Number.isFinite(given) || (given as number) <= 0) {
    throw new InputError(
      field,
      `${field} ${show(given)} is not allowed: expected seconds since the Unix epoch`,
    );
  }
  const value = given as number;
  if (value > YEAR_3000_S) {
    throw new InputError(
      field,
      `${field} ${value} looks like milliseconds: it is after the year 3000 in seconds; ` +
        `pass seconds since the Unix epoch (e.g. Math.floor(ms / 1000))`,
    );
  }
  // The spec makes it an integer (UpdatePassRequest.expiryTimestamp): whole seconds.
  if (!Number.isInteger(value)) {
    throw new InputError(
      field,
      `${field} ${value} is not allowed: expected whole seconds (e.g. Math.floor(ms / 1000))`,
    );
  }
  return value;
}

/**
 * Checks a list filter: a known state, a wallet in the format of some chain.
 *
 * @example
 * ```ts
 * checkFilter({ state: 'ACTIVE' });
 * ```
 */
export function checkFilter(filter: unknown): ListPassFilter | undefined {
  if (filter === undefined) return undefined;
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new InputError(
      'filter',
      `filter must be an object { state?, walletAddress? }, got ${show(filter)}`,
    );
  }
  const { state, walletAddress } = filter as Record<string, unknown>;
  if (state !== undefined) checkState(state, 'filter.state');
  if (walletAddress !== undefined) {
    if (
      typeof walletAddress !== 'string' ||
      !CHAIN_VALUES.some((chain) => WALLET_PATTERNS[chain].test(walletAddress))
    ) {
      throw new InputError(
        'filter.walletAddress',
        `filter.walletAddress ${show(walletAddress)} is not a wallet address: expected ` +
          listOr(CHAIN_VALUES.map((chain) => `${CHAINS[chain].walletFormat} (${chain})`)),
      );
    }
  }
  return filter as ListPassFilter;
}
