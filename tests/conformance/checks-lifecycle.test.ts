/**
 * The lifecycle checks (src/conformance/checks/lifecycle.ts) against the sandbox and against
 * broken variants of it: each defect fails the step that should catch it, with its exact
 * message, and the steps after a failed one are skipped.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/conformance/index.js';
import { jsonAnswer, type ProxyAnswer, type ProxyRequest } from '../support/defect-proxy.js';
import {
  bodyOf,
  isList,
  isPassRead,
  notPassed,
  resultOf,
  rewrite,
  runChecks,
  sent,
  WALLET,
} from './checks-harness.js';

const LIFECYCLE = { only: ['lifecycle'], allowWrites: true, wallet: WALLET };
const PASS_URL = `/partner/pass/ethereum/sepolia/${WALLET.address}`;
const ISSUE_URL = '/partner/pass/ethereum/sepolia';
const WAITED = '(waited the settle time, 0.06 s)';
const SKIPPED = 'an earlier lifecycle step failed';
const SCOPE = 'conformance-pii';

/** The outcome of each lifecycle check, in order. */
const outcomes = (run: { results: CheckResult[] }) =>
  run.results.map((r) => `${r.id} ${r.operationId} ${r.outcome}`);

const ALL = [
  'lifecycle.absent getPass',
  'lifecycle.issue issuePass',
  'lifecycle.issue-again issuePass',
  'lifecycle.freeze patchPass',
  'lifecycle.freeze-listed listPass',
  'lifecycle.unfreeze patchPass',
  'lifecycle.unfreeze-listed listPass',
  'lifecycle.expiry patchPass',
  'lifecycle.revoke deletePass',
  'lifecycle.revoke-final issuePass',
  'lifecycle.revoke-final patchPass',
  'lifecycle.revoke-final getPass',
];

/** Every check passed up to `failed` (which failed), the rest skipped by the earlier failure. */
function expectStopped(run: Parameters<typeof outcomes>[0], failed: string) {
  const at = ALL.indexOf(failed);
  expect(outcomes(run)).toEqual([
    ...ALL.map((c, i) => `${c} ${i < at ? 'passed' : i === at ? 'failed' : 'skipped'}`),
    'lifecycle.pii-decision updatePiiReceipt skipped',
  ]);
  for (const r of run.results.slice(at + 1, -1)) expect(r.reason).toBe(SKIPPED);
}

/** Changes the events of every pass read. */
const events = (change: (events: { eventType: string }[]) => { eventType: string }[]) => ({
  answer(r: ProxyRequest, a: ProxyAnswer) {
    if (isPassRead(r))
      rewrite(a, (pass) => {
        pass.events = change(pass.events as { eventType: string }[]);
      });
  },
});

/** Counts requests matching `test` in the proxy's memory and answers the `nth` (1-based). */
function nth(
  test: (r: ProxyRequest) => boolean,
  n: number,
  answer: (r: ProxyRequest) => ProxyAnswer | Promise<ProxyAnswer>,
) {
  let count = 0;
  return {
    request(r: ProxyRequest) {
      if (!test(r)) return undefined;
      count += 1;
      return count === n ? answer(r) : undefined;
    },
  };
}

