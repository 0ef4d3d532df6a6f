/**
 * Lifecycle checks (with `allowWrites`, on `--wallet`): issue, read back ACTIVE, freeze,
 * unfreeze, expiry, revoke, each visible in `getPass` (and state changes in `listPass` filtered
 * by state) within the settle time and appending its event; revoke is final; a wallet with no
 * pass is 404; a PII decision shows in `getPii`.
 */
import type { CheckRun, Context } from '../context.js';
import { jsonOf, jsonProbe } from '../probe.js';
import { type ConformanceWallet, type Fixtures, passPath } from './fixtures.js';

/** The parts of a pass the lifecycle reads. */
export interface PassView {
  id?: unknown;
  state?: unknown;
  expiryTimestamp?: unknown;
  walletAddress?: unknown;
  chain?: { type?: unknown; network?: unknown };
  events?: { eventType?: unknown }[];
}

/**
 * Reads a pass: the status and, on 200, the body.
 *
 * @example
 * const { status, pass } = await readPass(run, wallet);
 */
export async function readPass(
  run: CheckRun,
  wallet: ConformanceWallet,
): Promise<{ status: number; pass?: PassView }> {
  const exchange = await run.send(jsonProbe('GET', passPath(wallet)), 'getPass');
  if (exchange.status !== 200) return { status: exchange.status };
  return { status: 200, pass: (jsonOf(exchange) ?? {}) as PassView };
}

/**
 * Lists passes with a filter, following pages of 100 until the last.
 *
 * @example
 * const records = await listAll(run, { walletAddress: wallet.address });
 */
export async function listAll(
  run: CheckRun,
  filter: Record<string, string>,
  limit = 100,
): Promise<PassView[] | undefined> {
  const records: PassView[] = [];
  // Stryker disable next-line EqualityOperator: the bound only stops a server that answers full pages forever; where exactly (`<=`: one page more) is not worth a test that long; `>=` (no page read) is not equivalent, and the lifecycle tests kill it (checked with this comment removed)
  for (let skip = 0; skip < 100_000; skip += limit) {
    const exchange = await run.send(
      jsonProbe('POST', '/pass', { limit, skip, filter }),
      'listPass',
    );
    if (exchange.status !== 200) return undefined;
    const page = (jsonOf(exchange) as { records?: PassView[] } | undefined)?.records;
    if (!Array.isArray(page)) return undefined;
    records.push(...page);
    if (page.length < limit) break;
  }
  return records;
}

/** Whether a record is the pass of that wallet. */
export const isPassOf = (record: PassView, wallet: ConformanceWallet) =>
  record.walletAddress === wallet.address &&
  record.chain?.type === wallet.chain &&
  record.chain?.network === wallet.chainNetwork;

const eventTypes = (pass: PassView | undefined) =>
  (Array.isArray(pass?.events) ? pass.events : []).map((e) => String(e?.eventType));

/** Sends a change and checks the documented answer; returns whether it was accepted. */
async function change(
  run: CheckRun,
  operationId: string,
  method: string,
  wallet: ConformanceWallet,
  body: unknown,
  status: number,
  words: string,
) {
  const exchange = await run.send(jsonProbe(method, passPath(wallet), body), operationId, {
    statuses: [status],
    mismatch: (got) => `${operationId} ${words} answered ${got}, expected ${status}`,
  });
  return exchange.status === status;
}

/** Expects a 409 with the documented code. */
async function refused(
  run: CheckRun,
  operationId: string,
  method: string,
  path: string,
  body: unknown,
  code: string,
  words: string,
) {
  const exchange = await run.send(jsonProbe(method, path, body), operationId, {
    statuses: [409],
    mismatch: (got) => `${operationId} ${words} answered ${got}, expected 409 ${code}`,
  });
  const got = (jsonOf(exchange) as { code?: unknown } | undefined)?.code;
  if (exchange.status === 409 && got !== code)
    run.fail(`${operationId} ${words}: error code ${String(got)}, expected ${code}`);
}

/**
 * Waits until getPass shows what `ok` wants, and the events gained one of `event`'s types.
 *
 * @example
 * await visible(run, wallet, (p) => p.state === 'FROZEN', 'freeze', 'TOKEN_FROZEN', 2);
 */
