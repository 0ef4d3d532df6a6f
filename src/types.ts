/**
 * The public types: aliases of the generated schema types, so that they follow the spec, plus
 * the argument shapes of the client's methods.
 */
import type { CHAINS } from '../generated/api.js';
import type { components } from '../generated/openapi.js';

type Schemas = components['schemas'];

/**
 * A chain's programming model: `solana` or `ethereum` (every EVM network is under `ethereum`).
 *
 * @example
 * ```ts
 * const chain: Chain = 'ethereum';
 * ```
 */
export type Chain = Schemas['Chain'];
/**
 * Any network of any chain, as the spec lists them (`devnet`, `sepolia`, `polygonAmoy`, ...).
 *
 * @example
 * ```ts
 * const network: ChainNetwork = 'polygonAmoy';
 * ```
 */
export type ChainNetwork = Schemas['ChainNetwork'];
/**
 * The networks of one chain, from the spec's `x-civic-chains`.
 *
 * @example
 * ```ts
 * const n: NetworkOf<'solana'> = 'devnet'; // 'mainnet-beta' | 'devnet'
 * ```
 */
export type NetworkOf<C extends Chain> = (typeof CHAINS)[C]['networks'][number];
/**
 * A pass state to filter lists by (`ACTIVE`, `FROZEN`, `REVOKED`, `REQUESTED`, `REJECTED`).
 *
 * @example
 * ```ts
 * await civic.passes.list({ filter: { state: 'REJECTED' } });
 * ```
 */
export type State = Schemas['State'];
/**
 * A state `passes.update` can set: `FROZEN` (freeze) or `ACTIVE` (unfreeze).
 *
 * @example
 * ```ts
 * const target: TargetState = fraud ? 'FROZEN' : 'ACTIVE';
 * ```
 */
export type TargetState = Schemas['TargetState'];
/**
 * The state Civic records for a pass.
 *
 * @example
 * ```ts
 * if (pass.state === 'REQUESTED') console.log('not on chain yet');
 * ```
 */
export type PassState = Schemas['PassState'];
/**
 * The state a pass has on chain.
 *
 * @example
 * ```ts
 * if (pass.onChainState !== pass.state) console.log('change pending on chain');
 * ```
 */
export type OnChainState = Schemas['OnChainState'];
/**
 * What happened to a pass (`TOKEN_ISSUED`, `TOKEN_FROZEN_INITIATED`, ...).
 *
 * @example
 * ```ts
 * const issued = pass.events.some((e) => e.eventType === 'TOKEN_ISSUED');
 * ```
 */
export type PassEventType = Schemas['PassEventType'];
/**
 * How far an event's chain transaction got.
 *
 * @example
 * ```ts
 * const failed = pass.events.filter((e) => e.transaction?.status === 'failed');
 * ```
 */
export type TransactionStatus = Schemas['TransactionStatus'];
/**
 * The chain transaction behind an event.
 *
 * @example
 * ```ts
 * const hashes = pass.events.flatMap((e) => (e.transaction ? [e.transaction.identifier] : []));
 * ```
 */
export type PassTransaction = Schemas['PassTransaction'];
/**
 * One entry of a pass's history.
 *
 * @example
 * ```ts
 * const last: PassEvent | undefined = pass.events.at(-1);
 * ```
 */
export type PassEvent = Schemas['PassEvent'];
/**
 * A Civic Pass held by one wallet on one chain and network.
 *
 * @example
 * ```ts
 * const pass: Pass = await civic.passes.get(ref);
 * ```
 */
export type Pass = Schemas['Pass'];
/**
 * Narrows a list of passes: by state and/or by wallet.
 *
 * @example
 * ```ts
 * const filter: ListPassFilter = { state: 'ACTIVE', walletAddress: wallet };
 * ```
 */
export type ListPassFilter = Schemas['ListPassFilter'];
/**
 * One page of passes.
 *
 * @example
 * ```ts
 * const page: PassPage = await civic.passes.list({ limit: 50 });
 * ```
 */
