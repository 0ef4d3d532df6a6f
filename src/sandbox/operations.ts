/**
 * The operations of the API in the sandbox, one function each: check the input (400 naming the
 * field), find the pass or PII request (404), apply the change through the store (so it is saved
 * before it is acknowledged), and say what to answer.
 */
import { PATH_PARAMETER_PATTERNS } from '../../generated/api.js';
import type { ManagedClock } from './clock.js';
import { ApiError, invalid } from './http.js';
import {
  type Chain,
  checkChainNetwork,
  checkIssueBody,
  checkListBody,
  checkPiiDecisionBody,
  checkUpdateBody,
  checkWallet,
} from './inputs.js';
import { change, issue, type PassRecord, passView, settle } from './lifecycle.js';
import { decide, evidence, piiView } from './pii.js';
import type { Random } from './random.js';
import type { Store } from './store.js';

/** What an operation answers: JSON, bytes, or nothing. */
export interface Reply {
  status: number;
  json?: unknown;
  bytes?: Buffer;
}

/** What the operations work with. */
export interface OperationContext {
  store: Store;
  clock: ManagedClock;
  random: Random;
  confirmationDelayMs: number;
  gatekeeperNetwork: string;
  /** The API's base URL, for the links of PII requests. */
  baseUrl: string;
}

/** One operation: its path parameters and parsed body in, its reply out. */
export type Operation = (
  context: OperationContext,
  params: Readonly<Record<string, string>>,
  body: unknown,
) => Reply;

// As the spec documents them: PATCH acknowledges with a body, DELETE and the PII decision without.
const OK: Reply = { status: 200, json: { status: 'ok' } };
const EMPTY: Reply = { status: 200 };

function target(params: Readonly<Record<string, string>>): { chain: Chain; network: string } {
  return {
    chain: checkChainNetwork(params.chain ?? '', params.chainNetwork ?? ''),
    network: params.chainNetwork ?? '',
  };
}

/** The pass a path names, checked (400 naming the field) but not yet looked up. */
function pathRef(params: Readonly<Record<string, string>>) {
  const { chain, network } = target(params);
  return { chain, network, wallet: checkWallet(chain, params.wallet, 'wallet') };
}

/** That pass, settled to the sandbox time, or a 404 `PASS_NOT_FOUND`. */
function findPass(context: OperationContext, ref: ReturnType<typeof pathRef>): PassRecord {
  const pass = context.store.findPass(ref.chain, ref.network, ref.wallet);
  if (!pass) {
    throw new ApiError(
      404,
      'PASS_NOT_FOUND',
      `no pass for ${ref.wallet} on ${ref.chain}/${ref.network}`,
    );
  }
  settle(pass, context.clock.now());
  return pass;
}

function pathPii(context: OperationContext, params: Readonly<Record<string, string>>) {
  const id = params.scopeRequestId ?? '';
  if (!new RegExp(PATH_PARAMETER_PATTERNS.scopeRequestId).test(id)) {
    throw invalid('scopeRequestId', 'scopeRequestId is letters, digits, _ and -');
  }
  const record = context.store.findPii(id);
  if (!record) throw new ApiError(404, 'PII_REQUEST_NOT_FOUND', `no PII request ${id}`);
  return record;
}

const changeContext = (context: OperationContext) => ({
  nowMs: context.clock.now(),
  confirmationDelayMs: context.confirmationDelayMs,
  random: context.random,
});

/** Every operation of the spec, by operationId. */
export const OPERATION_HANDLERS: Readonly<Record<string, Operation>> = {
  listPass(context, _params, body) {
    const query = checkListBody(body);
    const now = context.clock.now();
    const wallet = query.wallet;
    const sameWallet = (pass: PassRecord) =>
      pass.chain === 'ethereum' && wallet?.startsWith('0x')
        ? pass.walletAddress.toLowerCase() === wallet.toLowerCase()
        : pass.walletAddress === wallet;
    const records = context.store.state.passes
      .filter((pass) => {
        settle(pass, now);
        return (
          (query.state === undefined || pass.state === query.state) &&
          (wallet === undefined || sameWallet(pass))
        );
      })
      .slice(query.skip, query.skip + query.limit)
      .map(passView);
    return { status: 200, json: { records } };
  },

  issuePass(context, params, body) {
    const { chain, network } = target(params);
    const walletAddress = checkIssueBody(body, chain);
    const existing = context.store.findPass(chain, network, walletAddress);
    if (existing?.state === 'REVOKED') {
      throw new ApiError(
        409,
        'PASS_REVOKED',
        `the pass of ${walletAddress} was revoked: it cannot be issued again`,
      );
    }
    if (existing) {
      throw new ApiError(
        409,
        'PASS_EXISTS',
        `${walletAddress} already holds a pass on ${chain}/${network}`,
      );
    }
    const pass = context.store.change(() => {
      const created = issue(
        { chain, network, walletAddress, gatekeeperNetwork: context.gatekeeperNetwork },
        changeContext(context),
      );
      context.store.addPass(created);
      return created;
    });
    return { status: 202, json: passView(pass) };
  },

  getPass: (context, params) => ({
    status: 200,
    json: passView(findPass(context, pathRef(params))),
  }),

  patchPass(context, params, body) {
    const ref = pathRef(params);
    const request = checkUpdateBody(body);
    const pass = findPass(context, ref);
    context.store.change(() => change(pass, request, changeContext(context)));
    return OK;
  },

  deletePass(context, params) {
    const pass = findPass(context, pathRef(params));
    context.store.change(() => change(pass, { revoke: true }, changeContext(context)));
    return EMPTY;
  },

  getPii: (context, params) => ({
    status: 200,
    json: piiView(pathPii(context, params), context.baseUrl),
  }),

  updatePiiReceipt(context, params, body) {
    const decision = checkPiiDecisionBody(body);
    const record = pathPii(context, params);
    context.store.change(() => decide(record, decision, context.clock.now()));
    return EMPTY;
  },

  getPiiEvidence(context, params) {
    const record = pathPii(context, params);
    const rel = params.rel ?? '';
    if (!new RegExp(PATH_PARAMETER_PATTERNS.rel).test(rel)) {
      throw invalid('rel', 'rel is letters, digits, _ and -');
    }
    return { status: 200, bytes: evidence(record, rel) };
  },
};
