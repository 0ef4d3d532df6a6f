/**
 * The listing checks (src/conformance/checks/listing.ts) against the sandbox and against broken
 * variants of it: each defect fails the check that should catch it, with its exact message.
 */
import { describe, expect, it } from 'vitest';
import {
  type Defect,
  jsonAnswer,
  type ProxyAnswer,
  type ProxyRequest,
} from '../support/defect-proxy.js';
import {
  bodyOf,
  isList,
  notPassed,
  resultOf,
  rewrite,
  runChecks,
  sent,
  WALLET,
} from './checks-harness.js';

const LISTING = { only: ['listing'], allowWrites: true, wallet: WALLET };
const WAITED = '(waited the settle time, 0.06 s)';
// The wallets the runner generates with seed 11, in order: issued-shows, frozen, revoked.
const OWN = [
  '0xd87d49a6c7d81fc0743960827f02721acdee43ec',
  '0x0fc1a481377cf4922fe8e08bd59425088ad4713e',
  '0x43f4e18a5792578ba8f07d7709f72ddea430d4ed',
] as const;
const [FIRST, FROZEN, REVOKED] = OWN;
// Their pass ids in the sandbox (seed 1), as the paging messages name them.
const IDS: Record<string, string> = {
  [FIRST]: 'a08ff49b6f772632716c4306',
  [FROZEN]: '4e42a851214aa1883c4ffd02',
  [REVOKED]: 'a11d2b4a48e112a086c41ff0',
};
const id = (wallet: string) => `${IDS[wallet]} ethereum/sepolia/${wallet}`;
const CHECKS = [
  'listing.issued-shows listPass',
  'listing.paging listPass',
  'listing.limit listPass',
  'listing.filter-wallet listPass',
  'listing.change-shows patchPass',
  'listing.filter-state listPass',
  'listing.change-shows deletePass',
  'listing.cleanup deletePass',
];

type Filter = { state?: string; walletAddress?: string };
/** The body of a list request. */
const listBody = (r: ProxyRequest) =>
  bodyOf(r) as { limit?: number; skip?: number; filter?: Filter } | undefined;
/** A list request without a filter (the paging check's). */
const unfiltered = (r: ProxyRequest, limit: number) =>
  isList(r) && listBody(r)?.limit === limit && Object.keys(listBody(r)?.filter ?? {}).length === 0;
const records = (page: Record<string, unknown>) => page.records as Record<string, unknown>[];
/** Changes the records of list answers to requests `when` accepts. */
const listed = (
  when: (r: ProxyRequest) => boolean,
  change: (records: Record<string, unknown>[], r: ProxyRequest) => unknown[],
): Defect => ({
  answer(r, a) {
    if (isList(r) && when(r))
      rewrite(a, (page) => {
        page.records = change(records(page), r);
      });
  },
});
/** Answers list requests `when` accepts with `answer`. */
const answering = (when: (r: ProxyRequest) => boolean, answer: () => ProxyAnswer): Defect => ({
  request: (r) => (isList(r) && when(r) ? answer() : undefined),
});
const BOOM = () => jsonAnswer(500, { code: 'INTERNAL', message: 'boom' });
const SERVER_ERROR = (id: string) =>
  `response.server-error: ${id} answered 500: {"code":"INTERNAL","message":"boom"}`;

