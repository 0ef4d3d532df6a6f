/**
 * `civic.passes`: issue, read, change, revoke and list Civic Passes. Arguments are checked before
 * anything is sent (`InputError`); answers are the spec's types.
 */

import { type ApiPromise, apiPromise } from '../api-promise.js';
import { ConflictError, InputError } from '../errors.js';
import { DEFAULT_PAGE_SIZE, paginate } from '../pagination.js';
import type {
  CallOptions,
  ExpireInput,
  IssuePassOptions,
  ListAllInput,
  ListPassesInput,
  Pass,
  PassPage,
  PassRef,
  PassState,
  UpdatePassInput,
} from '../types.js';
import {
  checkCount,
  checkExpirySeconds,
  checkFilter,
  checkPageSize,
  checkPassRef,
  checkTargetState,
} from '../validate.js';
import { type WaitForOptions, waitForPass } from '../wait.js';
import { bodyFields, CALL_OPTION_KEYS } from './fields.js';
import {
  checkCallOptions,
  expectObject,
  invalidResponse,
  perform,
  type ResourceContext,
  type WithData,
  withData,
} from './shared.js';

/**
 * `passes.expire` without `at` makes the pass expire this many seconds from now.
 *
 * @example
 * ```ts
 * await civic.passes.expire(ref); // expiryTimestamp = now (seconds) + EXPIRE_LEAD_S
 * ```
 */
export const EXPIRE_LEAD_S = 5;

/** The keys of `update`'s and `list`'s input that the methods handle themselves. */
const UPDATE_HANDLED = new Set(['chain', 'chainNetwork', 'wallet', 'state', 'expiryTimestamp']);
const LIST_HANDLED = new Set(['filter', 'limit', 'skip']);

const pathOf = (ref: PassRef) => ({
  path: { chain: ref.chain, chainNetwork: ref.chainNetwork, wallet: ref.wallet },
});

/**
 * The pass operations of one client.
 *
 * @example
 * ```ts
 * const ref = { chain: 'ethereum', chainNetwork: 'sepolia', wallet: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888' } as const;
 * await civic.passes.issue(ref);
 * const pass = await civic.passes.get(ref);
 * await civic.passes.freeze(ref);
 * ```
 */
export class PassesResource {
  readonly #context: ResourceContext;

  /** @internal Made by `createCivicPassClient`. */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * Issues a pass to a wallet; answers with the pending pass (state `REQUESTED`). Not idempotent:
   * retried only on 429 and on a refused connection. Besides the call options, `options` takes
   * any optional field the spec's `issuePass` body has, sent in the body.
   *
   * @example
   * ```ts
   * const pass = await civic.passes.issue({ chain: 'solana', chainNetwork: 'devnet', wallet });
   * ```
   */
  issue(ref: PassRef, options?: IssuePassOptions): ApiPromise<Pass> {
    return apiPromise(async () => {
      checkPassRef(ref);
      const fields = bodyFields('issuePass', options, CALL_OPTION_KEYS);
      const result = await perform(
        this.#context,
        'issuePass',
        {
          params: { path: { chain: ref.chain, chainNetwork: ref.chainNetwork } },
          body: { ...fields, walletAddress: ref.wallet },
        },
        options,
      );
      return withData(result, expectObject<Pass>(result, 'issuePass', 'a pass (a JSON object)'));
    });
  }

  /**
   * Waits until the pass is in `state` (typically `ACTIVE` after {@link PassesResource.issue}),
   * polling {@link PassesResource.get} with backoff. `timeoutMs` (default 2 minutes) is the whole
   * wait; each read uses the client's own retries and deadlines. A 404 in the first minute is
   * taken as "not visible yet". Rejects with {@link WaitTimeoutError} when time runs out, with
   * {@link UnreachableStateError} at once when the pass is `REVOKED`, with the signal's reason
   * when it aborts.
   *
   * @example
   * ```ts
   * const pass = await civic.passes.waitFor(ref, 'ACTIVE', { timeoutMs: 60_000 });
   * ```
   */
  async waitFor(ref: PassRef, state: PassState, options?: WaitForOptions): Promise<Pass> {
    return waitForPass(
      (r, o) => this.get(r, o),
      this.#context.runtime,
      checkPassRef(ref),
      state,
      options,
    );
  }

