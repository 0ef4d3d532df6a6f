/**
 * The public types: aliases of the generated schema types, so that they follow the spec, plus
 * the argument shapes of the client's methods, taken from the generated request bodies so that
 * a field the spec adds reaches the methods on regeneration, with no hand edit.
 *
 * Direction matters. What the client sends stays exact: a value the spec does not list does not
 * compile. What it receives is {@link Open}: enums widened by `(string & {})`, because a newer
 * API may send a value this spec does not know yet (a new network, a new state), and a read must
 * not fail on it.
 *
 * Object schemas are interfaces that extend the schema rather than aliases of it, so signatures
 * and the API reference show `Pass` instead of spelling its whole shape out.
 */
import type { CHAINS } from '../generated/api.js';
import type { components, operations } from '../generated/openapi.js';

type Schemas = components['schemas'];
/** A schema by name, for `interface X extends Schema<'X'>` (an `extends` takes no indexed type). */
type Schema<Name extends keyof Schemas> = Schemas[Name];
/** A schema as answers carry it ({@link Open}), for `interface X extends OpenSchema<'X'>`. */
type OpenSchema<Name extends keyof Schemas> = Open<Schemas[Name]>;

/**
 * The JSON body an operation takes, as generated from the spec.
 *
 * @example
 * ```ts
 * type Issue = RequestBody<'issuePass'>; // { walletAddress: string; ... }
 * ```
 */
export type RequestBody<Op extends keyof operations> =
  NonNullable<operations[Op]['requestBody']> extends {
    content: { 'application/json': infer Body };
  }
    ? Body
    : never;

/**
 * A type as answers carry it: every enum (a union of string literals) widened by
 * `(string & {})`, so that a value a newer API adds still type-checks while editors keep
 * suggesting the known ones. Compare with the known values (`PASS_STATE_VALUES`) where an
 * exhaustive `switch` needs a `default`.
 *
 * @example
 * ```ts
 * const state: Open<'ACTIVE' | 'FROZEN'> = 'SUSPENDED'; // compiles: a newer API may send it
 * ```
 */
export type Open<T> = T extends string
  ? string extends T
    ? T
    : T | (string & {})
  : T extends readonly (infer Item)[]
    ? Open<Item>[]
    : T extends Blob
      ? T
      : T extends object
        ? { [K in keyof T]: Open<T[K]> }
        : T;

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
 * The state Civic records for a pass: the known states, open to ones a newer API adds.
 *
 * @example
 * ```ts
 * if (pass.state === 'REQUESTED') console.log('not on chain yet');
 * ```
 */
export type PassState = Open<Schemas['PassState']>;
/**
 * The state a pass has on chain (open to values a newer API adds).
 *
 * @example
 * ```ts
 * if (pass.onChainState !== pass.state) console.log('change pending on chain');
 * ```
 */
export type OnChainState = Open<Schemas['OnChainState']>;
/**
 * What happened to a pass (`TOKEN_ISSUED`, `TOKEN_FROZEN_INITIATED`, ...; open to new events).
 *
 * @example
 * ```ts
 * const issued = pass.events.some((e) => e.eventType === 'TOKEN_ISSUED');
 * ```
 */
export type PassEventType = Open<Schemas['PassEventType']>;
/**
 * How far an event's chain transaction got (open to values a newer API adds).
 *
 * @example
 * ```ts
 * const failed = pass.events.filter((e) => e.transaction?.status === 'failed');
 * ```
 */
export type TransactionStatus = Open<Schemas['TransactionStatus']>;
/**
 * The chain transaction behind an event.
 *
 * @example
 * ```ts
 * const hashes = pass.events.flatMap((e) => (e.transaction ? [e.transaction.identifier] : []));
 * ```
 */
export interface PassTransaction extends OpenSchema<'PassTransaction'> {}
/**
 * One entry of a pass's history.
 *
 * @example
 * ```ts
 * const last: PassEvent | undefined = pass.events.at(-1);
 * ```
 */
