/**
 * `civic.passes`: issue, read, change, revoke and list Civic Passes. Arguments are checked before
 * anything is sent (`InputError`); answers are the spec's types.
 */

import { InputError } from '../errors.js';
import { DEFAULT_PAGE_SIZE, paginate } from '../pagination.js';
import type {
  CallOptions,
  ExpireInput,
  ListAllInput,
  ListPassesInput,
  Pass,
  PassPage,
  PassRef,
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
import {
  checkCallOptions,
  expectObject,
  invalidResponse,
  perform,
  type ResourceContext,
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
   * retried only on 429 and on a refused connection.
   *
   * @example
   * ```ts
   * const pass = await civic.passes.issue({ chain: 'solana', chainNetwork: 'devnet', wallet });
   * ```
   */
  async issue(ref: PassRef, options?: CallOptions): Promise<Pass> {
    checkPassRef(ref);
    const result = await perform(
      this.#context,
      'issuePass',
      {
        params: { path: { chain: ref.chain, chainNetwork: ref.chainNetwork } },
        body: { walletAddress: ref.wallet },
      },
      options,
    );
    return expectObject<Pass>(result, 'issuePass', 'a pass (a JSON object)');
  }

  /**
   * Reads a pass with its event history. `NotFoundError` when no pass was issued to the wallet.
   *
   * @example
   * ```ts
   * const { state, events } = await civic.passes.get(ref);
   * ```
   */
  async get(ref: PassRef, options?: CallOptions): Promise<Pass> {
    checkPassRef(ref);
    const result = await perform(this.#context, 'getPass', { params: pathOf(ref) }, options);
    return expectObject<Pass>(result, 'getPass', 'a pass (a JSON object)');
  }

  /**
   * Changes a pass's state and/or expiry (seconds since the epoch); at least one is required.
   *
   * @example
   * ```ts
   * await civic.passes.update({ ...ref, state: 'FROZEN', expiryTimestamp: 1_900_000_000 });
   * ```
   */
  async update(input: UpdatePassInput, options?: CallOptions): Promise<void> {
    checkPassRef(input);
    const body: { state?: UpdatePassInput['state']; expiryTimestamp?: number } = {};
    if (input.state !== undefined) body.state = checkTargetState(input.state);
    if (input.expiryTimestamp !== undefined) {
      body.expiryTimestamp = checkExpirySeconds(input.expiryTimestamp);
    }
    if (body.state === undefined && body.expiryTimestamp === undefined) {
      throw new InputError('state', 'update needs state or expiryTimestamp (or both)');
    }
    await perform(this.#context, 'patchPass', { params: pathOf(input), body }, options);
  }

  /**
   * Freezes a pass (state `FROZEN`); the chain applies it later.
   *
   * @example
   * ```ts
   * await civic.passes.freeze(ref);
   * ```
   */
  async freeze(ref: PassRef, options?: CallOptions): Promise<void> {
    checkPassRef(ref);
    return this.update({ ...ref, state: 'FROZEN' }, options);
  }

  /**
   * Unfreezes a pass (state `ACTIVE`).
   *
   * @example
   * ```ts
   * await civic.passes.unfreeze(ref);
   * ```
   */
  async unfreeze(ref: PassRef, options?: CallOptions): Promise<void> {
    checkPassRef(ref);
    return this.update({ ...ref, state: 'ACTIVE' }, options);
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
  async expire(ref: PassRef, input: ExpireInput = {}, options?: CallOptions): Promise<void> {
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
    return this.update({ ...ref, expiryTimestamp: seconds }, options);
  }

  /**
   * Revokes a pass, for good: no pass can be issued again to this chain, network and wallet.
   *
   * @example
   * ```ts
   * await civic.passes.revoke(ref);
   * ```
   */
  async revoke(ref: PassRef, options?: CallOptions): Promise<void> {
    checkPassRef(ref);
    await perform(this.#context, 'deletePass', { params: pathOf(ref) }, options);
  }

  /**
   * One page of the passes you issued, optionally filtered.
   *
   * @example
   * ```ts
   * const { records } = await civic.passes.list({ filter: { state: 'ACTIVE' }, limit: 50 });
   * ```
   */
  async list(input: ListPassesInput = {}, options?: CallOptions): Promise<PassPage> {
    const { filter, limit, skip } = checkListInput(input);
    return this.#page(filter, limit ?? DEFAULT_PAGE_SIZE, skip ?? 0, options);
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
      throw new InputError('input', 'listAll takes { filter?, pageSize? }');
    }
    checkCallOptions(options);
    const filter = checkFilter(input.filter);
    const pageSize =
      input.pageSize === undefined ? DEFAULT_PAGE_SIZE : checkPageSize(input.pageSize, 'pageSize');
    return paginate(
      async (skip, limit) => (await this.#page(filter, limit, skip, options)).records,
      pageSize,
    );
  }

  async #page(
    filter: ListPassesInput['filter'],
    limit: number,
    skip: number,
    options: CallOptions | undefined,
  ): Promise<PassPage> {
    const body = filter === undefined ? { limit, skip } : { limit, skip, filter };
    const result = await perform(this.#context, 'listPass', { body }, options);
    const page = expectObject<PassPage>(result, 'listPass', 'a page of passes (a JSON object)');
    if (!Array.isArray(page.records)) {
      throw invalidResponse('listPass', 'its body has no records array', result.response);
    }
    return page;
  }
}

function checkListInput(input: ListPassesInput): ListPassesInput {
  if (input === null || typeof input !== 'object') {
    throw new InputError('input', 'list takes { filter?, limit?, skip? }');
  }
  const filter = checkFilter(input.filter);
  const checked: ListPassesInput = {};
  if (filter !== undefined) checked.filter = filter;
  if (input.limit !== undefined) checked.limit = checkPageSize(input.limit);
  if (input.skip !== undefined) checked.skip = checkCount(input.skip, 'skip', 0);
  return checked;
}