async function visible(
  run: CheckRun,
  wallet: ConformanceWallet,
  ok: (pass: PassView) => boolean,
  words: string,
  event: string,
  eventsBefore: number,
): Promise<PassView | undefined> {
  let last: { status: number; pass?: PassView } | undefined;
  const pass = await run.settle(
    async () => {
      last = await readPass(run, wallet);
      return last.pass && ok(last.pass) ? last.pass : undefined;
    },
    () =>
      // Stryker disable next-line OptionalChaining: settle calls the attempt before the failure, so last is set
      `getPass never showed ${words} (last: ${last?.status}${last?.pass ? ` state ${String(last.pass.state)}` : ''})`,
  );
  if (!pass) return pass;
  let events = eventTypes(pass);
  const appended = (types: string[]) =>
    types.slice(eventsBefore).some((t) => t === event || t === `${event}_INITIATED`);
  if (!appended(events)) {
    await run.settle(
      async () => {
        events = eventTypes((await readPass(run, wallet)).pass);
        return appended(events) || undefined;
      },
      () =>
        `${words}: no ${event}_INITIATED or ${event} event was appended (events: ${events.join(', ') || 'none'})`,
    );
  }
  return pass;
}

/** Waits until `listPass` filtered by state (and wallet) shows the pass. */
async function listed(run: CheckRun, wallet: ConformanceWallet, state: string) {
  await run.settle(
    async () => {
      const records = await listAll(run, { state, walletAddress: wallet.address });
      return records?.some((r) => isPassOf(r, wallet)) || undefined;
    },
    () => `listPass filtered by state ${state} never showed the pass of ${wallet.address}`,
  );
}

/**
 * Runs the lifecycle checks on `fixtures.wallet`.
 *
 * @example
 * await lifecycleChecks(ctx, fixtures, { piiDecision: 'partner-pass' });
 */
