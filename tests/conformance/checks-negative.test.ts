/**
 * The negative-data checks (src/conformance/checks/negative.ts): each invalid input refused,
 * an accepted or wrongly refused one reported with its exact words, and valid inputs generated
 * from the spec never refused.
 */
import { describe, expect, it } from 'vitest';
import { CHAINS, STATE_VALUES } from '../../generated/api.js';
import { type Defect, jsonAnswer, type ProxyRequest } from '../support/defect-proxy.js';
import {
  bodyOf,
  isList,
  isPassRead,
  notPassed,
  resultOf,
  runChecks,
  sent,
  WALLET,
} from './checks-harness.js';

const NEGATIVE = { only: ['negative'], wallet: WALLET };
const VALID = { only: ['negative.valid-inputs'] };
const SOLANA = 'u37598mNXXtLr8YjatgJMBygCWBDgWdj9MVNvDrHjbZR';
const NAMES = [
  'negative.limit-range listPass listPass refuses limit 0 (below 1)',
  'negative.limit-range listPass listPass refuses limit 101 (above 100)',
  'negative.skip-range listPass listPass refuses skip -1 (below 0)',
  'negative.type listPass listPass refuses limit "ten" (not an integer)',
  'negative.type listPass listPass refuses limit 2.5 (not an integer)',
  'negative.enum listPass listPass refuses filter.state "EXPIRED" (not a State)',
  'negative.wallet-pattern listPass listPass refuses filter.walletAddress "not-a-wallet"',
  'negative.malformed-json listPass listPass refuses a body that is not JSON',
  'negative.wallet-pattern getPass getPass refuses wallet "0x12" (breaks the pattern)',
  'negative.chain-network-pair getPass getPass refuses chain solana with network sepolia',
  'negative.unknown-network getPass getPass refuses network "notanetwork"',
  'negative.unknown-chain getPass getPass refuses chain "bitcoin"',
  'negative.wallet-pattern getPii getPii refuses scopeRequestId "bad id!" (breaks the pattern)',
  'negative.wallet-pattern getPiiEvidence getPiiEvidence refuses rel "bad rel!" (breaks the pattern)',
  'negative.wallet-pattern issuePass issuePass refuses walletAddress "0x12" (breaks the pattern)',
  `negative.wallet-pattern issuePass issuePass refuses walletAddress "${SOLANA}" (a Solana address on ethereum)`,
  'negative.missing-property issuePass issuePass refuses a body without walletAddress',
  'negative.malformed-json issuePass issuePass refuses a body that is not JSON',
  'negative.chain-network-pair issuePass issuePass refuses chain solana with network sepolia',
  'negative.unknown-network issuePass issuePass refuses network "notanetwork"',
  'negative.empty-patch patchPass patchPass refuses a body with neither state nor expiryTimestamp',
  'negative.enum patchPass patchPass refuses state "REVOKED" (only ACTIVE or FROZEN)',
  'negative.type patchPass patchPass refuses expiryTimestamp "tomorrow" (not an integer)',
  'negative.malformed-json patchPass patchPass refuses a body that is not JSON',
  'negative.wallet-pattern patchPass patchPass refuses wallet "0x12" (breaks the pattern)',
  'negative.wallet-pattern deletePass deletePass refuses wallet "0x12" (breaks the pattern)',
  'negative.chain-network-pair deletePass deletePass refuses chain solana with network sepolia',
  'negative.enum updatePiiReceipt updatePiiReceipt refuses status "maybe" (not a decision)',
  'negative.missing-property updatePiiReceipt updatePiiReceipt refuses a body without status',
  'negative.malformed-json updatePiiReceipt updatePiiReceipt refuses a body that is not JSON',
  'negative.valid-inputs listPass listPass does not refuse valid inputs (every enum value, boundary lengths and counts)',
  'negative.valid-inputs getPass getPass does not refuse valid inputs (every enum value, boundary lengths and counts)',
];
const WRITES = ['issuePass', 'patchPass', 'deletePass', 'updatePiiReceipt'];