export type PassPage = Schemas['ListPassResponse'];
/**
 * Where a PII request stands.
 *
 * @example
 * ```ts
 * if (request.status === 'verification-success') await civic.pii.approve(id);
 * ```
 */
export type PiiStatus = Schemas['PiiStatus'];
/**
 * Your decision on a PII request.
 *
 * @example
 * ```ts
 * const decision: PiiDecision = ok ? 'partner-pass' : 'partner-fail';
 * ```
 */
export type PiiDecision = Schemas['PiiDecision'];
/**
 * A link to one piece of evidence of a PII request.
 *
 * @example
 * ```ts
 * const rels = (request.links ?? []).map((link: PiiLink) => link.rel);
 * ```
 */
export type PiiLink = Schemas['PiiLink'];
/**
 * A user's submission of personal data, as far as Civic has verified it.
 *
 * @example
 * ```ts
 * const request: PiiRequest = await civic.pii.get(scopeRequestId);
 * ```
 */
export type PiiRequest = Schemas['PiiRequest'];

/**
 * Which pass: a wallet on one chain and one network of that chain. The network is checked
 * against the chain at compile time (and again at run time).
 *
 * @example
 * ```ts
 * const ref: PassRef = { chain: 'ethereum', chainNetwork: 'sepolia', wallet: '0xEA5C…5888' };
 * // { chain: 'solana', chainNetwork: 'sepolia', ... } does not compile.
 * ```
 */
export type PassRef = {
  [C in Chain]: { chain: C; chainNetwork: NetworkOf<C>; wallet: string };
}[Chain];

/**
 * Options every call accepts.
 *
 * @example
 * ```ts
 * await civic.passes.get(ref, { signal: AbortSignal.timeout(10_000), maxRetries: 0 });
 * ```
 */
export interface CallOptions {
  /** Cancels the call, including any wait between retries; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Deadline of each attempt in milliseconds (the client's `timeoutMs` unless set). */
  timeoutMs?: number;
  /** How many times a failed attempt may be retried (the client's `maxRetries` unless set). */
  maxRetries?: number;
  /** Extra headers for this call. `Authorization` is always the client's own. */
  headers?: Record<string, string>;
}

/**
 * The changes `passes.update` makes: a new state (`FROZEN` or `ACTIVE`), a new expiry (whole
 * seconds since the epoch), or both.
 *
 * @example
 * ```ts
 * await civic.passes.update({ ...ref, state: 'FROZEN' });
 * ```
 */
export type UpdatePassInput = PassRef & { state?: TargetState; expiryTimestamp?: number };

/**
 * When `passes.expire` makes the pass expire: a `Date`, or seconds since the epoch.
 *
 * @example
 * ```ts
 * await civic.passes.expire(ref, { at: new Date('2030-01-01') });
 * ```
 */
export interface ExpireInput {
  /** The moment of expiry: a `Date` or seconds (not milliseconds) since the epoch. */
  at?: Date | number;
}

/**
 * One page of `passes.list`.
 *
 * @example
 * ```ts
 * const { records } = await civic.passes.list({ filter: { state: 'ACTIVE' }, limit: 50, skip: 100 });
 * ```
 */
export interface ListPassesInput {
  /** Only the passes matching every given field. */
  filter?: ListPassFilter;
  /** The page size, an integer from 1 to 100 (the API's default is 20). */
  limit?: number;
  /** How many matching passes to skip, a non-negative integer (default 0). */
  skip?: number;
}

/**
 * What `passes.listAll` walks through.
 *
 * @example
 * ```ts
 * for await (const pass of civic.passes.listAll({ filter: { state: 'FROZEN' }, pageSize: 50 })) {}
 * ```
 */
export interface ListAllInput {
  /** Only the passes matching every given field. */
  filter?: ListPassFilter;
  /** How many passes to ask for per page, an integer from 1 to 100 (default 20). */
  pageSize?: number;
}