describe('lifecycle checks on the sandbox', () => {
  it('pass in order with the requests each step needs; the PII decision is skipped without a scope', async () => {
    const run = await runChecks(LIFECYCLE);
    expect(outcomes(run)).toEqual([
      ...ALL.map((c) => `${c} passed`),
      'lifecycle.pii-decision updatePiiReceipt skipped',
    ]);
    expect(run.results.at(-1)?.reason).toBe('needs --scope-request-id and --pii-decision');
    expect(run.results.map((r) => r.name)).toEqual([
      'getPass of a wallet with no pass answers 404 PASS_NOT_FOUND',
      'issuePass accepts the issuance (202) and the pass becomes readable and ACTIVE',
      'issuePass to a wallet that holds a pass answers 409 PASS_EXISTS',
      'patchPass freezes the pass: getPass shows FROZEN',
      'listPass filtered by state FROZEN shows the pass after freeze',
      'patchPass unfreezes the pass: getPass shows ACTIVE',
      'listPass filtered by state ACTIVE shows the pass after unfreeze',
      'patchPass sets the expiry: getPass shows expiryTimestamp, state unchanged',
      'deletePass revokes the pass: getPass shows REVOKED',
      'issuePass after revoke answers 409 PASS_REVOKED',
      'patchPass after revoke answers 409 PASS_REVOKED',
      'the revoked pass stays REVOKED',
      'updatePiiReceipt records a decision and getPii shows it',
    ]);
    const expiry = sent(run)
      .map((line) => /"expiryTimestamp":(\d+)/.exec(line)?.[1])
      .find(Boolean);
    expect(Number(expiry) - Date.now() / 1000).toBeGreaterThan(3500);
    expect(Number(expiry) - Date.now() / 1000).toBeLessThan(3601);
    expect(run.results.at(-1)?.name).toBe(
      'updatePiiReceipt records a decision and getPii shows it',
    );
    const issue = JSON.stringify({ walletAddress: WALLET.address });
    const list = (state: string) =>
      `POST /partner/pass ${JSON.stringify({ limit: 100, skip: 0, filter: { state, walletAddress: WALLET.address } })}`;
    expect(sent(run).map((line) => line.replace(/(?<="expiryTimestamp":)\d+/, 'T'))).toEqual([
      expect.stringMatching(/^GET \/partner\/pass\/ethereum\/sepolia\/0x[0-9a-f]{40}$/),
      `POST ${ISSUE_URL} ${issue}`,
      `GET ${PASS_URL}`,
      `POST ${ISSUE_URL} ${issue}`,
      `GET ${PASS_URL}`,
      `PATCH ${PASS_URL} {"state":"FROZEN"}`,
      `GET ${PASS_URL}`,
      list('FROZEN'),
      `GET ${PASS_URL}`,
      `PATCH ${PASS_URL} {"state":"ACTIVE"}`,
      `GET ${PASS_URL}`,
      list('ACTIVE'),
      `GET ${PASS_URL}`,
      `PATCH ${PASS_URL} {"expiryTimestamp":T}`,
      `GET ${PASS_URL}`,
      `GET ${PASS_URL}`,
      `DELETE ${PASS_URL}`,
      `GET ${PASS_URL}`,
      `POST ${ISSUE_URL} ${issue}`,
      `PATCH ${PASS_URL} {"state":"ACTIVE"}`,
      `GET ${PASS_URL}`,
    ]);
  });

  it('count an event as appended whether only <EVENT>_INITIATED or only <EVENT> shows', async () => {
    const initiated = await runChecks(
      LIFECYCLE,
      events((list) => list.filter((e) => e.eventType.endsWith('_INITIATED'))),
    );
    expect(notPassed(initiated)).toEqual([['lifecycle.pii-decision updatePiiReceipt skipped', []]]);
    const confirmed = await runChecks(
      LIFECYCLE,
      events((list) => list.filter((e) => !e.eventType.endsWith('_INITIATED'))),
    );
    expect(notPassed(confirmed)).toEqual([['lifecycle.pii-decision updatePiiReceipt skipped', []]]);
  });

  it('wait for an event that shows after the state', async () => {
    let frozen = false;
    let hidden = false;
    const run = await runChecks(
      { ...LIFECYCLE, only: ['lifecycle.issue', 'lifecycle.freeze'] },
      {
        answer(r, a) {
          if (r.method === 'PATCH') frozen = true;
          if (!frozen || hidden || !isPassRead(r)) return;
          hidden = true;
          rewrite(a, (pass) => {
            pass.events = (pass.events as { eventType: string }[]).filter(
              (e) => !e.eventType.startsWith('TOKEN_FROZEN'),
            );
          });
        },
      },
    );
    expect(outcomes(run)).toEqual([
      'lifecycle.issue issuePass passed',
      'lifecycle.freeze patchPass passed',
    ]);
    expect(sent(run).filter((line) => line === `GET ${PASS_URL}`)).toHaveLength(4);
  });
});

