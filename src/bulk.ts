/**
 * Bulk work: one action (issue, freeze, unfreeze, expire, revoke) on many passes, with bounded
 * concurrency and a journal, so that a run that is interrupted (Ctrl-C, a crash, the network)
 * can be run again and resumes: nothing done twice, nothing skipped.
 *
 * The rules, per pass:
 * - the intent is on disk (fsync) before its request is sent;
 * - a pass that ended (done, or refused by the API) is not touched again;
 * - a pass in doubt (intent, no end: the run died, or the answer never came) is settled by
 *   reading it first: if it is already as wanted, it is done without a request;
 * - `issue` is never sent twice for a wallet whose pass can be seen: an in-doubt issue whose
 *   pass is not found is sent again only once `readLagMs` have passed since its latest intent
 *   (reads lag behind writes), and a 409 `PASS_EXISTS` counts as done.
 */
import type { CivicPassClient } from './client.js';
import { ApiError, CivicPassError, ConflictError, InputError, NotFoundError } from './errors.js';
import { type JournalEnd, openJournal, readJournal } from './journal.js';
import { isPassExists } from './resources/passes.js';
import type { Pass, PassRef } from './types.js';
import { checkPassRef } from './validate.js';

/**
 * The actions {@link bulk} can take.
 *
 * @example
 * ```ts
 * BULK_ACTIONS.includes('revoke'); // true
 * ```
 */
export const BULK_ACTIONS = ['issue', 'freeze', 'unfreeze', 'expire', 'revoke'] as const;

/**
 * One of {@link BULK_ACTIONS}.
 *
 * @example
 * ```ts
 * const action: BulkAction = 'freeze';
 * ```
 */
export type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * What {@link bulk} does and where it keeps its journal.
 *
 * @example
 * ```ts
 * const options: BulkOptions = { action: 'issue', items: refs, journal: 'issue.journal' };
 * ```
 */
export interface BulkOptions {
  action: BulkAction;
  /** The passes to act on; a pass named twice is acted on once. */
  items: readonly PassRef[];
  /** The journal file: created if missing, resumed if it exists (same action, same `at`). */
  journal: string;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** For `expire`: when (a `Date` or seconds since the epoch). Default: the journal's, else now + 5 s. */
  at?: Date | number;
  /** How long a pass may take to be readable after it is issued. Default 60 000. */
  readLagMs?: number;
  /**
   * Stops starting new passes; requests already sent run to their end and are recorded as
   * usual (a pass whose answer never came stays in doubt for the next run).
   */
  signal?: AbortSignal;
  /** Called once per pass, as it ends (in completion order). */
  onResult?: (result: BulkResult) => void;
}

/**
 * How one pass ended in a run.
 *
 * @example
 * ```ts
 * onResult: (r) => { if (r.outcome === 'failed') console.error(r.wallet, r.error?.message); }
 * ```
 */
export interface BulkResult {
  chain: string;
  chainNetwork: string;
  wallet: string;
  action: BulkAction;
  /** `done`; `failed` (the API refused: not retried); `in-doubt` (no answer: run again). */
  outcome: 'done' | 'failed' | 'in-doubt';
  /** True when there was nothing to do (already in that state, or already issued). */
  already?: boolean;
  /** True when this pass had ended in an earlier run (taken from the journal, nothing sent). */
  fromJournal?: boolean;
  /** The server's request id of the answer that settled it, when there was one. */
  requestId?: string;
  error?: { name: string; code: string; message: string; status?: number };
}

/**
 * The counts of a run, over every pass it was given (earlier runs included).
 *
 * @example
 * ```ts
 * const { done, failed, inDoubt } = await bulk(civic, options);
 * ```
 */
export interface BulkSummary {
  action: BulkAction;
  total: number;
  done: number;
  failed: number;
  inDoubt: number;
  /** How many requests this run sent (reads to settle doubts included). */
  requests: number;
}

const keyOf = (ref: PassRef) => `${ref.chain}/${ref.chainNetwork}/${ref.wallet}`;

/** Whether the pass, as read, already is what the action makes it. */
function reached(action: BulkAction, pass: Pass, at: number | undefined): boolean {
  switch (action) {
    case 'issue':
      return true; // it exists: the issue went through
    case 'freeze':
      return pass.state === 'FROZEN';
    case 'unfreeze':
      return pass.state === 'ACTIVE';
    case 'revoke':
      return pass.state === 'REVOKED';
    case 'expire':
      return (pass as { expiryTimestamp?: unknown }).expiryTimestamp === at;
  }
}

function errorFields(error: unknown): NonNullable<BulkResult['error']> {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = error instanceof CivicPassError ? error.code : 'UNEXPECTED';
  return {
    name: e.name,
    code,
    message: e.message,
    ...(error instanceof ApiError && { status: error.status }),
  };
}

/**
 * Takes one action on many passes, journaled so that running it again after an interruption
 * resumes it (see the module's rules). Resolves to the counts; never rejects for one pass's
 * failure (see `onResult`), only for bad options or a journal it cannot write.
 *
 * @example
 * ```ts
 * const summary = await bulk(civic, { action: 'freeze', items: refs, journal: 'freeze.journal' });
 * console.log(`${summary.done} of ${summary.total} done, ${summary.failed} failed`);
 * ```
 */