describe('negative checks on the sandbox', () => {
  it('pass; the writes only with allowWrites', async () => {
    const writes = await runChecks({ ...NEGATIVE, allowWrites: true });
    expect(writes.results.map((r) => `${r.id} ${r.operationId} ${r.name}`)).toEqual(NAMES);
    expect(notPassed(writes)).toEqual([]);
    const reads = await runChecks(NEGATIVE);
    expect(reads.results.map((r) => `${r.operationId} ${r.outcome}`)).toEqual(
      NAMES.map((n) => {
        const op = n.split(' ')[1] as string;
        return `${op} ${WRITES.includes(op) ? 'skipped' : 'passed'}`;
      }),
    );
  });

  it('send every valid input of each operation, each to its own check', async () => {
    const run = await runChecks(VALID);
    const networks = Object.values(CHAINS).reduce((n, chain) => n + chain.networks.length, 0);
    const lines = sent(run);
    expect(lines).toHaveLength(STATE_VALUES.length + 3 + 1 + 3 + networks);
    expect(lines.slice(0, STATE_VALUES.length + 7)).toEqual([
      ...STATE_VALUES.map(
        (state) => `POST /partner/pass ${JSON.stringify({ limit: 1, filter: { state } })}`,
      ),
      'POST /partner/pass {"limit":1,"skip":0}',
      'POST /partner/pass {"limit":100,"skip":0}',
      'POST /partner/pass {"limit":1,"skip":100000}',
      'POST /partner/pass {}',
      ...[0, 1, 2].map(() =>
        expect.stringMatching(
          /^POST \/partner\/pass \{"limit":1,"filter":\{"walletAddress":"\w+"\}\}$/,
        ),
      ),
    ]);
    expect(
      lines.slice(STATE_VALUES.length + 7).every((l) => /^GET \/partner\/pass\//.test(l)),
    ).toBe(true);
    expect(resultOf(run, 'negative.valid-inputs', 'listPass').path).toBe('/pass');
    expect(resultOf(run, 'negative.valid-inputs', 'getPass').path).toMatch(/^\/pass\/ethereum\//);
  });
});

describe('negative: an invalid input', () => {
  const answering = (test: (r: ProxyRequest) => boolean, status: number): Defect => ({
    request: (r) =>
      test(r) ? jsonAnswer(status, { code: 'CODE', message: `answered ${status}` }) : undefined,
  });
  const limitZero = (r: ProxyRequest) => isList(r) && bodyOf(r)?.limit === 0;

  it('accepted is reported as accepted; refused otherwise as refused with that status', async () => {
    const accepted = await runChecks(
      { only: ['negative.limit-range'] },
      { request: (r) => (limitZero(r) ? jsonAnswer(200, { records: [] }) : undefined) },
    );
    expect(notPassed(accepted)).toEqual([
      [
        'negative.limit-range listPass failed',
        ['listPass accepts an invalid input: limit 0 (below 1) (answered 200)'],
      ],
    ]);
    const moved = await runChecks(
      { only: ['negative.limit-range'] },
      {
        request: (r) =>
          limitZero(r) ? { status: 300, headers: { location: '/x' }, body: '' } : undefined,
      },
    );
    expect(notPassed(moved)[0]?.[1]?.[0]).toBe(
      'listPass refused limit 0 (below 1) with 300, expected 400 or 422',
    );
    const conflict = await runChecks({ only: ['negative.limit-range'] }, answering(limitZero, 409));
    expect(notPassed(conflict)[0]?.[1]?.[0]).toBe(
      'listPass refused limit 0 (below 1) with 409, expected 400 or 422',
    );
  });

  it('to a pass that does not exist may be refused with 404 too', async () => {
    const patch = (r: ProxyRequest) => r.method === 'PATCH' && bodyOf(r)?.state === 'REVOKED';
    const missing = await runChecks(
      { only: ['negative.enum'], allowWrites: true, wallet: WALLET },
      answering(patch, 404),
    );
    expect(notPassed(missing)).toEqual([]);
    const conflict = await runChecks(
      { only: ['negative.enum'], allowWrites: true, wallet: WALLET },
      answering(patch, 409),
    );
    expect(notPassed(conflict)).toEqual([
      [
        'negative.enum patchPass failed',
        [
          'patchPass refused state "REVOKED" (only ACTIVE or FROZEN) with 409, expected 400 or 422 or 404',
        ],
      ],
    ]);
  });

  it('to a PII request that does not exist may be refused with 404, and any with 422', async () => {
    const decision = (r: ProxyRequest) => r.method === 'PUT';
    const options = { only: ['negative.enum'], allowWrites: true, wallet: WALLET };
    for (const status of [404, 422]) {
      const run = await runChecks(options, answering(decision, status));
      expect(notPassed(run), String(status)).toEqual([]);
    }
  });

  it('to evidence: 404 is a refusal only when the PII request may not exist', async () => {
    const evidence = (r: ProxyRequest) => r.url.endsWith('/evidence/bad%20rel!');
    const failed = (run: Awaited<ReturnType<typeof runChecks>>) =>
      notPassed(run).filter((r) => String(r[0]).endsWith('failed'));
    const example = await runChecks(
      { only: ['negative.wallet-pattern'] },
      answering(evidence, 404),
    );
    expect(failed(example)).toEqual([]);
    const given = await runChecks(
      { only: ['negative.wallet-pattern'], scopeRequestId: 'conformance-pii' },
      answering(evidence, 404),
    );
    expect(failed(given)).toEqual([
      [
        'negative.wallet-pattern getPiiEvidence failed',
        [
          'getPiiEvidence refused rel "bad rel!" (breaks the pattern) with 404, expected 400 or 422',
        ],
      ],
    ]);
  });
});

describe('negative.valid-inputs', () => {
  const valid = (defect: Defect) =>
    runChecks(VALID, defect).then((run) => ({
      list: resultOf(run, 'negative.valid-inputs', 'listPass').violations,
      get: resultOf(run, 'negative.valid-inputs', 'getPass').violations,
    }));
  const refuse = (test: (r: ProxyRequest) => boolean, status: number) => (r: ProxyRequest) =>
    test(r) ? jsonAnswer(status, { code: 'INVALID', message: 'no' }) : undefined;

  it('stops at the first valid input refused with 400', async () => {
    const { list, get } = await valid({
      request: refuse((r) => r.url.startsWith('/partner/'), 400),
    });
    expect(list).toEqual([
      `listPass refuses a valid input: filter.state ${STATE_VALUES[0]} (answered 400)`,
    ]);
    expect(get).toEqual([
      expect.stringMatching(
        /^getPass refuses a valid input: solana\/mainnet-beta\/\w{32,44} \(answered 400\)$/,
      ),
    ]);
  });

  it('a listPass answered 404 is a refusal, and does not stop the check', async () => {
    const { list, get } = await valid({ request: refuse(isList, 404) });
    expect(list).toHaveLength(STATE_VALUES.length + 7);
    expect(list.slice(0, 2)).toEqual([
      `listPass refuses a valid input: filter.state ${STATE_VALUES[0]} (answered 404)`,
      `listPass refuses a valid input: filter.state ${STATE_VALUES[1]} (answered 404)`,
    ]);
    expect(get).toEqual([]);
  });

  it('a getPass answered 200 or 404 is not', async () => {
    const { get } = await valid({
      request: (r) =>
        isPassRead(r) && r.url.includes('/solana/')
          ? jsonAnswer(404, { code: 'PASS_NOT_FOUND', message: 'no pass' })
          : undefined,
    });
    expect(get).toEqual([]);
  });

  it("reports a mock's sl-violations on a valid input", async () => {
    const { list } = await valid({
      answer(r, a) {
        if (isList(r)) a.headers['sl-violations'] = 'limit is wrong';
      },
    });
    expect(list).toEqual(['the mock says the request broke the spec: limit is wrong']);
  });
});