describe('lifecycle.absent', () => {
  const absent = (answer: ProxyAnswer) =>
    runChecks(
      { ...LIFECYCLE, only: ['lifecycle.absent'] },
      {
        request: (r) => (isPassRead(r) ? answer : undefined),
      },
    );

  it('fails a 200 for a wallet with no pass', async () => {
    const pass = await runChecks({ ...LIFECYCLE, only: ['lifecycle.issue'] });
    expect(pass.ok).toBe(true);
    const run = await absent(
      jsonAnswer(200, {
        id: 'p-1',
        chain: { type: 'ethereum', network: 'sepolia' },
        gatekeeperNetwork: 'tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf',
        walletAddress: WALLET.address,
        events: [],
        onChainState: 'ACTIVE',
        state: 'ACTIVE',
      }),
    );
    expect(notPassed(run)).toEqual([
      ['lifecycle.absent getPass failed', ['expected status 404, got 200']],
    ]);
  });

  it('fails a 404 with another code, and one without a JSON body', async () => {
    const other = await absent(jsonAnswer(404, { code: 'NOT_FOUND', message: 'no pass' }));
    expect(notPassed(other)).toEqual([
      ['lifecycle.absent getPass failed', ['the 404 has code NOT_FOUND, expected PASS_NOT_FOUND']],
    ]);
    const text = await absent({
      status: 404,
      headers: { 'content-type': 'text/plain' },
      body: 'nothing',
    });
    expect(notPassed(text)).toEqual([
      [
        'lifecycle.absent getPass failed',
        [
          'response.error-body: getPass answered 404 without an error body { code, message }: nothing',
          'response.content-type: content type text/plain is not documented for getPass 404 (documented: application/json)',
          'the 404 has code undefined, expected PASS_NOT_FOUND',
        ],
      ],
    ]);
  });
});

describe('lifecycle.issue', () => {
  it('fails a 500 and skips every later step', async () => {
    const run = await runChecks(LIFECYCLE, {
      request: (r) =>
        r.method === 'POST' && r.url === ISSUE_URL
          ? jsonAnswer(500, { code: 'INTERNAL', message: 'boom' })
          : undefined,
    });
    expectStopped(run, 'lifecycle.issue issuePass');
    expect(resultOf(run, 'lifecycle.issue', 'issuePass').violations).toEqual([
      `issuePass of ${WALLET.address} answered 500, expected 202`,
      'response.server-error: issuePass answered 500: {"code":"INTERNAL","message":"boom"}',
    ]);
    expect(sent(run).slice(1)).toEqual([
      `POST ${ISSUE_URL} ${JSON.stringify({ walletAddress: WALLET.address })}`,
    ]);
  });

  it('fails a 409 with a hint to use a fresh wallet', async () => {
    const run = await runChecks(LIFECYCLE, {
      request: (r) =>
        r.method === 'POST' && r.url === ISSUE_URL
          ? jsonAnswer(409, { code: 'PASS_EXISTS', message: 'exists' })
          : undefined,
    });
    expectStopped(run, 'lifecycle.issue issuePass');
    expect(resultOf(run, 'lifecycle.issue', 'issuePass').violations).toEqual([
      `issuePass of ${WALLET.address} answered 409, expected 202 (that wallet has or had a pass: use a fresh throwaway wallet)`,
    ]);
  });

  it('fails a pass that never becomes ACTIVE', async () => {
    const run = await runChecks(LIFECYCLE, {}, { confirmationDelayMs: 3_600_000 });
    expectStopped(run, 'lifecycle.issue issuePass');
    expect(resultOf(run, 'lifecycle.issue', 'issuePass').violations).toEqual([
      `getPass never showed the issued pass as ACTIVE (last: 200 state REQUESTED) ${WAITED}`,
    ]);
  });

  it('judges each read of the pass: a pass without a required property', async () => {
    const run = await runChecks(
      { ...LIFECYCLE, only: ['lifecycle.issue'] },
      {
        answer(r, a) {
          if (isPassRead(r)) rewrite(a, (pass) => delete pass.gatekeeperNetwork);
        },
      },
    );
    expect(notPassed(run)).toEqual([
      [
        'lifecycle.issue issuePass failed',
        ['response.schema: body lacks the required property "gatekeeperNetwork"'],
      ],
    ]);
  });

  it('fails a pass without events, and one whose events hold a null', async () => {
    const none = await runChecks(
      { ...LIFECYCLE, only: ['lifecycle.issue'] },
      {
        answer(r, a) {
          if (isPassRead(r)) rewrite(a, (pass) => delete pass.events);
        },
      },
    );
    expect(notPassed(none)).toEqual([
      [
        'lifecycle.issue issuePass failed',
        [
          'response.schema: body lacks the required property "events"',
          `the issued pass as ACTIVE: no TOKEN_ISSUED_INITIATED or TOKEN_ISSUED event was appended (events: none) ${WAITED}`,
        ],
      ],
    ]);
    const nulls = await runChecks(
      { ...LIFECYCLE, only: ['lifecycle.issue'] },
      events((list) => [null as unknown as { eventType: string }, ...list]),
    );
    expect(notPassed(nulls)).toEqual([
      ['lifecycle.issue issuePass failed', ['response.schema: body/events/0 must be object']],
    ]);
  });
});