export interface PassEvent extends OpenSchema<'PassEvent'> {}
/**
 * A Civic Pass held by one wallet on one chain and network, as answers carry it: its enums
 * (chain, network, states, events) are {@link Open}.
 *
 * @example
 * ```ts
 * const pass: Pass = await civic.passes.get(ref);
 * ```
 */
export interface Pass extends OpenSchema<'Pass'> {}
/**
 * Narrows a list of passes: by state and/or by wallet.
 *
 * @example
 * ```ts
 * const filter: ListPassFilter = { state: 'ACTIVE', walletAddress: wallet };
 * ```
 */
export interface ListPassFilter extends Schema<'ListPassFilter'> {}
/**
 * One page of passes.
 *
 * @example
 * ```ts
 * const page: PassPage = await civic.passes.list({ limit: 50 });
 * ```
 */
export interface PassPage extends OpenSchema<'ListPassResponse'> {}
/**
 * Where a PII request stands (open to statuses a newer API adds).
 *
 * @example
 * ```ts
 * if (request.status === 'verification-success') await civic.pii.approve(id);
 * ```
 */
export type PiiStatus = Open<Schemas['PiiStatus']>;
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
export interface PiiLink extends OpenSchema<'PiiLink'> {}
/**
 * A user's submission of personal data, as far as Civic has verified it.
 *
 * @example
 * ```ts
 * const request: PiiRequest = await civic.pii.get(scopeRequestId);
 * ```
 */
export interface PiiRequest extends OpenSchema<'PiiRequest'> {}

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
  /** Deadline of the whole call in milliseconds: token, attempts, waits (the client's `timeoutMs` unless set). */
  timeoutMs?: number;
  /** Deadline of each attempt in milliseconds, never beyond what is left (the client's `attemptTimeoutMs` unless set). */
  attemptTimeoutMs?: number;
  /** How many times a failed attempt may be retried (the client's `maxRetries` unless set). */
  maxRetries?: number;
  /** The most bytes the answer's body may have, after decompression (the client's `maxResponseBytes` unless set). */
  maxResponseBytes?: number;
  /** Extra headers for this call. `Authorization` is always the client's own. */
  headers?: Record<string, string>;
}

/**
 * The changes `passes.update` makes: the spec's `patchPass` body (a new state, `FROZEN` or
 * `ACTIVE`; a new expiry in whole seconds since the epoch; whatever else the spec adds) beside
 * the pass it applies to.
 *
 * @example
 * ```ts
 * await civic.passes.update({ ...ref, state: 'FROZEN' });
 * ```
 */
export type UpdatePassInput = PassRef & RequestBody<'patchPass'>;

/**
 * The optional fields of the spec's `issuePass` body (everything but `walletAddress`, which
 * comes from the {@link PassRef}); empty while the spec has none.
 *
 * @example
 * ```ts
 * const fields: IssuePassFields = {}; // e.g. { referenceId } once the spec adds it
 * ```
 */
export type IssuePassFields = Omit<RequestBody<'issuePass'>, 'walletAddress'>;

/**
 * The second argument of `passes.issue`: the call options, plus any optional field the spec's
 * `issuePass` body has besides the wallet, sent in the body.
 *
 * @example
 * ```ts
 * await civic.passes.issue(ref, { signal: AbortSignal.timeout(10_000) });
 * ```
 */
export type IssuePassOptions = CallOptions & IssuePassFields;

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
 * One page of `passes.list`: the spec's `listPass` body (`filter`, `limit`, `skip`, and whatever
 * else the spec adds).
 *
 * @example
 * ```ts
 * const { records } = await civic.passes.list({ filter: { state: 'ACTIVE' }, limit: 50, skip: 100 });
 * ```
 */
export type ListPassesInput = RequestBody<'listPass'>;

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
  /** Stop after this many pages (a positive integer); default: no limit. */
  maxPages?: number;
  /** Stop after this many passes (a positive integer); default: no limit. */
  maxItems?: number;
}