describe('listing checks on the sandbox', () => {
  it('pass, with the requests each check needs', async () => {
    const run = await runChecks(LISTING);
    expect(run.results.map((r) => `${r.id} ${r.operationId} ${r.outcome}`)).toEqual(
      CHECKS.map((c) => `${c} passed`),
    );
    expect(run.results.map((r) => r.name)).toEqual([
      '3 passes just issued show in listPass, ACTIVE once confirmed',
      'pages of 2 return each record exactly once, as pages of 100 do',
      'limit is honoured: a full page has exactly limit records',
      "filter.walletAddress returns exactly that wallet's passes",
      'a freeze shows in listPass within the settle time',
      'filter.state returns exactly the passes in that state',
      'a revoke shows in listPass within the settle time',
      "deletePass revokes the runner's other listing passes (FROZEN and ACTIVE)",
    ]);
    const list = (body: unknown) => `POST /partner/pass ${JSON.stringify(body)}`;
    const byWallet = (w: string) => list({ limit: 100, skip: 0, filter: { walletAddress: w } });
    const pass = (w: string) => `/partner/pass/ethereum/sepolia/${w}`;
    expect(sent(run)).toEqual([
      ...OWN.map((w) => `POST /partner/pass/ethereum/sepolia {"walletAddress":"${w}"}`),
      ...OWN.map(byWallet),
      list({ limit: 100, skip: 0, filter: {} }),
      list({ limit: 2, skip: 0 }),
      list({ limit: 2, skip: 2 }),
      list({ limit: 1, skip: 0 }),
      list({ limit: 2, skip: 0 }),
      byWallet(FIRST),
      `PATCH ${pass(FROZEN)} {"state":"FROZEN"}`,
      byWallet(FROZEN),
      list({ limit: 100, skip: 0, filter: { state: 'FROZEN' } }),
      list({ limit: 100, skip: 0, filter: { state: 'ACTIVE' } }),
      list({ limit: 100, skip: 0, filter: { state: 'ACTIVE' } }),
      `DELETE ${pass(REVOKED)}`,
      byWallet(REVOKED),
      `DELETE ${pass(FIRST)}`,
      `GET ${pass(FIRST)}`,
      `DELETE ${pass(FROZEN)}`,
      `GET ${pass(FROZEN)}`,
    ]);
  });

  it('change state: skipped without allowWrites', async () => {
    const run = await runChecks({ only: ['listing'] });
    expect(new Set(run.results.map((r) => `${r.outcome}: ${r.reason}`))).toEqual(
      new Set([
        'skipped: changes state: run with --allow-writes --wallet <chain>/<network>/<address>',
      ]),
    );
    expect(run.results).toHaveLength(8);
  });

  it('pages through more than 100 passes, starting the small pages at its own', async () => {
    // A list of 98 other passes before the sandbox's own, served by the proxy.
    const others = (like: Record<string, unknown>) =>
      Array.from({ length: 98 }, (_, n) => ({
        ...like,
        id: `other-${n}`,
        walletAddress: `0x${(n + 1).toString(16).padStart(40, '0')}`,
      }));
    const run = await runChecks(LISTING, {
      async request(r, s) {
        const body = listBody(r);
        if (!isList(r) || (body?.filter !== undefined && Object.keys(body.filter).length > 0))
          return undefined;
        const all = await s.forward({
          ...r,
          body: JSON.stringify({ limit: 100, skip: 0 }),
        });
        const real = records(JSON.parse(all.body) as Record<string, unknown>);
        const list = [...others(real[0] as Record<string, unknown>), ...real];
        const skip = body?.skip ?? 0;
        return jsonAnswer(200, { records: list.slice(skip, skip + (body?.limit ?? 10)) });
      },
    });
    expect(notPassed(run)).toEqual([]);
    const lists = sent(run).filter((line) => /"skip":[1-9]|filter":\{\}/.test(line));
    expect(lists).toEqual([
      'POST /partner/pass {"limit":100,"skip":0,"filter":{}}',
      'POST /partner/pass {"limit":100,"skip":100,"filter":{}}',
      'POST /partner/pass {"limit":2,"skip":98}',
      'POST /partner/pass {"limit":2,"skip":100}',
    ]);
  });
});

describe('listing.issued-shows', () => {
  it('fails a 500 to an issuance and skips the other checks', async () => {
    const run = await runChecks(LISTING, {
      request: (r) =>
        r.method === 'POST' && r.url.startsWith('/partner/pass/') ? BOOM() : undefined,
    });
    expect(notPassed(run)).toEqual([
      [
        'listing.issued-shows listPass failed',
        ['expected status 202, got 500', SERVER_ERROR('issuePass')],
      ],
      ...CHECKS.slice(1).map((c) => [`${c} skipped`, []]),
    ]);
    expect(run.results[1]?.reason).toBe('the listing wallets could not be issued');
    expect(sent(run)).toHaveLength(1);
  });

  it('fails passes that never show ACTIVE, and passes never listed', async () => {
    const requested = await runChecks(LISTING, {}, { confirmationDelayMs: 3_600_000 });
    expect(notPassed(requested)[0]).toEqual([
      'listing.issued-shows listPass failed',
      [
        `listPass never showed the issued pass as ACTIVE of ${FIRST} (last: state REQUESTED) ${WAITED}`,
      ],
    ]);
    expect(notPassed(requested).slice(1)).toEqual(CHECKS.slice(1).map((c) => [`${c} skipped`, []]));
    const unlisted = await runChecks(
      { ...LISTING, only: ['listing.issued-shows'] },
      listed(
        () => true,
        () => [],
      ),
    );
    expect(notPassed(unlisted)).toEqual([
      [
        'listing.issued-shows listPass failed',
        [
          `listPass never showed the issued pass as ACTIVE of ${FIRST} (last: not listed) ${WAITED}`,
        ],
      ],
    ]);
  });

  it('fails a list that answers 500', async () => {
    const run = await runChecks(
      { ...LISTING, only: ['listing.issued-shows'] },
      answering(() => true, BOOM),
    );
    expect(notPassed(run)).toEqual([
      [
        'listing.issued-shows listPass failed',
        [
          SERVER_ERROR('listPass'),
          `listPass never showed the issued pass as ACTIVE of ${FIRST} (last: not listed) ${WAITED}`,
        ],
      ],
    ]);
  });
});

describe('listing.paging', () => {
  const PAGING = { ...LISTING, only: ['listing.issued-shows', 'listing.paging'] };
  const paging = (run: Awaited<ReturnType<typeof runChecks>>) =>
    resultOf(run, 'listing.paging', 'listPass').violations;

  it('fails when the pages of 100 fail', async () => {
    const run = await runChecks(
      PAGING,
      answering((r) => unfiltered(r, 100), BOOM),
    );
    expect(paging(run)).toEqual([SERVER_ERROR('listPass'), 'listPass with pages of 100 failed']);
  });

  it('fails pages of 100 that repeat a pass', async () => {
    const run = await runChecks(
      PAGING,
      listed(
        (r) => unfiltered(r, 100),
        (list) => [...list, list[0]],
      ),
    );
    expect(paging(run)).toEqual([
      `pages of 100 return the pass of ${FIRST} 2 times, expected once`,
    ]);
  });

  it('fails small pages that repeat a pass, naming it once', async () => {
    const run = await runChecks(
      PAGING,
      listed(
        (r) => unfiltered(r, 2),
        (list) => [list[0], list[0], list[0]].filter(Boolean).slice(0, 2),
      ),
    );
    expect(paging(run)).toEqual([
      `pages of 2 from skip 0 repeat records: ${id(FIRST)}; ${id(REVOKED)}`,
      `pages of 2 from skip 0 lose records: ${id(FROZEN)}`,
      `pages of 2 return the pass of ${FIRST} 2 times, expected once`,
      `pages of 2 return the pass of ${FROZEN} 0 times, expected once`,
      `pages of 2 return the pass of ${REVOKED} 2 times, expected once`,
    ]);
  });

  it('fails small pages that lose a record the large ones have', async () => {
    const run = await runChecks(
      PAGING,
      listed(
        (r) => unfiltered(r, 100),
        (list) => [...list, {}, { id: 'x' }],
      ),
    );
    expect(paging(run)).toContain(
      'pages of 2 from skip 0 lose records: undefined undefined/undefined/undefined; x undefined/undefined/undefined',
    );
  });

  it.each([
    ['a 500', BOOM, ['expected status 200, got 500', SERVER_ERROR('listPass')]],
    [
      'a refusal with records',
      () => jsonAnswer(400, { code: 'INVALID', message: 'no', records: [] }),
      ['expected status 200, got 400'],
    ],
    [
      'a body that is not JSON',
      () => ({ status: 200, headers: {}, body: 'records' }),
      [
        'response.content-type: content type (none) is not documented for listPass 200 (documented: application/json)',
      ],
    ],
    [
      'a body without records',
      () => jsonAnswer(200, {}),
      ['response.schema: body lacks the required property "records"'],
    ],
  ])('stops at a small page that is %s', async (_words, answer, violations) => {
    const run = await runChecks(
      PAGING,
      answering((r) => unfiltered(r, 2), answer),
    );
    expect(paging(run)).toEqual(violations);
  });

  it('fails records without a chain', async () => {
    const run = await runChecks(
      PAGING,
      listed(
        (r) => unfiltered(r, 100) || unfiltered(r, 2),
        (list) => list.map(({ chain: _chain, ...rest }) => rest),
      ),
    );
    const times = (size: number) =>
      OWN.map((w) => `pages of ${size} return the pass of ${w} 0 times, expected once`);
    expect(paging(run)).toEqual([
      ...[0, 1, 2].map(
        (n) => `response.schema: body/records/${n} lacks the required property "chain"`,
      ),
      ...times(100),
      ...times(2),
    ]);
  });
});

describe('listing checks after the issuance', () => {
  const withIssued = (check: string, defect: Defect) =>
    runChecks({ ...LISTING, only: ['listing.issued-shows', check] }, defect);
  const byWallet = (r: ProxyRequest) => listBody(r)?.filter?.walletAddress === FIRST;
  const byState = (state: string) => (r: ProxyRequest) =>
    listBody(r)?.filter?.state === state && listBody(r)?.filter?.walletAddress === undefined;

  it('listing.limit fails a page longer than the limit', async () => {
    const run = await withIssued('listing.limit', {
      request(r) {
        if (isList(r) && listBody(r)?.limit === 1) r.body = JSON.stringify({ limit: 3, skip: 0 });
        return undefined;
      },
    });
    expect(notPassed(run)).toEqual([
      [
        'listing.limit listPass failed',
        ['limit 1 returned 3 records (the account has at least 3)'],
      ],
    ]);
  });

  it('listing.filter-wallet fails other wallets, and its own pass twice', async () => {
    const others = await withIssued(
      'listing.filter-wallet',
      listed(byWallet, (list) => [
        ...list,
        { ...list[0], walletAddress: FROZEN },
        { ...list[0], walletAddress: REVOKED },
      ]),
    );
    expect(notPassed(others)).toEqual([
      [
        'listing.filter-wallet listPass failed',
        [`filter.walletAddress ${FIRST} also returned 2 passes of other wallets (e.g. ${FROZEN})`],
      ],
    ]);
    const twice = await withIssued(
      'listing.filter-wallet',
      listed(byWallet, (list) => [...list, ...list]),
    );
    expect(notPassed(twice)).toEqual([
      [
        'listing.filter-wallet listPass failed',
        [`filter.walletAddress ${FIRST} did not return its pass exactly once`],
      ],
    ]);
  });

  it('listing.filter-wallet fails a list that answers 500', async () => {
    let lists = 0;
    const run = await withIssued(
      'listing.filter-wallet',
      // The second such list: issued-shows reads the first.
      answering((r) => byWallet(r) && ++lists === 2, BOOM),
    );
    expect(resultOf(run, 'listing.filter-wallet', 'listPass').violations).toEqual([
      SERVER_ERROR('listPass'),
    ]);
  });

  it('listing.change-shows fails a 500 to the freeze and a freeze that never shows', async () => {
    const boom = await withIssued('listing.change-shows', {
      request: (r) => (r.method === 'PATCH' ? BOOM() : undefined),
    });
    expect(resultOf(boom, 'listing.change-shows', 'patchPass').violations).toEqual([
      'expected status 200, got 500',
      SERVER_ERROR('patchPass'),
    ]);
    const never = await withIssued('listing.change-shows', {
      request(r) {
        if (r.method === 'PATCH') r.body = JSON.stringify({ state: 'ACTIVE' });
        return undefined;
      },
    });
    expect(resultOf(never, 'listing.change-shows', 'patchPass').violations).toEqual([
      `listPass never showed the frozen pass as FROZEN of ${FROZEN} (last: state ACTIVE) ${WAITED}`,
    ]);
  });

  it('listing.change-shows fails a 500 to the revoke and a revoke that never shows', async () => {
    const boom = await withIssued('listing.change-shows', {
      request: (r) => (r.method === 'DELETE' ? BOOM() : undefined),
    });
    expect(resultOf(boom, 'listing.change-shows', 'deletePass').violations).toEqual([
      'expected status 200, got 500',
      SERVER_ERROR('deletePass'),
    ]);
    const never = await withIssued('listing.change-shows', {
      request: (r) => (r.method === 'DELETE' ? { status: 200, headers: {}, body: '' } : undefined),
    });
    expect(resultOf(never, 'listing.change-shows', 'deletePass').violations).toEqual([
      `listPass never showed the revoked pass as REVOKED of ${REVOKED} (last: state ACTIVE) ${WAITED}`,
    ]);
  });

  const FILTER_STATE = ['listing.issued-shows', 'listing.change-shows', 'listing.filter-state'];
  const filterState = (defect: Defect) =>
    runChecks({ ...LISTING, only: FILTER_STATE }, defect).then(
      (run) => resultOf(run, 'listing.filter-state', 'listPass').violations,
    );

  it('listing.filter-state fails a filter that lacks the pass, or includes another state', async () => {
    expect(await filterState(listed(byState('FROZEN'), () => []))).toEqual([
      `filter.state FROZEN lacks the FROZEN pass of ${FROZEN}`,
    ]);
    expect(
      await filterState(
        listed(byState('ACTIVE'), (list) => [
          ...list,
          { ...list[0], walletAddress: FROZEN, state: 'ACTIVE' },
        ]),
      ),
    ).toEqual([`filter.state ACTIVE includes the FROZEN pass of ${FROZEN}`]);
    expect(
      await filterState(
        listed(byState('ACTIVE'), (list) =>
          list.map((p) => (p.walletAddress === FIRST ? { ...p, walletAddress: REVOKED } : p)),
        ),
      ),
    ).toEqual([`filter.state ACTIVE lacks the ACTIVE pass of ${FIRST}`]);
  });

  it('listing.filter-state fails a pass in another state, and stops at a list that fails', async () => {
    expect(
      await filterState(
        listed(byState('FROZEN'), (list) => [
          ...list,
          { ...list[0], walletAddress: FIRST, state: 'ACTIVE' },
        ]),
      ),
    ).toEqual([`filter.state FROZEN returned a ACTIVE pass (${FIRST})`]);
    expect(await filterState(answering(byState('FROZEN'), BOOM))).toEqual([
      SERVER_ERROR('listPass'),
    ]);
  });

  it('listing.cleanup fails a pass that is not REVOKED after deletePass, or not readable', async () => {
    const cleanup = (defect: Defect) =>
      runChecks({ ...LISTING, only: ['listing.issued-shows', 'listing.cleanup'] }, defect).then(
        (run) => resultOf(run, 'listing.cleanup', 'deletePass').violations,
      );
    expect(
      await cleanup({
        request: (r) =>
          r.method === 'DELETE' ? { status: 200, headers: {}, body: '' } : undefined,
      }),
    ).toEqual([
      `after deletePass, getPass shows ACTIVE for ${FIRST}`,
      `after deletePass, getPass shows ACTIVE for ${FROZEN}`,
    ]);
    expect(
      await cleanup({
        request: (r) =>
          r.method === 'GET'
            ? jsonAnswer(404, { code: 'PASS_NOT_FOUND', message: 'no' })
            : undefined,
      }),
    ).toEqual([
      `after deletePass, getPass shows undefined for ${FIRST}`,
      `after deletePass, getPass shows undefined for ${FROZEN}`,
    ]);
    expect(await cleanup({ request: (r) => (r.method === 'DELETE' ? BOOM() : undefined) })).toEqual(
      [
        'expected status 200, got 500',
        SERVER_ERROR('deletePass'),
        `after deletePass, getPass shows ACTIVE for ${FIRST}`,
        `after deletePass, getPass shows ACTIVE for ${FROZEN}`,
      ],
    );
  });
});