describe('lifecycle.issue-again and revoke-final: the 409 codes', () => {
  const second = (answer: (r: ProxyRequest) => ProxyAnswer | Promise<ProxyAnswer>) =>
    runChecks(
      { ...LIFECYCLE, only: ['lifecycle.issue', 'lifecycle.issue-again'] },
      nth((r) => r.method === 'POST' && r.url === ISSUE_URL, 2, answer),
    );

  it('fails another code, a 409 without JSON, and an acceptance', async () => {
    const code = await second(() => jsonAnswer(409, { code: 'PASS_REVOKED', message: 'gone' }));
    expect(notPassed(code)).toEqual([
      [
        'lifecycle.issue-again issuePass failed',
        ['issuePass of a wallet that holds a pass: error code PASS_REVOKED, expected PASS_EXISTS'],
      ],
    ]);
    const text = await second(() => ({
      status: 409,
      headers: { 'content-type': 'text/plain' },
      body: 'conflict',
    }));
    expect(notPassed(text)).toEqual([
      [
        'lifecycle.issue-again issuePass failed',
        [
          'response.error-body: issuePass answered 409 without an error body { code, message }: conflict',
          'response.content-type: content type text/plain is not documented for issuePass 409 (documented: application/json)',
          'issuePass of a wallet that holds a pass: error code undefined, expected PASS_EXISTS',
        ],
      ],
    ]);
  });

  it('fails an issuance after revoke that is accepted, and a patch after revoke that is', async () => {
    let revoked = false;
    const run = await runChecks(LIFECYCLE, {
      async request(r, s) {
        if (r.method === 'DELETE') revoked = true;
        if (!revoked || (r.method !== 'PATCH' && r.method !== 'POST')) return undefined;
        const pass = await s.forward({ ...r, method: 'GET', url: PASS_URL, body: '' });
        return { ...pass, status: r.method === 'POST' ? 202 : 200 };
      },
    });
    expect(notPassed(run)).toEqual([
      [
        'lifecycle.revoke-final issuePass failed',
        ['issuePass after revoke answered 202, expected 409 PASS_REVOKED'],
      ],
      [
        'lifecycle.revoke-final patchPass failed',
        [
          'patchPass unfreeze after revoke answered 200, expected 409 PASS_REVOKED',
          // The pass the proxy answered is not the body of a patch.
          'response.schema: body lacks the required property "status"',
        ],
      ],
      ['lifecycle.pii-decision updatePiiReceipt skipped', []],
    ]);
  });

  it('fails a revoked pass that reads 404', async () => {
    let revoked = 0;
    const run = await runChecks(LIFECYCLE, {
      request(r) {
        if (r.method === 'DELETE') revoked = 1;
        else if (revoked > 0 && isPassRead(r) && ++revoked > 2)
          return jsonAnswer(404, { code: 'PASS_NOT_FOUND', message: 'no pass' });
        return undefined;
      },
    });
    expect(notPassed(run)).toEqual([
      [
        'lifecycle.revoke-final getPass failed',
        ['the revoked pass came back: getPass answered 404'],
      ],
      ['lifecycle.pii-decision updatePiiReceipt skipped', []],
    ]);
  });
});

