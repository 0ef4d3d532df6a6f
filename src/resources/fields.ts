/**
 * Request-body fields a method passes through from its argument to the spec's body, so that a
 * field the spec adds reaches the server once the client is regenerated, with no hand edit.
 * Request checks stay strict: a key that is not a property of the body in the spec is refused
 * before anything is sent, as a typo would be.
 */
import { OPERATIONS, type OperationId } from '../../generated/api.js';
import { InputError } from '../errors.js';
import type { CallOptions } from '../types.js';

const BODY_PROPERTIES = new Map<string, ReadonlySet<string>>(
  OPERATIONS.map((operation) => [
    operation.operationId,
    new Set<string>(operation.requestBody?.properties ?? []),
  ]),
);

/**
 * The keys the call options take, which never go into a body.
 *
 * @example
 * ```ts
 * CALL_OPTION_KEYS.has('signal'); // true
 * ```
 */
export const CALL_OPTION_KEYS: ReadonlySet<string> = new Set(
  // `satisfies` keeps this list equal to CallOptions: a new call option that is missing here
  // would otherwise be taken for a body field and refused.
  Object.keys({
    signal: true,
    timeoutMs: true,
    attemptTimeoutMs: true,
    maxRetries: true,
    maxResponseBytes: true,
    headers: true,
  } satisfies Record<keyof CallOptions, true>),
);

/**
 * The own keys of `input` other than `handled`, checked to be properties of the operation's
 * JSON body in the spec; `InputError` names the first one that is not.
 *
 * @example
 * ```ts
 * const fields = bodyFields('issuePass', options, CALL_OPTION_KEYS); // e.g. { referenceId }
 * ```
 */
export function bodyFields(
  operationId: OperationId,
  input: object | null | undefined,
  handled: ReadonlySet<string>,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (input === null || typeof input !== 'object') return fields;
  const known = BODY_PROPERTIES.get(operationId) ?? new Set<string>();
  for (const [key, value] of Object.entries(input)) {
    if (handled.has(key) || value === undefined) continue;
    if (!known.has(key)) {
      const allowed = [...handled, ...known].join(', ');
      throw new InputError(
        key,
        `${key} is not an option or a field of ${operationId} (allowed: ${allowed})`,
      );
    }
    fields[key] = value;
  }
  return fields;
}
