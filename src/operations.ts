/**
 * Which operation of the spec a request is, from its method and path. The templates come from
 * the generated operation list and are compiled once, so `raw` calls and resource calls get the
 * same operationId, policy and errors.
 */
import { OPERATIONS, type OperationId } from '../generated/api.js';

/**
 * An operation as the transport and the errors see it.
 *
 * @example
 * ```ts
 * const { operationId, path } = operationById('getPass');
 * ```
 */
export interface OperationInfo {
  readonly operationId: OperationId;
  readonly method: string;
  /** The path template, e.g. `/pass/{chain}/{chainNetwork}/{wallet}`. */
  readonly path: string;
  /** The media types of each documented answer, from the spec. */
  readonly responseContentTypes: Readonly<Record<string, readonly string[]>>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** The operations grouped by method, each with its template compiled to a regular expression. */
const BY_METHOD = new Map<string, { pattern: RegExp; operation: OperationInfo }[]>();
/** The operations by method and template, for callers that already know the template. */
const BY_TEMPLATE = new Map<string, OperationInfo>();
/** The operations by operationId. */
const BY_ID = new Map<string, OperationInfo>();
for (const operation of OPERATIONS as readonly OperationInfo[]) {
  const source = operation.path
    .split(/\{[^{}]+\}/)
    .map(escapeRegExp)
    .join('[^/]+');
  const list = BY_METHOD.get(operation.method) ?? [];
  list.push({ pattern: new RegExp(`^${source}$`), operation });
  BY_METHOD.set(operation.method, list);
  BY_TEMPLATE.set(`${operation.method} ${operation.path}`, operation);
  BY_ID.set(operation.operationId, operation);
}

/**
 * The operation a request is, from its method and its path below the base URL (no query).
 *
 * @example
 * ```ts
 * matchOperation('POST', '/pass/solana/devnet')?.operationId; // 'issuePass'
 * ```
 */
export function matchOperation(method: string, path: string): OperationInfo | undefined {
  const candidates = BY_METHOD.get(method);
  if (!candidates) return undefined;
  for (const candidate of candidates) {
    if (candidate.pattern.test(path)) return candidate.operation;
  }
  return undefined;
}

/**
 * The operation with this method and path template, if the spec has it.
 *
 * @example
 * ```ts
 * operationByTemplate('GET', '/piirequest/{scopeRequestId}')?.operationId; // 'getPii'
 * ```
 */
export function operationByTemplate(method: string, template: string): OperationInfo | undefined {
  return BY_TEMPLATE.get(`${method} ${template}`);
}

/**
 * The operation with this operationId; throws when the spec has none (a programming error).
 *
 * @example
 * ```ts
 * operationById('deletePass').method; // 'DELETE'
 * ```
 */
export function operationById(operationId: OperationId): OperationInfo {
  const operation = BY_ID.get(operationId);
  if (operation === undefined) throw new Error(`the spec has no operation ${operationId}`);
  return operation;
}