describe('lifecycle steps: freeze, unfreeze, expiry, revoke', () => {
  it('a 500 to the freeze fails it and skips every later step', async () => {
    const run = await runChecks(LIFECYCLE, {
      request: (r) =>
        r.method === 'PATCH' ? jsonAnswer(500, { code: 'INTERNAL', message: 'boom' }) : undefined,
    });
    expectStopped(run, 'lifecycle.freeze patchPass');
    expect(resultOf(run, 'lifecycle.freeze', 'patchPass').violations).toEqual([
      'patchPass freeze answered 500, expected 200',
      'response.server-error: patchPass answered 500: {"code":"INTERNAL","message":"boom"}',
    ]);
  });

  it('a freeze that never shows fails and skips every later step', async () => {
    const run = await runChecks(LIFECYCLE, {
      request(r) {
        if (r.method === 'PATCH' && bodyOf(r)?.state === 'FROZEN')
          r.body = JSON.stringify({ state: 'ACTIVE' });
        return undefined;
      },
    });
    expectStopped(run, 'lifecycle.freeze patchPass');
    expect(resultOf(run, 'lifecycle.freeze', 'patchPass').violations).toEqual([
      `getPass never showed the pass after freeze (last: 200 state ACTIVE) ${WAITED}`,
    ]);
  });

  it('an unfreeze that never shows fails', async () => {
    const run = await runChecks(LIFECYCLE, {
      request(r) {
        if (r.method === 'PATCH' && bodyOf(r)?.state === 'ACTIVE')
          r.body = JSON.stringify({ state: 'FROZEN' });
        return undefined;
      },
    });
    expectStopped(run, 'lifecycle.unfreeze patchPass');
    expect(resultOf(run, 'lifecycle.unfreeze', 'patchPass').violations).toEqual([
      `getPass never showed the pass after unfreeze (last: 200 state FROZEN) ${WAITED}`,
    ]);
  });

  it('an expiry that changes the state fails', async () => {
    let expired = false;
    const run = await runChecks(LIFECYCLE, {
      request(r) {
        if (r.method === 'PATCH' && bodyOf(r)?.expiryTimestamp !== undefined) expired = true;
        return undefined;
      },
      answer(r, a) {
        if (expired && isPassRead(r))
          rewrite(a, (pass) => Object.assign(pass, { state: 'FROZEN' }));
      },
    });
    expectStopped(run, 'lifecycle.expiry patchPass');
    expect(resultOf(run, 'lifecycle.expiry', 'patchPass').violations).toEqual([
      `getPass never showed the pass after setting expiryTimestamp (last: 200 state FROZEN) ${WAITED}`,
    ]);
  });

  it('an expiry that never shows fails', async () => {
    const run = await runChecks(LIFECYCLE, {
      answer(r, a) {
        if (isPassRead(r)) rewrite(a, (pass) => delete pass.expiryTimestamp);
      },
    });
    expectStopped(run, 'lifecycle.expiry patchPass');
    expect(resultOf(run, 'lifecycle.expiry', 'patchPass').violations).toEqual([
      `getPass never showed the pass after setting expiryTimestamp (last: 200 state ACTIVE) ${WAITED}`,
    ]);
  });

  it('a 500 to the revoke fails it and skips the revoke-final checks', async () => {
    const run = await runChecks(LIFECYCLE, {
      request: (r) =>
        r.method === 'DELETE' ? jsonAnswer(500, { code: 'INTERNAL', message: 'boom' }) : undefined,
    });
    expectStopped(run, 'lifecycle.revoke deletePass');
    expect(resultOf(run, 'lifecycle.revoke', 'deletePass').violations).toEqual([
      'deletePass revoke answered 500, expected 200',
      'response.server-error: deletePass answered 500: {"code":"INTERNAL","message":"boom"}',
    ]);
  });

  it('a revoke that never shows fails and skips the revoke-final checks', async () => {
    const run = await runChecks(LIFECYCLE, {
      request(r) {
        return r.method === 'DELETE' ? { status: 200, headers: {}, body: '' } : undefined;
      },
    });
    expectStopped(run, 'lifecycle.revoke deletePass');
    expect(resultOf(run, 'lifecycle.revoke', 'deletePass').violations).toEqual([
      `getPass never showed the revoked pass as REVOKED (last: 200 state ACTIVE) ${WAITED}`,
    ]);
  });

  it('an event renamed fails the step, naming the events it saw', async () => {
    const run = await runChecks(
      LIFECYCLE,
      events((list) =>
        list.map((e) =>
          e.eventType.startsWith('TOKEN_FROZEN') ? { ...e, eventType: 'TOKEN_EXPIRY_CHANGED' } : e,
        ),
      ),
    );
    expect(notPassed(run)).toEqual([
      [
        'lifecycle.freeze patchPass failed',
        [
          `the pass after freeze: no TOKEN_FROZEN_INITIATED or TOKEN_FROZEN event was appended (events: TOKEN_ISSUED_INITIATED, TOKEN_ISSUED, TOKEN_EXPIRY_CHANGED, TOKEN_EXPIRY_CHANGED) ${WAITED}`,
        ],
      ],
      ['lifecycle.pii-decision updatePiiReceipt skipped', []],
    ]);
  });

  it.each([
    ['TOKEN_FROZEN', 'lifecycle.freeze patchPass', 'freeze'],
    ['TOKEN_REVOKED', 'lifecycle.revoke deletePass', 'revoked pass as REVOKED'],
  ])('an old %s event does not count as the one the step appends', async (type, failed, words) => {
    // From the second issuance on (issue-again), every read ends with an old event of that
    // type; the real one is never appended.
    let issuances = 0;
    const stale = events((list) => {
      const kept = list.filter((e) => !e.eventType.startsWith(type));
      if (issuances < 2) return kept;
      return [...kept, { ...(kept[0] as { eventType: string }), eventType: type }];
    });
    const run = await runChecks(LIFECYCLE, {
      request(r) {
        if (r.method === 'POST' && r.url === ISSUE_URL) issuances += 1;
        return undefined;
      },
      answer: stale.answer,
    });
    const [id, operationId] = failed.split(' ') as [string, string];
    expect(resultOf(run, id, operationId).violations).toEqual([
      expect.stringMatching(
        new RegExp(
          `^the ${words.startsWith('freeze') ? 'pass after freeze' : words}: no ${type}_INITIATED or ${type} event was appended \\(events: .*${type}\\) `,
        ),
      ),
    ]);
    expect(notPassed(run).map((r) => r[0])).toEqual([
      `${failed} failed`,
      'lifecycle.pii-decision updatePiiReceipt skipped',
    ]);
  });

  it('a read before a change that answers 404 counts no events', async () => {
    const run = await runChecks(
      { ...LIFECYCLE, only: ['lifecycle.issue', 'lifecycle.freeze'] },
      nth(isPassRead, 2, () => jsonAnswer(404, { code: 'PASS_NOT_FOUND', message: 'no pass' })),
    );
    expect(outcomes(run)).toEqual([
      'lifecycle.issue issuePass passed',
      'lifecycle.freeze patchPass passed',
    ]);
  });
});

