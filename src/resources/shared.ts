/**
 * What every resource method does around its one request: check the per-call options, pick how
 * to read the answer from the spec, send through the shared call path, and turn an error status
 * into an `ApiError` through the one factory.
 */
import { OPERATIONS, type OperationId } from '../../generated/api.js';
import { checkCallOptions as checkOptions } from '../call-options.js';
import { unknownEnumValue } from '../enums.js';
import { createApiError, InvalidResponseError } from '../errors.js';
import { operationById } from '../operations.js';
import type { createRawClient } from '../raw.js';
import type { Runtime } from '../transport.js';
import type { CallOptions } from '../types.js';

/**
 * What the resources share with the client that made them.
 *
 * @example
 * ```ts
 * const passes = new PassesResource({ call, runtime });
 * ```
 */
export interface ResourceContext {
  call: ReturnType<typeof createRawClient>['call'];
  runtime: Runtime;
  /** Refuse answers with enum values the spec does not list (the client's `strictEnums`). */
  strictEnums?: boolean;
}

/**
 * Checks the options of one call before anything is sent (kept in `validate.ts`).
 *
 * @example
 * ```ts
 * checkCallOptions({ timeoutMs: 0 }); // InputError naming timeoutMs
 * ```
 */
export const checkCallOptions = checkOptions as (options: CallOptions | undefined) => CallOptions;

/** How openapi-fetch should read the success answer of an operation, from the spec. */
function parseAsFor(responseContentTypes: Readonly<Record<string, readonly string[]>>) {
  const success = Object.keys(responseContentTypes).find((status) => status.startsWith('2'));
  const types = success ? (responseContentTypes[success] ?? []) : [];
  if (types.includes('application/json')) return 'json' as const;
  if (types.length > 0) return 'blob' as const;
  return 'text' as const; // the spec documents no body: whatever comes is ignored
}

/** {@link parseAsFor} of each operation, worked out once. */
const PARSE_AS = new Map(
  OPERATIONS.map((operation) => [
    operation.operationId,
    parseAsFor(operation.responseContentTypes),
  ]),
);

/**
 * Sends one operation and returns its success data; an error status throws the `ApiError`
 * subclass the factory picks.
 *
 * @example
 * ```ts
 * const { data } = await perform(context, 'getPii', { params: { path: { scopeRequestId } } }, options);
 * ```
 */
export async function perform(
  context: ResourceContext,
  operationId: OperationId,
  init: { params?: unknown; body?: unknown },
  options: CallOptions | undefined,
): Promise<{ data: unknown; response: Response }> {
  const { headers, ...transportOptions } = checkOptions(options);
  const operation = operationById(operationId);
  const method = operation.method as 'GET';
  const result = await context.call(
    method,
    operation.path,
    { ...init, parseAs: PARSE_AS.get(operationId), headers },
    transportOptions,
  );
  const { response } = result;
  if (!response.ok) {
    throw createApiError({
      status: response.status,
      operationId,
      method: operation.method,
      path: operation.path,
      body: result.error,
      response,
    });
  }
  if (context.strictEnums) {
    const unknown = unknownEnumValue(operationId, result.data);
    if (unknown) {
      throw invalidResponse(
        operationId,
        `its body has ${unknown.at} ${JSON.stringify(unknown.value)}, a value the spec does not list (strictEnums)`,
        response,
      );
    }
  }
  return { data: result.data, response };
}

/**
 * Checks that a success answer is a JSON object, as the operation promises.
 *
 * @example
 * ```ts
 * const pass = expectObject<Pass>(result, 'getPass', 'a pass');
 * ```
 */
export function expectObject<T>(
  result: { data: unknown; response: Response },
  operationId: OperationId,
  what: string,
): T {
  const { data, response } = result;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw invalidResponse(operationId, `its body is not ${what}`, response);
  }
  return data as T;
}

/**
 * The error for a success answer that breaks what the operation promises.
 *
 * @example
 * ```ts
 * throw invalidResponse('listPass', 'its body has no records array', response);
 * ```
 */
export function invalidResponse(
  operationId: OperationId,
  problem: string,
  response: Response,
): InvalidResponseError {
  const { method, path } = operationById(operationId);
  return new InvalidResponseError(problem, { operationId, method, path, response });
}

/**
 * A call's data with the answer it came in (for `withResponse()`).
 *
 * @example
 * ```ts
 * const answer: WithData<Pass> = { data: pass, response };
 * ```
 */
export interface WithData<T> {
  data: T;
  response: Response;
}

/**
 * Pairs checked data with the answer of the call it came from.
 *
 * @example
 * ```ts
 * return withData(result, expectObject<Pass>(result, 'getPass', 'a pass'));
 * ```
 */
export function withData<T>(result: { response: Response }, data: T): WithData<T> {
  return { data, response: result.response };
}
