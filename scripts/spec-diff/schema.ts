/**
 * Compares two versions of one schema (already dereferenced) in one direction. Compositions are
 * flattened first: `oneOf`/`anyOf` into the envelope of their branches (any property of any
 * branch, required only where every branch requires it, every enum value of any branch), `allOf`
 * into the sum of its parts. That keeps a refactoring such as "object split into two `oneOf`
 * variants" from reading as a rewrite; what the envelope cannot see (which network pairs with
 * which chain inside a `oneOf`) is left out, and the README says so.
 */
import { type Changes, isNode, type Node, narrowing, widening } from './model.js';

type Side = 'request' | 'response';

/** What a schema says about the values it allows, compositions flattened. */
interface Shape {
  /** Allowed JSON types; null means any. */
  types: Set<string> | null;
  nullable: boolean;
  enum: Set<string> | null;
  format: string | undefined;
  pattern: string | undefined;
  default: string | undefined;
  /** Lower bounds (`minimum`, `minLength`, ...) and upper bounds, by keyword. */
  lower: Map<string, number>;
  upper: Map<string, number>;
  properties: Map<string, unknown>;
  required: Set<string>;
  /** false when no other property is allowed; a schema when others must match it. */
  additional: unknown;
  items: unknown;
}

const LOWER = ['minimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER = ['maximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const MAX_DEPTH = 16;

function lowerBound(schema: Node, key: string): number | undefined {
  const value = schema[key];
  if (typeof value !== 'number') return undefined;
  // OpenAPI 3.0 writes exclusiveness as a flag; treat `> n` as `>= n + tiny` for comparing.
  if (key === 'minimum' && schema.exclusiveMinimum === true) return value + 1e-9;
  return value;
}

function upperBound(schema: Node, key: string): number | undefined {
  const value = schema[key];
  if (typeof value !== 'number') return undefined;
  if (key === 'maximum' && schema.exclusiveMaximum === true) return value - 1e-9;
  return value;
}

function plain(schema: Node): Shape {
  const shape: Shape = {
    types: typeof schema.type === 'string' ? new Set([schema.type]) : null,
    nullable: schema.nullable === true,
    enum: Array.isArray(schema.enum) ? new Set(schema.enum.map((v) => String(v))) : null,
    format: typeof schema.format === 'string' ? schema.format : undefined,
    pattern: typeof schema.pattern === 'string' ? schema.pattern : undefined,
    default: schema.default === undefined ? undefined : JSON.stringify(schema.default),
    lower: new Map(),
    upper: new Map(),
    properties: new Map(isNode(schema.properties) ? Object.entries(schema.properties) : []),
    required: new Set(Array.isArray(schema.required) ? schema.required.map(String) : []),
    additional: schema.additionalProperties,
    items: schema.items,
  };
  if (Array.isArray(schema.type)) shape.types = new Set(schema.type.map(String));
  for (const key of LOWER) {
    const value = lowerBound(schema, key);
    if (value !== undefined) shape.lower.set(key, value);
  }
  for (const key of UPPER) {
    const value = upperBound(schema, key);
    if (value !== undefined) shape.upper.set(key, value);
  }
  if (typeof schema.exclusiveMinimum === 'number')
    shape.lower.set('minimum', schema.exclusiveMinimum + 1e-9);
  if (typeof schema.exclusiveMaximum === 'number')
    shape.upper.set('maximum', schema.exclusiveMaximum - 1e-9);
  return shape;
}

/** The envelope of alternatives: whatever any branch allows. */
function union(shapes: Shape[]): Shape {
  const [first, ...rest] = shapes;
  if (!first) return plain({});
  const out: Shape = {
    ...first,
    properties: new Map(first.properties),
    required: new Set(first.required),
  };
  for (const next of rest) {
    out.types = out.types && next.types ? new Set([...out.types, ...next.types]) : null;
    out.nullable ||= next.nullable;
    out.enum = out.enum && next.enum ? new Set([...out.enum, ...next.enum]) : null;
    if (out.format !== next.format) out.format = undefined;
    if (out.pattern !== next.pattern) out.pattern = undefined;
    if (out.default !== next.default) out.default = undefined;
    for (const [key, value] of out.lower) {
      const other = next.lower.get(key);
      if (other === undefined) out.lower.delete(key);
      else out.lower.set(key, Math.min(value, other));
    }
    for (const [key, value] of out.upper) {
      const other = next.upper.get(key);
      if (other === undefined) out.upper.delete(key);
      else out.upper.set(key, Math.max(value, other));
    }
    for (const [name, schema] of next.properties) {
      const known = out.properties.get(name);
      out.properties.set(name, known === undefined ? schema : { anyOf: [known, schema] });
    }
    out.required = new Set([...out.required].filter((name) => next.required.has(name)));
    if (out.additional === false && next.additional !== false) out.additional = next.additional;
    if (next.items !== undefined) {
      out.items = out.items === undefined ? next.items : { anyOf: [out.items, next.items] };
    }
  }
  return out;
}

/** The sum of parts (`allOf`): every part's properties and requirements. */
function intersection(shapes: Shape[]): Shape {
  const out = plain({});
  for (const next of shapes) {
    if (next.types)
      out.types = out.types
        ? new Set([...out.types].filter((t) => next.types?.has(t)))
        : next.types;
    if (next.enum)
      out.enum = out.enum ? new Set([...out.enum].filter((v) => next.enum?.has(v))) : next.enum;
    out.format ??= next.format;
    out.pattern ??= next.pattern;
    out.default ??= next.default;
    for (const [key, value] of next.lower)
      out.lower.set(key, Math.max(value, out.lower.get(key) ?? value));
    for (const [key, value] of next.upper)
      out.upper.set(key, Math.min(value, out.upper.get(key) ?? value));
    for (const [name, schema] of next.properties) {
      const known = out.properties.get(name);
      out.properties.set(name, known === undefined ? schema : { allOf: [known, schema] });
    }
    for (const name of next.required) out.required.add(name);
    if (next.additional !== undefined) out.additional = next.additional;
    out.items ??= next.items;
  }
  out.nullable = shapes.length > 0 && shapes.every((shape) => shape.nullable);
  return out;
}

/** Flattens a schema (compositions included) into one {@link Shape}. */
export function shapeOf(schema: unknown, depth = 0): Shape {
  if (!isNode(schema) || depth > MAX_DEPTH) return plain({});
  const own = plain(schema);
  const alternatives = [schema.oneOf, schema.anyOf].find(Array.isArray) as unknown[] | undefined;
  const parts: Shape[] = [];
  if (alternatives) parts.push(union(alternatives.map((branch) => shapeOf(branch, depth + 1))));
  if (Array.isArray(schema.allOf)) {
    parts.push(intersection(schema.allOf.map((part) => shapeOf(part, depth + 1))));
  }
  if (parts.length === 0) return own;
  return intersection([own, ...parts]);
}

const list = (values: Iterable<string>) => [...values].map((v) => `'${v}'`).join(', ');

/** Does a value of JSON type `type` still fit `allowed`? (an integer is a number) */
const covered = (type: string, allowed: Set<string> | null) =>
  allowed === null || allowed.has(type) || (type === 'integer' && allowed.has('number'));

function describeTypes(types: Set<string> | null): string {
  return types ? [...types].join(' | ') : 'any';
}

const CONSEQUENCE: Record<Side, { narrower: string; wider: string }> = {
  request: {
    narrower: 'the server refuses values it accepted before',
    wider: 'the server accepts more than before',
  },
  response: {
    narrower: 'the server promises less variety than before',
    wider: 'answers may hold values the client was promised it would never see',
  },
};

/**
 * Compares `before` with `after` at `at`, adding one change per difference. `side` says whose
 * values they are: the client's (request) or the server's (response).
 */
export function diffSchema(
  changes: Changes,
  at: string,
  before: unknown,
  after: unknown,
  side: Side,
  depth = 0,
): void {
  if (depth > MAX_DEPTH) return;
  const a = shapeOf(before);
  const b = shapeOf(after);
  const why = CONSEQUENCE[side];

  if (describeTypes(a.types) !== describeTypes(b.types)) {
    const lost = [...(a.types ?? ['any'])].some((type) => !covered(type, b.types));
    const gained = [...(b.types ?? ['any'])].some((type) => !covered(type, a.types));
    const severity = lost && gained ? 'breaking' : lost ? narrowing(side) : widening(side);
    changes.add(
      'type-changed',
      at,
      side,
      severity,
      `type ${describeTypes(a.types)} became ${describeTypes(b.types)}: ` +
        (lost && gained ? 'the generated type changes' : lost ? why.narrower : why.wider),
    );
  }
  if (a.nullable !== b.nullable) {
    changes.add(
      b.nullable ? 'nullable-added' : 'nullable-removed',
      at,
      side,
      b.nullable ? widening(side) : narrowing(side),
      `${b.nullable ? 'null is now allowed' : 'null is no longer allowed'}: ${b.nullable ? why.wider : why.narrower}`,
    );
  }
  diffEnum(changes, at, a.enum, b.enum, side);
  for (const key of ['format', 'pattern'] as const) {
    const was = a[key];
    const now = b[key];
    if (was === now) continue;
    if (was === undefined) {
      changes.add(
        `${key}-added`,
        at,
        side,
        narrowing(side),
        `${key} ${now} added: ${why.narrower}`,
      );
    } else if (now === undefined) {
      changes.add(
        `${key}-removed`,
        at,
        side,
        widening(side),
        `${key} ${was} removed: ${why.wider}`,
      );
    } else {
      changes.add(`${key}-changed`, at, side, 'breaking', `${key} ${was} became ${now}`);
    }
  }
  if (a.default !== b.default) {
    // A request default is what the server does when the client leaves the field out.
    const changed = side === 'request' && a.default !== undefined && b.default !== undefined;
    changes.add(
      'default-changed',
      at,
      side,
      changed ? 'breaking' : 'non-breaking',
      `default ${a.default ?? '(none)'} became ${b.default ?? '(none)'}` +
        (changed ? ': a client that leaves it out gets other behaviour' : ''),
    );
  }
  diffBounds(changes, at, a, b, side);
  diffProperties(changes, at, a, b, side, depth);
  if (a.additional === false && b.additional !== false) {
    changes.add(
      'additional-properties-allowed',
      at,
      side,
      widening(side),
      `other properties are now allowed: ${why.wider}`,
    );
  } else if (a.additional !== false && b.additional === false) {
    changes.add(
      'additional-properties-forbidden',
      at,
      side,
      narrowing(side),
      `other properties are no longer allowed: ${why.narrower}`,
    );
  } else if (isNode(a.additional) || isNode(b.additional)) {
    diffSchema(changes, `${at}{*}`, a.additional, b.additional, side, depth + 1);
  }
  if (a.items !== undefined || b.items !== undefined) {
    diffSchema(changes, `${at}[]`, a.items, b.items, side, depth + 1);
  }
}

function diffEnum(
  changes: Changes,
  at: string,
  was: Set<string> | null,
  now: Set<string> | null,
  side: Side,
): void {
  if (was === null && now === null) return;
  if (was === null && now) {
    changes.add('enum-added', at, side, narrowing(side), `now limited to ${list(now)}`);
    return;
  }
  if (was && now === null) {
    changes.add('enum-removed', at, side, widening(side), `no longer limited to ${list(was)}`);
    return;
  }
  if (!was || !now) return;
  const added = [...now].filter((value) => !was.has(value));
  const removed = [...was].filter((value) => !now.has(value));
  // One change per location and direction, naming every value: 26 new networks read as one line.
  const values = (list: string[]) =>
    `enum value${list.length > 1 ? 's' : ''} ${list.map((v) => `'${v}'`).join(', ')}`;
  const them = (list: string[]) => (list.length > 1 ? 'them' : 'it');
  if (removed.length > 0) {
    changes.add(
      'enum-value-removed',
      at,
      side,
      narrowing(side),
      side === 'request'
        ? `${values(removed)} removed: code that sends ${them(removed)} stops compiling, and the server refuses ${them(removed)}`
        : `${values(removed)} removed: the server no longer sends ${them(removed)}`,
    );
  }
  if (added.length > 0) {
    changes.add(
      'enum-value-added',
      at,
      side,
      widening(side),
      side === 'request'
        ? `${values(added)} added: the client may send ${them(added)}`
        : `${values(added)} added: answers may carry ${them(added)}, and an exhaustive switch over the old values misses ${them(added)}`,
    );
  }
}

function diffBounds(changes: Changes, at: string, a: Shape, b: Shape, side: Side): void {
  const why = CONSEQUENCE[side];
  const describe = (value: number | undefined) =>
    value === undefined ? '(none)' : String(Math.round(value * 1e6) / 1e6);
  for (const [keys, bounds] of [
    [LOWER, 'lower'],
    [UPPER, 'upper'],
  ] as const) {
    for (const key of keys) {
      const was = a[bounds].get(key);
      const now = b[bounds].get(key);
      if (was === now) continue;
      // A bound that appears, or moves inwards, lets fewer values through.
      const tighter =
        was === undefined || (now !== undefined && (bounds === 'lower' ? now > was : now < was));
      changes.add(
        tighter ? 'bound-tightened' : 'bound-loosened',
        at,
        side,
        tighter ? narrowing(side) : widening(side),
        `${key} ${describe(was)} became ${describe(now)}: ${tighter ? why.narrower : why.wider}`,
      );
    }
  }
}

function diffProperties(
  changes: Changes,
  at: string,
  a: Shape,
  b: Shape,
  side: Side,
  depth: number,
): void {
  const names = new Set([
    ...a.properties.keys(),
    ...b.properties.keys(),
    ...a.required,
    ...b.required,
  ]);
  for (const name of names) {
    const where = `${at}.${name}`;
    const had = a.properties.has(name) || a.required.has(name);
    const has = b.properties.has(name) || b.required.has(name);
    if (had && !has) {
      changes.add(
        'property-removed',
        where,
        side,
        'breaking',
        side === 'request'
          ? `property ${name} removed: code that sets it stops compiling, or the server ignores it`
          : `property ${name} removed: code that reads it stops compiling`,
      );
      continue;
    }
    if (!had && has) {
      const required = b.required.has(name);
      changes.add(
        'property-added',
        where,
        side,
        side === 'request' && required ? 'breaking' : 'non-breaking',
        side === 'request' && required
          ? `required property ${name} added: code that does not set it stops compiling, and the server refuses the request`
          : `${required ? 'required' : 'optional'} property ${name} added`,
      );
      continue;
    }
    const wasRequired = a.required.has(name);
    const isRequired = b.required.has(name);
    if (!wasRequired && isRequired) {
      changes.add(
        'property-required',
        where,
        side,
        narrowing(side),
        side === 'request'
          ? `property ${name} is now required: code that does not set it stops compiling, and the server refuses the request`
          : `property ${name} is now always present`,
      );
    } else if (wasRequired && !isRequired) {
      changes.add(
        'property-optional',
        where,
        side,
        widening(side),
        side === 'request'
          ? `property ${name} is now optional`
          : `property ${name} may now be missing: its type gains undefined, and code that reads it stops compiling`,
      );
    }
    diffSchema(changes, where, a.properties.get(name), b.properties.get(name), side, depth + 1);
  }
}