describe('lifecycle.*-listed', () => {
  const FREEZE_LISTED = ['lifecycle.issue', 'lifecycle.freeze', 'lifecycle.freeze-listed'];

  it('fails a list that never shows the pass', async () => {
    const run = await runChecks(
      { ...LIFECYCLE, only: FREEZE_LISTED },
      {
        answer(r, a) {
          if (isList(r)) rewrite(a, (page) => (page.records = []));
        },
      },
    );
    expect(notPassed(run)).toEqual([
      [
        'lifecycle.freeze-listed listPass failed',
        [`listPass filtered by state FROZEN never showed the pass of ${WALLET.address} ${WAITED}`],
      ],
    ]);
  });

  it.each([
    [
      'on another chain',
      (p: Record<string, unknown>) => ({ ...p, chain: { type: 'solana', network: 'sepolia' } }),
    ],
    [
      'on another network',
      (p: Record<string, unknown>) => ({ ...p, chain: { type: 'ethereum', network: 'mainnet' } }),
    ],
  ])('fails a list that shows the wallet %s', async (_words, change) => {
    const run = await runChecks(
      { ...LIFECYCLE, only: FREEZE_LISTED },
      {
        answer(r, a) {
          if (isList(r))
            rewrite(a, (page) => {
              page.records = (page.records as Record<string, unknown>[]).map(change);
            });
        },
      },
    );
    expect(resultOf(run, 'lifecycle.freeze-listed', 'listPass').violations).toContain(
      `listPass filtered by state FROZEN never showed the pass of ${WALLET.address} ${WAITED}`,
    );
  });

  const answered = (answer: (a: ProxyAnswer) => void) =>
    runChecks(
      { ...LIFECYCLE, only: FREEZE_LISTED },
      {
        answer(r, a) {
          if (isList(r)) answer(a);
        },
      },
    );
  const never = `listPass filtered by state FROZEN never showed the pass of ${WALLET.address} ${WAITED}`;

  it('passes a list that shows other wallets too', async () => {
    const run = await answered((a) =>
      rewrite(a, (page) => {
        const [pass] = page.records as Record<string, unknown>[];
        page.records = [{ ...pass, walletAddress: `0x${'1'.repeat(40)}` }, pass];
      }),
    );
    expect(notPassed(run)).toEqual([]);
  });

  it('fails a list of records without a chain', async () => {
    const run = await answered((a) =>
      rewrite(a, (page) => {
        for (const pass of page.records as Record<string, unknown>[]) delete pass.chain;
      }),
    );
    expect(notPassed(run)).toEqual([
      [
        'lifecycle.freeze-listed listPass failed',
        ['response.schema: body/records/0 lacks the required property "chain"', never],
      ],
    ]);
  });

  it('fails a refused list even when its body has records', async () => {
    const run = await answered((a) => {
      const page = JSON.parse(a.body) as Record<string, unknown>;
      Object.assign(a, jsonAnswer(400, { code: 'INVALID', message: 'no', ...page }));
    });
    expect(notPassed(run)).toEqual([['lifecycle.freeze-listed listPass failed', [never]]]);
  });

  it('fails a list that is not JSON, and one without records', async () => {
    const text = await answered((a) => {
      a.body = 'records';
    });
    expect(notPassed(text)).toEqual([
      [
        'lifecycle.freeze-listed listPass failed',
        ['response.schema: the application/json body is not valid JSON: records', never],
      ],
    ]);
    const empty = await answered((a) => {
      a.body = '{}';
    });
    expect(notPassed(empty)).toEqual([
      [
        'lifecycle.freeze-listed listPass failed',
        ['response.schema: body lacks the required property "records"', never],
      ],
    ]);
  });
});