export async function bulk(civic: CivicPassClient, options: BulkOptions): Promise<BulkSummary> {
  const { action, journal: path, signal, onResult } = options;
  if (!(BULK_ACTIONS as readonly string[]).includes(action)) {
    throw new InputError(
      'action',
      `action "${String(action)}" is not one of ${BULK_ACTIONS.join(', ')}`,
    );
  }
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InputError(
      'concurrency',
      `concurrency ${String(concurrency)} is not a positive integer`,
    );
  }
  const readLagMs = options.readLagMs ?? 60_000;
  if (!(readLagMs >= 0)) throw new InputError('readLagMs', 'readLagMs must be ≥ 0');
  // One entry per pass, in the order given; duplicates act once.
  const items = new Map<string, PassRef>();
  for (const ref of options.items) items.set(keyOf(checkPassRef(ref)), ref);

  const previous = await readJournal(path);
  if (previous && previous.header.action !== action) {
    throw new InputError(
      'journal',
      `${path} is the journal of a bulk ${previous.header.action}, not ${action}: name another journal file (the command: --journal), or delete it`,
    );
  }
  let at: number | undefined;
  if (action === 'expire') {
    const given =
      options.at === undefined
        ? undefined
        : options.at instanceof Date
          ? Math.floor(options.at.getTime() / 1000)
          : options.at;
    if (given !== undefined && !Number.isSafeInteger(given))
      throw new InputError('at', 'at is not a valid time');
    if (given !== undefined && previous?.header.at !== undefined && previous.header.at !== given) {
      throw new InputError(
        'at',
        `${path} was started with another expiry (${previous.header.at}): keep it, or delete the journal`,
      );
    }
    at = previous?.header.at ?? given ?? Math.floor(Date.now() / 1000) + 5;
  }
  const journal = await openJournal(path, {
    journal: 'civic-pass bulk',
    version: 1,
    action,
    ...(at !== undefined && { at }),
  });

  const summary: BulkSummary = {
    action,
    total: items.size,
    done: 0,
    failed: 0,
    inDoubt: 0,
    requests: 0,
  };
  const report = (
    ref: PassRef,
    outcome: BulkResult['outcome'],
    extra: Partial<BulkResult> = {},
  ) => {
    if (outcome === 'done') summary.done += 1;
    else if (outcome === 'failed') summary.failed += 1;
    else summary.inDoubt += 1;
    onResult?.({
      chain: ref.chain,
      chainNetwork: ref.chainNetwork,
      wallet: ref.wallet,
      action,
      outcome,
      ...extra,
    });
  };

  const queue: [string, PassRef][] = [];
  for (const [key, ref] of items) {
    const ended = previous?.ended.get(key);
    if (ended) {
      report(ref, ended.outcome, {
        fromJournal: true,
        ...(ended.already && { already: true }),
        ...(ended.error && { error: ended.error }),
      });
    } else queue.push([key, ref]);
  }

  const send = async (ref: PassRef) => {
    summary.requests += 1;
    switch (action) {
      case 'issue':
        return civic.passes.issue(ref).withResponse();
      case 'freeze':
        return civic.passes.freeze(ref).withResponse();
      case 'unfreeze':
        return civic.passes.unfreeze(ref).withResponse();
      case 'revoke':
        return civic.passes.revoke(ref).withResponse();
      case 'expire':
        return civic.passes.expire(ref, { at: at as number }).withResponse();
    }
  };

  /** Reads an in-doubt pass: `true` when it is already as wanted, `false` when it must be sent. */
  const settle = async (ref: PassRef, intentTs: number): Promise<boolean> => {
    for (;;) {
      try {
        summary.requests += 1;
        return reached(action, await civic.passes.get(ref), at);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        if (action !== 'issue') return false; // the request will say what is wrong
        // Not visible: either the issue never arrived, or the read lags. Wait out the lag.
        const left = intentTs + readLagMs - Date.now();
        if (left <= 0) return false;
        await new Promise((resolve) => setTimeout(resolve, Math.min(left, 1_000)));
        if (signal?.aborted) throw signal.reason;
      }
    }
  };

  const finish = async (key: string, ref: PassRef, end: JournalEnd, requestId?: string) => {
    await journal.end(key, end, Date.now());
    report(ref, end.outcome, {
      ...(end.already && { already: true }),
      ...(end.error && { error: end.error }),
      ...(requestId !== undefined && { requestId }),
    });
  };

  const one = async (key: string, ref: PassRef) => {
    const doubtTs = previous?.inDoubt.get(key);
    try {
      if (doubtTs !== undefined && (await settle(ref, doubtTs))) {
        await finish(key, ref, { outcome: 'done', already: true });
        return;
      }
      await journal.intent(key, Date.now());
      try {
        const answer = await send(ref);
        await finish(key, ref, { outcome: 'done' }, answer.requestId);
      } catch (error) {
        // The API's own "nothing to do" answers: the pass is as wanted.
        const alreadyRevoked =
          action === 'revoke' &&
          error instanceof ConflictError &&
          (error.body as { code?: unknown } | undefined)?.code === 'PASS_REVOKED';
        if ((action === 'issue' && isPassExists(error)) || alreadyRevoked) {
          await finish(key, ref, { outcome: 'done', already: true }, (error as ApiError).requestId);
        } else throw error;
      }
    } catch (error) {
      // An answer from the API (4xx) is final; no answer (network, timeout, 5xx, 429) leaves the
      // pass in doubt for the next run, which reads it before doing anything.
      const status = error instanceof ApiError ? error.status : undefined;
      if (status !== undefined && status < 500 && status !== 429 && status !== 408) {
        await finish(
          key,
          ref,
          { outcome: 'failed', error: errorFields(error) },
          (error as ApiError).requestId,
        );
      } else {
        report(ref, 'in-doubt', { error: errorFields(error) });
      }
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < queue.length && !signal?.aborted) {
      const [key, ref] = queue[next++] as [string, PassRef];
      await one(key, ref);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  } finally {
    await journal.close();
  }
  // Passes never started (aborted) count as in doubt: the next run does them.
  for (let i = next; i < queue.length; i++) report((queue[i] as [string, PassRef])[1], 'in-doubt');
  return summary;
}
