import { openapiDocument } from '../../generated/document.js';

interface ParameterObject {
  name?: unknown;
  in?: unknown;
  example?: unknown;
  schema?: { pattern?: unknown; $ref?: unknown };
  $ref?: unknown;
}

/** Follows a local `$ref` to `#/components/parameters/...`. */
function resolveParameter(parameter: ParameterObject): ParameterObject {
  if (typeof parameter.$ref !== 'string') return parameter;
  const name = parameter.$ref.replace('#/components/parameters/', '');
  const components = openapiDocument.components as
    | { parameters?: Record<string, ParameterObject> }
    | undefined;
  return components?.parameters?.[name] ?? parameter;
}

/** Every path parameter of the spec, resolved, with its name. */
function pathParameters(): (ParameterObject & { name: string })[] {
  const found: (ParameterObject & { name: string })[] = [];
  const paths = openapiDocument.paths as Record<string, Record<string, unknown>>;
  for (const item of Object.values(paths)) {
    const lists = [
      item.parameters,
      ...Object.values(item).map((op) => (op as { parameters?: unknown } | null)?.parameters),
    ];
    for (const list of lists) {
      if (!Array.isArray(list)) continue;
      for (const raw of list as ParameterObject[]) {
        const parameter = resolveParameter(raw);
        if (parameter.in === 'path' && typeof parameter.name === 'string') {
          found.push(parameter as ParameterObject & { name: string });
        }
      }
    }
  }
  return found;
}

/**
 * The `pattern` of a path parameter's schema, when the spec gives one (e.g. `rel`), so that a
 * value learnt from an answer is only put in a path the spec allows.
 *
 * @example
 * pathParameterPattern('rel')?.test('idDocumentFront'); // true
 */
export function pathParameterPattern(name: string): RegExp | undefined {
  for (const parameter of pathParameters()) {
    if (parameter.name === name && typeof parameter.schema?.pattern === 'string') {
      return new RegExp(parameter.schema.pattern, 'u');
    }
  }
  return undefined;
}

/**
 * The spec's `example` of every path parameter, by name (`chain`, `chainNetwork`, `wallet`,
 * `scopeRequestId`, `rel`): values a request can use when it needs some valid value, taken from
 * the spec rather than typed by hand.
 *
 * @example
 * const { chain, chainNetwork, wallet } = exampleParams(); // 'ethereum', 'sepolia', '0xEA5C…'
 */
export function exampleParams(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const parameter of pathParameters()) {
    if (parameter.example !== undefined) values[parameter.name] ??= String(parameter.example);
  }
  return values;
}
