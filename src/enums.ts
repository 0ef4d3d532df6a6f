/**
 * The opt-in strict reading of enums (`strictEnums: true`). By default an answer carrying an
 * enum value this spec does not list (a network or state a newer API added) is passed through,
 * typed as the known values widened by `(string & {})`. Strict mode refuses it instead, for
 * callers that would rather stop than act on a value they do not know.
 */
import { type OperationId, RESPONSE_ENUMS } from '../generated/api.js';

/** `[place, allowed values]` per operation, from the generated list of the answers' enums. */
const ENUMS = new Map<string, [string[], ReadonlySet<string>][]>(
  Object.entries(RESPONSE_ENUMS).map(([operationId, places]) => [
    operationId,
    Object.entries(places).map(([place, values]) => [place.split('.'), new Set(values)]),
  ]),
);

/** Every value found at `steps` (`events[]` walks each item of `events`). */
function valuesAt(value: unknown, steps: string[], found: [string, unknown][], at: string): void {
  if (steps.length === 0) {
    found.push([at, value]);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const [step = '', ...rest] = steps;
  const each = step.endsWith('[]');
  const name = each ? step.slice(0, -2) : step;
  const next = name === '' ? value : (value as Record<string, unknown>)[name];
  const where = name === '' ? at : at === '' ? name : `${at}.${name}`;
  if (!each) {
    if (next !== undefined) valuesAt(next, rest, found, where);
    return;
  }
  if (!Array.isArray(next)) return;
  next.forEach((item, index) => {
    valuesAt(item, rest, found, `${where}[${index}]`);
  });
}

/**
 * The first enum value in an operation's success answer that the spec does not list, with where
 * it is, or undefined when every one is known.
 *
 * @example
 * ```ts
 * unknownEnumValue('getPass', { state: 'SUSPENDED' }); // { at: 'state', value: 'SUSPENDED' }
 * ```
 */
export function unknownEnumValue(
  operationId: OperationId,
  data: unknown,
): { at: string; value: unknown } | undefined {
  for (const [steps, allowed] of ENUMS.get(operationId) ?? []) {
    const found: [string, unknown][] = [];
    valuesAt(data, steps, found, '');
    for (const [at, value] of found) {
      if (typeof value === 'string' && !allowed.has(value)) return { at, value };
    }
  }
  return undefined;
}
