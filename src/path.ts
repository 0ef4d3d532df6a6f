/**
 * Request paths: every `{name}` placeholder of a path template is filled with a checked,
 * percent-encoded value, so that no argument can change which path a request goes to.
 */
import { PATH_PARAMETER_PATTERNS } from '../generated/api.js';
import { InputError } from './errors.js';
import { show } from './validate.js';

/** The spec's pattern of each path parameter that has one, compiled once. */
const PATH_PATTERNS = new Map<string, RegExp>(
  // Stryker disable next-line ArrowFunction: the mutant makes Map throw at import, which the vitest runner reports as no tests run (survived); every test of this module fails on it
  Object.entries(PATH_PARAMETER_PATTERNS).map(([name, pattern]) => [name, new RegExp(pattern)]),
);

/**
 * Checks one path segment value and encodes it. Empty values, `.`, `..` and values holding `/`
 * are refused: each would change which path the request goes to; so is a value that breaks the
 * pattern the spec gives the parameter (`PATH_PARAMETER_PATTERNS`).
 *
 * @example
 * ```ts
 * encodePathSegment('rel', 'idDocumentFront'); // 'idDocumentFront'
 * ```
 */
export function encodePathSegment(name: string, value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new InputError(name, `${name} must be a string, got ${show(value)}`);
  }
  const text = String(value);
  if (text === '') throw new InputError(name, `${name} is empty`);
  if (text === '.' || text === '..') {
    throw new InputError(
      name,
      `${name} ${show(text)} is not allowed: it would change the request path`,
    );
  }
  if (text.includes('/') || text.includes('\\')) {
    throw new InputError(name, `${name} ${show(text)} must not contain "/" or "\\"`);
  }
  const pattern = PATH_PATTERNS.get(name);
  if (pattern && !pattern.test(text)) {
    throw new InputError(
      name,
      `${name} ${show(text)} is not allowed: the spec requires ${pattern.source}`,
    );
  }
  return encodeURIComponent(text);
}

/**
 * openapi-fetch's path serializer for this client: fills `{name}` placeholders with checked,
 * encoded values (see {@link encodePathSegment}), for resource calls and `raw` calls alike.
 *
 * @example
 * ```ts
 * serializePath('https://x/pass/{chain}', { chain: 'solana' }); // '.../pass/solana'
 * ```
 */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  const { literals, names } = compiledTemplate(pathname);
  let path = literals[0] as string;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const value = params[name];
    if (value === undefined || value === null) {
      throw new InputError(name, `${name} is required to build ${pathname}`);
    }
    path += encodePathSegment(name, value) + (literals[i + 1] as string);
  }
  return path;
}

/** A path template split once into its literal parts and the names between them. */
interface CompiledTemplate {
  literals: string[];
  names: string[];
}

/** Compiled templates by URL template; a client uses a handful, the bound only guards misuse. */
const TEMPLATES = new Map<string, CompiledTemplate>();
const MAX_TEMPLATES = 256;

/** How many path templates are compiled and kept (at most 256); for tests. @internal */
export function templateCacheSize(): number {
  return TEMPLATES.size;
}

function compiledTemplate(pathname: string): CompiledTemplate {
  let compiled = TEMPLATES.get(pathname);
  if (compiled === undefined) {
    const parts = pathname.split(/\{([^{}]+)\}/);
    compiled = {
      literals: parts.filter((_, i) => i % 2 === 0),
      names: parts.filter((_, i) => i % 2 === 1),
    };
    if (TEMPLATES.size >= MAX_TEMPLATES) TEMPLATES.clear();
    TEMPLATES.set(pathname, compiled);
  }
  return compiled;
}
