/**
 * The whole life of a Civic Pass, step by step: issue it (pending), see it active, freeze,
 * unfreeze, make it expire, list passes page by page, revoke it, see a second issue refused,
 * and review a PII request.
 *
 * `npm start` runs it against the local sandbox (`startSandbox()`), moving the sandbox's clock
 * on instead of waiting. To run it against Civic (a testnet):
 *
 *   export CIVIC_CLIENT_ID=… CIVIC_CLIENT_SECRET=…
 *   npm start -- --live
 *
 * Revocation is irreversible: no pass can ever be issued again to that wallet on that network,
 * so against the real API use a throwaway wallet (`npm start -- --live` makes a fresh one).
 *
 * Copy what you need; `lifecycle` only uses the public API of civic-pass-client.
 */
import { pathToFileURL } from 'node:url';
import {
  type CivicPassClient,
  ConflictError,
  createCivicPassClient,
  EXPIRE_LEAD_S,
  NotFoundError,
  type Pass,
  type PassRef,
  type PiiRequest,
} from 'civic-pass-client';

/** One step of the life of a pass, and what the API returned for it. */
export type Step =
  | { step: 'issue'; pass: Pass }
  | { step: 'get'; pass: Pass }
  | { step: 'freeze' | 'unfreeze' | 'revoke'; ref: PassRef }
  | { step: 'expire'; ref: PassRef; at: Date }
  | { step: 'expired'; pass: Pass }
  | { step: 'reissue'; refused: boolean; reason: string }
  | { step: 'list'; page: number; records: Pass[] }
  | { step: 'pii'; request: PiiRequest }
  | { step: 'pii-decision'; scopeRequestId: string; decision: 'approve' | 'reject' };

/** What {@link lifecycle} works on. */
export interface LifecycleOptions {
  /** The pass: a wallet on a chain and network. It ends up revoked, for good. */
  ref: PassRef;
  /** A PII request to review at the end (skipped when absent). */
  scopeRequestId?: string;
  /** Approve or reject that PII request after reading it (only read when absent). */
  decision?: 'approve' | 'reject';
  /** Page size of the listing; default 10. */
  pageSize?: number;
  /** At most this many pages are listed; default 3. */
  maxPages?: number;
  /** How long to wait for a freshly issued pass to become active; default 3 minutes. */
  activeWithinMs?: number;
  /** Told about every step as it completes; default: one line per step on the console. */
  report?: (step: Step) => void;
  /**
   * Moves the server's clock on by `ms` instead of waiting (a sandbox's `clock.advance`). With
   * it, the run also waits out the expiry it sets and shows the pass expired; without it, it
   * waits in real time for the confirmation only.
   */
  advance?: (ms: number) => void | Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads a pass until `ready(pass)` holds. Reads lag behind writes: a pass just issued can take
 * seconds to minutes to appear, and is `REQUESTED` until the chain confirms it.
 */
export async function waitForPass(
  civic: CivicPassClient,
  ref: PassRef,
  ready: (pass: Pass) => boolean,
  { withinMs = 180_000, everyMs = 3_000, wait = sleep } = {},
): Promise<Pass> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      const pass = await civic.passes.get(ref);
      if (ready(pass)) return pass;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    if (Date.now() + everyMs > deadline) {
      throw new Error(`the pass of ${ref.wallet} was not ready within ${withinMs / 1000} s`);
    }
    await wait(everyMs);
  }
}

/**
 * Runs the life of one pass against the API the client points at.
 *
 * @example
 * ```ts
 * const civic = createCivicPassClient();
 * await lifecycle(civic, { ref: { chain: 'ethereum', chainNetwork: 'polygonAmoy', wallet } });
 * ```
 */
export async function lifecycle(civic: CivicPassClient, options: LifecycleOptions): Promise<void> {
  const { ref, pageSize = 10, maxPages = 3 } = options;
  const report = options.report ?? ((step: Step) => console.log(step.step, step));

  // Issuing answers at once with the pending pass (REQUESTED); the chain confirms it later.
  report({ step: 'issue', pass: await civic.passes.issue(ref) });

  // Wait until the pass can be read and is active: freezing a pending pass would fail.
  const advance = options.advance;
  const pass = await waitForPass(civic, ref, (p) => p.state === 'ACTIVE', {
    withinMs: options.activeWithinMs ?? 180_000,
    ...(advance && { wait: async (ms: number) => advance(ms) }),
  });
  report({ step: 'get', pass });

  await civic.passes.freeze(ref);
  report({ step: 'freeze', ref });

  await civic.passes.unfreeze(ref);
  report({ step: 'unfreeze', ref });

  // Without `at`, the expiry is set EXPIRE_LEAD_S (5) seconds ahead: the holder must refresh.
  await civic.passes.expire(ref);
  report({ step: 'expire', ref, at: new Date(Date.now() + EXPIRE_LEAD_S * 1000) });
  if (advance) {
    // Past its expiry a pass keeps its state: its expiryTimestamp is what says it expired.
    await advance((EXPIRE_LEAD_S + 1) * 1000);
    report({ step: 'expired', pass: await civic.passes.get(ref) });
  }

  // Page by page with limit/skip: the last page is the one shorter than the page size.
  // (`civic.passes.listAll()` does this for you, one page in memory at a time.)
  for (let page = 1; page <= maxPages; page++) {
    const { records } = await civic.passes.list({
      filter: { walletAddress: ref.wallet },
      limit: pageSize,
      skip: (page - 1) * pageSize,
    });
    report({ step: 'list', page, records });
    if (records.length < pageSize) break;
  }

  // Irreversible: no pass can be issued to this wallet on this network again.
  await civic.passes.revoke(ref);
  report({ step: 'revoke', ref });

  // The API refuses (409) to issue a pass again to a revoked wallet on that network.
  try {
    await civic.passes.issue(ref);
    report({ step: 'reissue', refused: false, reason: 'issued again' });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const code = (error.body as { code?: unknown } | undefined)?.code;
    report({ step: 'reissue', refused: true, reason: String(code ?? error.message) });
  }

  if (options.scopeRequestId !== undefined) {
    const id = options.scopeRequestId;
    report({ step: 'pii', request: await civic.pii.get(id) });
    if (options.decision === 'approve') await civic.pii.approve(id);
    if (options.decision === 'reject') await civic.pii.reject(id);
    if (options.decision !== undefined) {
      report({ step: 'pii-decision', scopeRequestId: id, decision: options.decision });
    }
  }
}

// Run directly (`npx tsx examples/lifecycle.ts [wallet]`): credentials from the environment,
// a throwaway wallet on Polygon Amoy (a testnet) unless one is given.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { randomBytes } = await import('node:crypto');
  const wallet = process.argv[2] ?? `0x${randomBytes(20).toString('hex')}`;
  await lifecycle(createCivicPassClient(), {
    ref: { chain: 'ethereum', chainNetwork: 'polygonAmoy', wallet },
  });
}
