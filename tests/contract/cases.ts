/**
 * How the contract suite calls each operation of the spec through the client, and which error
 * class each error status must become. Keyed by operationId, so an operation added to the spec
 * is a type error here until it has a case; `findUncovered` names whatever a spec has that these
 * tables do not cover (an operation, a success status, an error status).
 */
import type { OperationId } from '../../generated/api.js';
import type { CivicPassClient } from '../../src/client.js';
import { exampleParams, type OperationDescription } from '../../src/conformance/index.js';
import {
  type ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/errors.js';
import type { CallOptions, PassRef } from '../../src/types.js';

const examples = exampleParams();

/** The spec's example pass reference (its path parameter examples). */
export const REF = {
  chain: examples.chain,
  chainNetwork: examples.chainNetwork,
  wallet: examples.wallet,
} as PassRef;
export const SCOPE_REQUEST_ID = examples.scopeRequestId as string;
export const REL = examples.rel as string;

/** What a client method gives back for a success. */
export type Returns = 'json' | 'nothing' | 'blob';

/** One operation, as the suite drives it through the client. */
export interface OperationCase {
  /** The success statuses this case checks (Prism answers the first documented 2xx). */
  success: readonly number[];
  /** What the client method returns on success. */
  returns: Returns;
  /** Calls the operation through the client's public API. */
  call(civic: CivicPassClient, options: CallOptions): Promise<unknown>;
  /** The path parameters of the request the call makes. */
  params: Record<string, string>;
  /** A valid request body, for the requests the suite sends without the client. */
  body?: unknown;
}

const refParams = { chain: REF.chain, chainNetwork: REF.chainNetwork, wallet: REF.wallet };

export const CASES: Record<OperationId, OperationCase> = {
  listPass: {
    success: [200],
    returns: 'json',
    call: (civic, options) => civic.passes.list({ limit: 5 }, options),
    params: {},
    body: { limit: 5, skip: 0 },
  },
  issuePass: {
    success: [202],
    returns: 'json',
    call: (civic, options) => civic.passes.issue(REF, options),
    params: { chain: REF.chain, chainNetwork: REF.chainNetwork },
    body: { walletAddress: REF.wallet },
  },
  getPass: {
    success: [200],
    returns: 'json',
    call: (civic, options) => civic.passes.get(REF, options),
    params: refParams,
  },
  patchPass: {
    success: [200],
    returns: 'nothing',
    call: (civic, options) => civic.passes.freeze(REF, options),
    params: refParams,
    body: { state: 'FROZEN' },
  },
  deletePass: {
    success: [200],
    returns: 'nothing',
    call: (civic, options) => civic.passes.revoke(REF, options),
    params: refParams,
  },
  getPii: {
    success: [200],
    returns: 'json',
    call: (civic, options) => civic.pii.get(SCOPE_REQUEST_ID, options),
    params: { scopeRequestId: SCOPE_REQUEST_ID },
  },
  updatePiiReceipt: {
    success: [200],
    returns: 'nothing',
    call: (civic, options) => civic.pii.approve(SCOPE_REQUEST_ID, options),
    params: { scopeRequestId: SCOPE_REQUEST_ID },
    body: { status: 'partner-pass' },
  },
  getPiiEvidence: {
    success: [200],
    returns: 'blob',
    call: (civic, options) => civic.pii.evidence(SCOPE_REQUEST_ID, REL, options),
    params: { scopeRequestId: SCOPE_REQUEST_ID, rel: REL },
  },
};

type ApiErrorClass = abstract new (...args: never[]) => ApiError;

/** The error class each error status must become (DESIGN.md); 5xx all map to one class. */
const ERROR_CLASSES: ReadonlyMap<number, ApiErrorClass> = new Map<number, ApiErrorClass>([
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
]);

/** The class the client must throw for an error status, or undefined when none is specified. */
export function expectedErrorClass(status: number): ApiErrorClass | undefined {
  if (status >= 500 && status <= 599) return InternalServerError;
  return ERROR_CLASSES.get(status);
}

export const isSuccess = (status: number) => status >= 200 && status <= 299;

/**
 * Everything in `operations` that no case covers, one readable line each: an operation without
 * a case, a success status its case does not check, an error status with no expected class.
 */
export function findUncovered(
  operations: readonly OperationDescription[],
  cases: Partial<Record<string, OperationCase>>,
): string[] {
  const uncovered: string[] = [];
  for (const op of operations) {
    const found = cases[op.operationId];
    if (!found) {
      uncovered.push(`${op.operationId} (${op.method} ${op.path}): no case calls this operation`);
      continue;
    }
    for (const status of op.statusCodes) {
      if (isSuccess(status)) {
        if (!found.success.includes(status)) {
          uncovered.push(`${op.operationId} ${status}: no success case checks this status`);
        }
      } else if (!expectedErrorClass(status)) {
        uncovered.push(`${op.operationId} ${status}: no error class is expected for this status`);
      }
    }
  }
  return uncovered;
}