describe('lifecycle.pii-decision', () => {
  const decide = (defect: Parameters<typeof runChecks>[1] = {}) =>
    runChecks(
      {
        ...LIFECYCLE,
        only: ['lifecycle.pii-decision'],
        scopeRequestId: SCOPE,
        piiDecision: 'partner-pass',
      },
      defect,
      { pii: [{ id: SCOPE }] },
    );
  const PUT = `PUT /partner/piirequest/${SCOPE}/status {"status":"partner-pass"}`;
  const GET = `GET /partner/piirequest/${SCOPE}`;
  const never = (last: string) =>
    `getPii never showed the decision partner-pass (last status: ${last}) ${WAITED}`;

  it('changes state: skipped without allowWrites, and without a scope or a decision', async () => {
    const reason = (options: object) =>
      runChecks({ only: ['lifecycle'], ...options }).then((run) =>
        run.results.map((r) => `${r.outcome}: ${r.reason}`),
      );
    const writes =
      'skipped: changes state: run with --allow-writes --wallet <chain>/<network>/<address>';
    expect(await reason({ scopeRequestId: SCOPE, piiDecision: 'partner-pass' })).toEqual([
      'passed: undefined',
      ...ALL.slice(1).map(() => writes),
      writes,
    ]);
    const needs = 'skipped: needs --scope-request-id and --pii-decision';
    for (const options of [{ scopeRequestId: SCOPE }, { piiDecision: 'partner-fail' as const }]) {
      const run = await runChecks({ ...LIFECYCLE, only: ['lifecycle.pii-decision'], ...options });
      expect(run.results.map((r) => `${r.outcome}: ${r.reason}`)).toEqual([needs]);
    }
  });

  it('records the decision and reads it back', async () => {
    const run = await decide();
    expect(outcomes(run)).toEqual(['lifecycle.pii-decision updatePiiReceipt passed']);
    expect(run.results[0]?.name).toBe('updatePiiReceipt records partner-pass and getPii shows it');
    expect(sent(run)).toEqual([PUT, GET]);
  });

  it('fails a 500 to the decision, and reads nothing after it', async () => {
    const run = await decide({
      request: (r) =>
        r.method === 'PUT' ? jsonAnswer(500, { code: 'INTERNAL', message: 'boom' }) : undefined,
    });
    expect(notPassed(run)).toEqual([
      [
        'lifecycle.pii-decision updatePiiReceipt failed',
        [
          'expected status 200, got 500',
          'response.server-error: updatePiiReceipt answered 500: {"code":"INTERNAL","message":"boom"}',
        ],
      ],
    ]);
    expect(sent(run)).toEqual([PUT]);
  });

  it('fails a documented refusal of a valid decision', async () => {
    const run = await decide({
      request: (r) =>
        r.method === 'PUT'
          ? jsonAnswer(404, { code: 'PII_REQUEST_NOT_FOUND', message: 'none' })
          : undefined,
    });
    expect(notPassed(run)).toEqual([
      ['lifecycle.pii-decision updatePiiReceipt failed', ['expected status 200, got 404']],
    ]);
  });

  it('reports a mock that says the valid decision broke the spec', async () => {
    const run = await decide({
      answer(r, a) {
        if (r.method === 'PUT') a.headers['sl-violations'] = 'status is wrong';
      },
    });
    expect(notPassed(run)).toEqual([
      [
        'lifecycle.pii-decision updatePiiReceipt failed',
        ['the mock says the request broke the spec: status is wrong'],
      ],
    ]);
  });

  it('fails a decision that never shows', async () => {
    const run = await decide({
      request(r) {
        return r.method === 'PUT' ? { status: 200, headers: {}, body: '' } : undefined;
      },
    });
    expect(notPassed(run)).toEqual([
      ['lifecycle.pii-decision updatePiiReceipt failed', [never('verification-success')]],
    ]);
  });

  it('judges the reads: a 500 that is not JSON', async () => {
    const run = await decide({
      request: (r) =>
        r.method === 'GET'
          ? { status: 500, headers: { 'content-type': 'text/plain' }, body: 'down' }
          : undefined,
    });
    expect(notPassed(run)).toEqual([
      [
        'lifecycle.pii-decision updatePiiReceipt failed',
        [
          'response.server-error: getPii answered 500: down',
          'response.error-body: getPii answered 500 without an error body { code, message }: down',
          expect.stringMatching(/^response.content-type: content type text\/plain /),
          never('undefined'),
        ],
      ],
    ]);
  });
});