  /**
   * Issues a pass and waits until it is `ACTIVE` ({@link PassesResource.waitFor}). A pass that
   * already exists (409 `PASS_EXISTS`) is waited for rather than reported, so running it again
   * after an interruption is safe.
   *
   * @example
   * ```ts
   * const pass = await civic.passes.issueAndWait(ref, { timeoutMs: 120_000 });
   * ```
   */
  async issueAndWait(ref: PassRef, options: WaitForOptions = {}): Promise<Pass> {
    checkPassRef(ref);
    const signal = options.signal;
    try {
      await this.issue(ref, signal ? { signal } : undefined);
    } catch (error) {
      if (!isPassExists(error)) throw error;
    }
    return this.waitFor(ref, 'ACTIVE', options);
  }

  /**
   * Reads a pass with its event history. `NotFoundError` when no pass was issued to the wallet.
   *
   * @example
   * ```ts
   * const { state, events } = await civic.passes.get(ref);
   * ```
   */
  get(ref: PassRef, options?: CallOptions): ApiPromise<Pass> {
    return apiPromise(async () => {
      checkPassRef(ref);
      const result = await perform(this.#context, 'getPass', { params: pathOf(ref) }, options);
      return withData(result, expectObject<Pass>(result, 'getPass', 'a pass (a JSON object)'));
    });
  }

  /**
   * Changes a pass's state and/or expiry (seconds since the epoch); at least one is required.
   *
   * @example
   * ```ts
   * await civic.passes.update({ ...ref, state: 'FROZEN', expiryTimestamp: 1_900_000_000 });
   * ```
   */
  update(input: UpdatePassInput, options?: CallOptions): ApiPromise<void> {
    return apiPromise(() => this.#update(input, options));
  }

  /**
   * Freezes a pass (state `FROZEN`); the chain applies it later.
   *
   * @example
   * ```ts
   * await civic.passes.freeze(ref);
   * ```
   */
  freeze(ref: PassRef, options?: CallOptions): ApiPromise<void> {
    return this.#change(ref, { state: 'FROZEN' }, options);
  }

  /**
   * Unfreezes a pass (state `ACTIVE`).
   *
   * @example
   * ```ts
   * await civic.passes.unfreeze(ref);
   * ```
   */
  unfreeze(ref: PassRef, options?: CallOptions): ApiPromise<void> {
    return this.#change(ref, { state: 'ACTIVE' }, options);
  }

  /**
   * Makes a pass expire at `at` (a `Date`, or seconds since the epoch), by default
   * {@link EXPIRE_LEAD_S} (5) seconds from now, for instance so that its holder must refresh it.
   *
   * @example
   * ```ts
   * await civic.passes.expire(ref);                                   // in 5 seconds
   * await civic.passes.expire(ref, { at: new Date('2030-01-01') });   // later
   * ```
   */
  expire(ref: PassRef, input: ExpireInput = {}, options?: CallOptions): ApiPromise<void> {
    return apiPromise(async () => {
      checkPassRef(ref);
      if (input === null || typeof input !== 'object') {
        throw new InputError('at', 'expire takes { at?: Date | number } as its second argument');
      }
      const { at } = input;
      let seconds: number;
      if (at === undefined) {
        seconds = Math.floor(this.#context.runtime.now() / 1000) + EXPIRE_LEAD_S;
      } else if (at instanceof Date) {
        if (Number.isNaN(at.getTime())) throw new InputError('at', 'at is an invalid Date');
        seconds = Math.floor(at.getTime() / 1000);
      } else {
        seconds = checkExpirySeconds(at, 'at');
      }
      return this.#update({ ...ref, expiryTimestamp: seconds }, options);
    });
  }

  /**
   * Revokes a pass, for good: no pass can be issued again to this chain, network and wallet.
   *
   * @example
   * ```ts
   * await civic.passes.revoke(ref);
   * ```
   */
  revoke(ref: PassRef, options?: CallOptions): ApiPromise<void> {
    return apiPromise(async () => {
      checkPassRef(ref);
      const result = await perform(this.#context, 'deletePass', { params: pathOf(ref) }, options);
      return withData(result, undefined);
    });
  }

  /**
   * One page of the passes you issued, optionally filtered.
   *
   * @example
   * ```ts
   * const { records } = await civic.passes.list({ filter: { state: 'ACTIVE' }, limit: 50 });
   * ```
   */
  list(input: ListPassesInput = {}, options?: CallOptions): ApiPromise<PassPage> {
    return apiPromise(async () => {
      const { filter, limit, skip, ...fields } = checkListInput(input);
      return this.#page(filter, limit ?? DEFAULT_PAGE_SIZE, skip ?? 0, options, fields);
    });
  }

  /**
   * Every pass you issued (optionally filtered), page after page (`pageSize`, default 20), one
   * page in memory at a time; `break` stops it. A failed page is retried as the retry policy
   * says, never skipped. If the server returns fewer records than `pageSize` on a page that is
   * not the last (a server-side maximum below `pageSize`), the walk ends early: keep `pageSize`
   * within what the server serves.
   *
   * @example
   * ```ts
   * for await (const pass of civic.passes.listAll({ filter: { state: 'FROZEN' } })) {
   *   console.log(pass.walletAddress);
   * }
   * ```
   */
  listAll(input: ListAllInput = {}, options?: CallOptions): AsyncIterableIterator<Pass> {
    if (input === null || typeof input !== 'object') {
      throw new InputError('input', 'listAll takes { filter?, pageSize?, maxPages?, maxItems? }');
    }
    checkCallOptions(options);
    const filter = checkFilter(input.filter);
    const pageSize =
      input.pageSize === undefined ? DEFAULT_PAGE_SIZE : checkPageSize(input.pageSize, 'pageSize');
    const cap = (value: number | undefined, name: string) =>
      value === undefined ? undefined : checkCount(value, name, 1);
    return paginate(
      async (skip, limit) => (await this.#page(filter, limit, skip, options)).data.records,
      {
        pageSize,
        maxPages: cap(input.maxPages, 'maxPages'),
        maxItems: cap(input.maxItems, 'maxItems'),
        identity: passIdentity,
      },
    );
  }

  /** A state change of one pass: the ref checked first, as every method does. */
  #change(ref: PassRef, change: Pick<UpdatePassInput, 'state'>, options?: CallOptions) {
    return apiPromise(async () => {
      checkPassRef(ref);
      return this.#update({ ...ref, ...change }, options);
    });
  }

  async #update(input: UpdatePassInput, options?: CallOptions): Promise<WithData<void>> {
    checkPassRef(input);
    const body: Record<string, unknown> = bodyFields('patchPass', input, UPDATE_HANDLED);
    if (input.state !== undefined) body.state = checkTargetState(input.state);
    if (input.expiryTimestamp !== undefined) {
      body.expiryTimestamp = checkExpirySeconds(input.expiryTimestamp);
    }
    if (Object.keys(body).length === 0) {
      throw new InputError('state', 'update needs state or expiryTimestamp (or both)');
    }
    const result = await perform(
      this.#context,
      'patchPass',
      { params: pathOf(input), body },
      options,
    );
    return withData(result, undefined);
  }

  async #page(
    filter: ListPassesInput['filter'],
    limit: number,
    skip: number,
    options: CallOptions | undefined,
    fields: Record<string, unknown> = {},
  ): Promise<WithData<PassPage>> {
    const body =
      filter === undefined ? { ...fields, limit, skip } : { ...fields, limit, skip, filter };
    const result = await perform(this.#context, 'listPass', { body }, options);
    const page = expectObject<PassPage>(result, 'listPass', 'a page of passes (a JSON object)');
    if (!Array.isArray(page.records)) {
      throw invalidResponse('listPass', 'its body has no records array', result.response);
    }
    return withData(result, page);
  }
}

/**
 * True for the API's "a pass already exists" answer (409 `PASS_EXISTS`): issuing again is done.
 *
 * @example
 * ```ts
 * try { await civic.passes.issue(ref); } catch (err) { if (!isPassExists(err)) throw err; }
 * ```
 */
export function isPassExists(error: unknown): boolean {
  if (!(error instanceof ConflictError)) return false;
  const body = error.body as { code?: unknown } | null | undefined;
  return typeof body === 'object' && body !== null && body.code === 'PASS_EXISTS';
}

/** A pass's identity (DECISIONS.md): its id together with chain, network and wallet. */
function passIdentity(pass: Pass): string {
  const record = (pass ?? {}) as { id?: unknown; chain?: unknown; walletAddress?: unknown };
  const chain = (record.chain ?? {}) as { type?: unknown; network?: unknown };
  // A control character cannot occur in any of the four, so the joined string is unambiguous.
  return `${String(record.id)}\u0000${String(chain.type)}\u0000${String(chain.network)}\u0000${String(record.walletAddress)}`;
}

function checkListInput(input: ListPassesInput): ListPassesInput {
  if (input === null || typeof input !== 'object') {
    throw new InputError('input', 'list takes { filter?, limit?, skip? }');
  }
  const filter = checkFilter(input.filter);
  const checked: ListPassesInput = bodyFields('listPass', input, LIST_HANDLED);
  if (filter !== undefined) checked.filter = filter;
  if (input.limit !== undefined) checked.limit = checkPageSize(input.limit);
  if (input.skip !== undefined) checked.skip = checkCount(input.skip, 'skip', 0);
  return checked;
}