export async function lifecycleChecks(
  ctx: Context,
  fixtures: Fixtures,
  pii: { decision?: string },
): Promise<void> {
  const wallet = fixtures.wallet ?? fixtures.example;
  let events = 0;
  let alive = true;
  /** Issues to the wallet again, which must be refused with that 409 code. */
  const issueAgain = (run: CheckRun, code: string, words: string) =>
    refused(
      run,
      'issuePass',
      'POST',
      `/pass/${wallet.chain}/${wallet.chainNetwork}`,
      { walletAddress: wallet.address },
      code,
      words,
    );
  const info = (id: string, operationId: string, name: string) => ({
    id: `lifecycle.${id}`,
    operationId,
    name,
    writes: true,
    skip: alive ? undefined : 'an earlier lifecycle step failed',
  });
  await ctx.check(
    {
      id: 'lifecycle.absent',
      operationId: 'getPass',
      name: 'getPass of a wallet with no pass answers 404 PASS_NOT_FOUND',
    },
    async (run) => {
      const fresh = { ...wallet, address: ctx.random.wallet(wallet.chain) };
      const exchange = await run.send(jsonProbe('GET', passPath(fresh)), 'getPass', {
        statuses: [404],
      });
      const code = (jsonOf(exchange) as { code?: unknown } | undefined)?.code;
      if (exchange.status === 404 && code !== 'PASS_NOT_FOUND')
        run.fail(`the 404 has code ${String(code)}, expected PASS_NOT_FOUND`);
    },
  );
  await ctx.check(
    info(
      'issue',
      'issuePass',
      'issuePass accepts the issuance (202) and the pass becomes readable and ACTIVE',
    ),
    async (run) => {
      alive = false;
      const exchange = await run.send(
        jsonProbe('POST', `/pass/${wallet.chain}/${wallet.chainNetwork}`, {
          walletAddress: wallet.address,
        }),
        'issuePass',
        {
          statuses: [202],
          mismatch: (got) =>
            `issuePass of ${wallet.address} answered ${got}, expected 202` +
            (got === 409 ? ' (that wallet has or had a pass: use a fresh throwaway wallet)' : ''),
        },
      );
      if (exchange.status !== 202) return;
      const pass = await visible(
        run,
        wallet,
        (p) => p.state === 'ACTIVE',
        'the issued pass as ACTIVE',
        'TOKEN_ISSUED',
        0,
      );
      if (pass) {
        events = eventTypes(pass).length;
        alive = true;
      }
    },
  );
  await ctx.check(
    info(
      'issue-again',
      'issuePass',
      'issuePass to a wallet that holds a pass answers 409 PASS_EXISTS',
    ),
    (run) => issueAgain(run, 'PASS_EXISTS', 'of a wallet that holds a pass'),
  );
  const step = async (
    id: string,
    name: string,
    body: unknown,
    ok: (p: PassView) => boolean,
    words: string,
    event: string,
    state?: string,
  ) => {
    await ctx.check(info(id, 'patchPass', name), async (run) => {
      const before = (await readPass(run, wallet)).pass;
      events = eventTypes(before).length || events;
      if (!(await change(run, 'patchPass', 'PATCH', wallet, body, 200, words))) {
        alive = false;
        return;
      }
      const pass = await visible(run, wallet, ok, `the pass after ${words}`, event, events);
      if (!pass) alive = false;
    });
    if (state !== undefined) {
      await ctx.check(
        info(
          `${id}-listed`,
          'listPass',
          `listPass filtered by state ${state} shows the pass after ${words}`,
        ),
        (run) => listed(run, wallet, state),
      );
    }
  };
  await step(
    'freeze',
    'patchPass freezes the pass: getPass shows FROZEN',
    { state: 'FROZEN' },
    (p) => p.state === 'FROZEN',
    'freeze',
    'TOKEN_FROZEN',
    'FROZEN',
  );
  await step(
    'unfreeze',
    'patchPass unfreezes the pass: getPass shows ACTIVE',
    { state: 'ACTIVE' },
    (p) => p.state === 'ACTIVE',
    'unfreeze',
    'TOKEN_UNFROZEN',
    'ACTIVE',
  );
  const expiry = Math.floor(Date.now() / 1000) + 3600;
  await step(
    'expiry',
    'patchPass sets the expiry: getPass shows expiryTimestamp, state unchanged',
    { expiryTimestamp: expiry },
    (p) => p.expiryTimestamp === expiry && p.state === 'ACTIVE',
    'setting expiryTimestamp',
    'TOKEN_EXPIRY_CHANGED',
  );
  await ctx.check(
    info('revoke', 'deletePass', 'deletePass revokes the pass: getPass shows REVOKED'),
    async (run) => {
      const before = (await readPass(run, wallet)).pass;
      events = eventTypes(before).length || events;
      if (!(await change(run, 'deletePass', 'DELETE', wallet, undefined, 200, 'revoke'))) {
        alive = false;
        return;
      }
      if (
        !(await visible(
          run,
          wallet,
          (p) => p.state === 'REVOKED',
          'the revoked pass as REVOKED',
          'TOKEN_REVOKED',
          events,
        ))
      )
        alive = false;
    },
  );
  await ctx.check(
    info('revoke-final', 'issuePass', 'issuePass after revoke answers 409 PASS_REVOKED'),
    (run) => issueAgain(run, 'PASS_REVOKED', 'after revoke'),
  );
  await ctx.check(
    info('revoke-final', 'patchPass', 'patchPass after revoke answers 409 PASS_REVOKED'),
    (run) =>
      refused(
        run,
        'patchPass',
        'PATCH',
        passPath(wallet),
        { state: 'ACTIVE' },
        'PASS_REVOKED',
        'unfreeze after revoke',
      ),
  );
  await ctx.check(
    info('revoke-final', 'getPass', 'the revoked pass stays REVOKED'),
    async (run) => {
      const { status, pass } = await readPass(run, wallet);
      if (pass?.state !== 'REVOKED') {
        run.fail(
          `the revoked pass came back: getPass answered ${status}${pass ? ` with state ${String(pass.state)}` : ''}`,
        );
      }
    },
  );
  const scope = fixtures.scopeRequestId;
  await ctx.check(
    {
      id: 'lifecycle.pii-decision',
      operationId: 'updatePiiReceipt',
      name: `updatePiiReceipt records ${pii.decision ?? 'a decision'} and getPii shows it`,
      writes: true,
      skip:
        scope === undefined || pii.decision === undefined
          ? 'needs --scope-request-id and --pii-decision'
          : undefined,
    },
    async (run) => {
      const path = `/piirequest/${encodeURIComponent(String(scope))}`;
      const exchange = await run.send(
        jsonProbe('PUT', `${path}/status`, { status: pii.decision }),
        'updatePiiReceipt',
        {
          statuses: [200],
          validRequest: true,
        },
      );
      if (exchange.status !== 200) return;
      let last: unknown;
      await run.settle(
        async () => {
          const read = await run.send(jsonProbe('GET', path), 'getPii');
          last = (jsonOf(read) as { status?: unknown } | undefined)?.status;
          return last === pii.decision || undefined;
        },
        () => `getPii never showed the decision ${pii.decision} (last status: ${String(last)})`,
      );
    },
  );
}
