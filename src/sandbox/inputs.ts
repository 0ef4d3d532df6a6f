/**
 * The input rules of the API, as the sandbox enforces them: path parameters (chain/network
 * pairing, wallet format per chain), request bodies, `limit`/`skip`. Every refusal is a 400
 * `INVALID_REQUEST` naming the `field` at fault, before any state is touched.
 */
import { CHAINS, PII_DECISION_VALUES, STATE_VALUES } from '../../generated/api.js';
import { invalid } from './http.js';

/** A chain of the spec. */
export type Chain = keyof typeof CHAINS;
/** A value of the spec's `State` enum (PATCH and list filters). */
export type StateValue = (typeof STATE_VALUES)[number];
/** A decision on a PII request. */
export type PiiDecision = (typeof PII_DECISION_VALUES)[number];

/** Where a pass lives: a chain, one of its networks, a wallet of that chain. */
export interface PassTarget {
  chain: Chain;
  network: string;
  wallet: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a chain and network from the path: both known, and the network one of the chain's.
 *
 * @example
 * checkChainNetwork('solana', 'sepolia'); // throws: 400, field chainNetwork
 */
export function checkChainNetwork(chain: string, network: string): Chain {
  if (!Object.hasOwn(CHAINS, chain)) {
    throw invalid('chain', `unknown chain "${chain}": one of ${Object.keys(CHAINS).join(', ')}`);
  }
  const known = chain as Chain;
  const networks: readonly string[] = CHAINS[known].networks;
  if (!networks.includes(network)) {
    throw invalid('chainNetwork', `"${network}" is not a network of ${chain}`);
  }
  return known;
}

/**
 * Checks a wallet address against the format of its chain.
 *
 * @example
 * checkWallet('ethereum', '0x12', 'walletAddress'); // throws: 400, field walletAddress
 */
export function checkWallet(chain: Chain, wallet: unknown, field: string): string {
  const { walletPattern, walletFormat } = CHAINS[chain];
  if (typeof wallet !== 'string' || !new RegExp(walletPattern).test(wallet)) {
    throw invalid(field, `${field} must be ${walletFormat} on ${chain}`);
  }
  return wallet;
}

/**
 * Parses a JSON request body. An absent body is `undefined` when `required` is false.
 *
 * @example
 * parseJson(Buffer.from('{"limit":5}'), 'application/json', false); // { limit: 5 }
 */
export function parseJson(raw: Buffer, contentType: string | null, required: boolean): unknown {
  if (raw.length === 0) {
    if (required) throw invalid('body', 'a JSON body is required');
    return undefined;
  }
  if (contentType !== 'application/json') {
    throw invalid('body', `the body must be application/json, not ${contentType ?? 'untyped'}`);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalid('body', 'the body is not valid JSON');
  }
}

function objectBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw invalid('body', 'the body must be a JSON object');
  return body;
}

/**
 * The wallet of an `issuePass` body (`{ walletAddress }`), checked against the chain.
 *
 * @example
 * checkIssueBody({ walletAddress: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888' }, 'ethereum');
 */
export function checkIssueBody(body: unknown, chain: Chain): string {
  const { walletAddress } = objectBody(body);
  if (walletAddress === undefined) throw invalid('walletAddress', 'walletAddress is required');
  return checkWallet(chain, walletAddress, 'walletAddress');
}

/** A `listPass` body with its defaults filled in. */
export interface ListQuery {
  limit: number;
  skip: number;
  state?: StateValue;
  wallet?: string;
}

function integerIn(body: Record<string, unknown>, field: string, min: number, max: number) {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw invalid(field, `${field} must be an integer ${range}`);
  }
  return value;
}

/**
 * A `listPass` body: `limit` 1..100 (default 20), `skip` ≥ 0 (default 0), optional `filter`.
 *
 * @example
 * checkListBody({ limit: 10, filter: { state: 'FROZEN' } }); // { limit: 10, skip: 0, state: 'FROZEN' }
 */
export function checkListBody(body: unknown): ListQuery {
  if (body === undefined) return { limit: 20, skip: 0 };
  const input = objectBody(body);
  const query: ListQuery = {
    limit: input.limit === undefined ? 20 : integerIn(input, 'limit', 1, 100),
    skip: input.skip === undefined ? 0 : integerIn(input, 'skip', 0, Number.MAX_SAFE_INTEGER),
  };
  if (input.filter === undefined) return query;
  if (!isObject(input.filter)) throw invalid('filter', 'filter must be an object');
  const { state, walletAddress } = input.filter;
  if (state !== undefined) {
    if (!STATE_VALUES.includes(state as StateValue)) {
      throw invalid('filter.state', `filter.state must be one of ${STATE_VALUES.join(', ')}`);
    }
    query.state = state as StateValue;
  }
  if (walletAddress !== undefined) {
    const evm = CHAINS.ethereum.walletPattern;
    const solana = CHAINS.solana.walletPattern;
    if (
      typeof walletAddress !== 'string' ||
      !(new RegExp(evm).test(walletAddress) || new RegExp(solana).test(walletAddress))
    ) {
      throw invalid('filter.walletAddress', 'filter.walletAddress is not a wallet address');
    }
    query.wallet = walletAddress;
  }
  return query;
}

/** A `patchPass` body: the state to move to and/or the new expiry (seconds). */
export interface UpdateQuery {
  state?: 'ACTIVE' | 'FROZEN';
  expiryTimestamp?: number;
}

/**
 * A `patchPass` body: `state` ACTIVE or FROZEN, `expiryTimestamp` an integer of seconds ≥ 0,
 * at least one of them.
 *
 * @example
 * checkUpdateBody({ state: 'FROZEN' }); // { state: 'FROZEN' }
 */
export function checkUpdateBody(body: unknown): UpdateQuery {
  const input = objectBody(body);
  const query: UpdateQuery = {};
  if (input.state !== undefined) {
    if (input.state !== 'ACTIVE' && input.state !== 'FROZEN') {
      throw invalid('state', 'state must be ACTIVE (unfreeze) or FROZEN (freeze)');
    }
    query.state = input.state;
  }
  if (input.expiryTimestamp !== undefined) {
    query.expiryTimestamp = integerIn(input, 'expiryTimestamp', 0, Number.MAX_SAFE_INTEGER);
  }
  if (query.state === undefined && query.expiryTimestamp === undefined) {
    throw invalid('body', 'send state, expiryTimestamp or both');
  }
  return query;
}

/**
 * An `updatePiiReceipt` body: `{ status: 'partner-pass' | 'partner-fail' }`.
 *
 * @example
 * checkPiiDecisionBody({ status: 'partner-pass' }); // 'partner-pass'
 */
export function checkPiiDecisionBody(body: unknown): PiiDecision {
  const { status } = objectBody(body);
  if (!PII_DECISION_VALUES.includes(status as PiiDecision)) {
    throw invalid('status', `status must be one of ${PII_DECISION_VALUES.join(', ')}`);
  }
  return status as PiiDecision;
}
