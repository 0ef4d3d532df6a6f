/**
 * Walks two dereferenced OpenAPI documents side by side: servers, security schemes, then each
 * operation (matched by method and path, parameter names ignored) with its parameters, request
 * body, status codes, content types, headers and security, handing schemas to `diffSchema`.
 */
import {
  asList,
  asNode,
  type Change,
  Changes,
  isNode,
  type Node,
  type SpecDiffReport,
} from './model.js';
import { diffSchema } from './schema.js';
import { diffSecurity, diffSecuritySchemes, diffServers } from './security.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Operation {
  label: string;
  operationId: string | undefined;
  node: Node;
  parameters: Map<string, Node>;
  security: unknown[] | undefined;
}

/** Operations by `METHOD /path/{}` (parameter names do not matter to a caller). */
function operationsOf(document: Node): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const [template, rawItem] of Object.entries(asNode(document.paths))) {
    const item = asNode(rawItem);
    for (const method of METHODS) {
      const node = item[method];
      if (!isNode(node)) continue;
      const parameters = new Map<string, Node>();
      for (const raw of [...asList(item.parameters), ...asList(node.parameters)]) {
        if (!isNode(raw)) continue;
        const where = String(raw.in);
        const name = where === 'header' ? String(raw.name).toLowerCase() : String(raw.name);
        parameters.set(`${where} ${name}`, raw);
      }
      const operationId = typeof node.operationId === 'string' ? node.operationId : undefined;
      const key = `${method.toUpperCase()} ${template.replace(/\{[^}]*\}/g, '{}')}`;
      const security = Array.isArray(node.security) ? node.security : asList(document.security);
      out.set(key, {
        label: operationId ?? `${method.toUpperCase()} ${template}`,
        operationId,
        node,
        parameters,
        security:
          Array.isArray(node.security) || Array.isArray(document.security) ? security : undefined,
      });
    }
  }
  return out;
}

const isSuccess = (code: string) => /^2/.test(code);

function diffParameters(changes: Changes, label: string, a: Operation, b: Operation): void {
  for (const key of new Set([...a.parameters.keys(), ...b.parameters.keys()])) {
    const was = a.parameters.get(key);
    const now = b.parameters.get(key);
    const at = `${label} ${key.replace(' ', ' parameter ')}`;
    if (was && !now) {
      changes.add(
        'parameter-removed',
        at,
        'request',
        'breaking',
        `parameter removed: code that passes it stops compiling, or the server ignores it`,
      );
      continue;
    }
    if (!was && now) {
      const required = now.required === true;
      changes.add(
        'parameter-added',
        at,
        'request',
        required ? 'breaking' : 'non-breaking',
        required
          ? 'required parameter added: calls without it stop compiling, and the server refuses them'
          : 'optional parameter added',
      );
      continue;
    }
    if (!was || !now) continue;
    if (was.required !== true && now.required === true) {
      changes.add(
        'parameter-required',
        at,
        'request',
        'breaking',
        'parameter is now required: calls without it stop compiling, and the server refuses them',
      );
    } else if (was.required === true && now.required !== true) {
      changes.add('parameter-optional', at, 'request', 'non-breaking', 'parameter is now optional');
    }
    diffSchema(changes, at, was.schema, now.schema, 'request');
  }
}

function diffRequestBody(changes: Changes, label: string, a: Node, b: Node): void {
  const at = `${label} request body`;
  const was = isNode(a.requestBody) ? a.requestBody : undefined;
  const now = isNode(b.requestBody) ? b.requestBody : undefined;
  if (was && !now) {
    changes.add(
      'request-body-removed',
      at,
      'request',
      'breaking',
      'request body removed: code that sends one stops compiling',
    );
    return;
  }
  if (!was && now) {
    const required = now.required === true;
    changes.add(
      'request-body-added',
      at,
      'request',
      required ? 'breaking' : 'non-breaking',
      required
        ? 'required request body added: calls without it are refused'
        : 'optional request body added',
    );
  }
  if (was && now) {
    if (was.required !== true && now.required === true) {
      changes.add(
        'request-body-required',
        at,
        'request',
        'breaking',
        'request body is now required: calls without it are refused',
      );
    } else if (was.required === true && now.required !== true) {
      changes.add(
        'request-body-optional',
        at,
        'request',
        'non-breaking',
        'request body is now optional',
      );
    }
  }
  diffContent(changes, at, was?.content, now?.content, 'request');
}

function diffContent(
  changes: Changes,
  at: string,
  a: unknown,
  b: unknown,
  side: 'request' | 'response',
): void {
  const was = asNode(a);
  const now = asNode(b);
  const where = (type: string) => (type === 'application/json' ? at : `${at} (${type})`);
  for (const type of new Set([...Object.keys(was), ...Object.keys(now)])) {
    if (!(type in now)) {
      changes.add(
        'content-type-removed',
        where(type),
        side,
        'breaking',
        side === 'request'
          ? `content type ${type} removed: the server refuses bodies sent as ${type}`
          : `content type ${type} removed: the generated answer type loses this body`,
      );
    } else if (!(type in was)) {
      changes.add(
        'content-type-added',
        where(type),
        side,
        'non-breaking',
        `content type ${type} added`,
      );
    } else {
      diffSchema(changes, where(type), asNode(was[type]).schema, asNode(now[type]).schema, side);
    }
  }
}

function diffResponses(changes: Changes, label: string, a: Node, b: Node): void {
  const was = asNode(a.responses);
  const now = asNode(b.responses);
  for (const code of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const at = `${label} response ${code}`;
    if (!(code in now)) {
      // Error statuses reach the client as ApiError whatever the spec says; success ones shape data.
      const success = isSuccess(code);
      changes.add(
        'status-removed',
        at,
        'response',
        success ? 'breaking' : 'non-breaking',
        success
          ? `success status ${code} removed: the generated answer type changes`
          : `status ${code} no longer documented`,
      );
      continue;
    }
    if (!(code in was)) {
      const success = isSuccess(code);
      changes.add(
        'status-added',
        at,
        'response',
        success ? 'breaking' : 'non-breaking',
        success
          ? `success status ${code} added: answers the client's code does not expect`
          : `status ${code} documented (it reaches the client as an ApiError)`,
      );
      continue;
    }
    const ra = asNode(was[code]);
    const rb = asNode(now[code]);
    diffContent(changes, `${at} body`, ra.content, rb.content, 'response');
    const headersA = asNode(ra.headers);
    const headersB = asNode(rb.headers);
    const lower = (node: Node) =>
      new Map(Object.entries(node).map(([k, v]) => [k.toLowerCase(), v]));
    const ha = lower(headersA);
    const hb = lower(headersB);
    for (const name of new Set([...ha.keys(), ...hb.keys()])) {
      const where = `${at} header ${name}`;
      if (!hb.has(name)) {
        changes.add(
          'response-header-removed',
          where,
          'response',
          'breaking',
          'header removed: code that reads it gets nothing',
        );
      } else if (!ha.has(name)) {
        changes.add('response-header-added', where, 'response', 'non-breaking', 'header added');
      } else {
        diffSchema(
          changes,
          where,
          asNode(ha.get(name)).schema,
          asNode(hb.get(name)).schema,
          'response',
        );
      }
    }
  }
}

/** Classifies every difference between two dereferenced documents. */
export function compareDocuments(before: Node, after: Node): SpecDiffReport {
  const changes = new Changes();
  diffServers(changes, before, after);
  diffSecuritySchemes(changes, before, after);
  const was = operationsOf(before);
  const now = operationsOf(after);
  for (const [key, a] of was) {
    const b = now.get(key);
    if (!b) {
      changes.add(
        'operation-removed',
        `${a.label} ${key}`,
        'both',
        'breaking',
        'operation removed: code that calls it stops compiling',
      );
      continue;
    }
    const label = b.label;
    if (a.operationId !== b.operationId) {
      changes.add(
        'operation-renamed',
        label,
        'both',
        'breaking',
        `operationId ${a.operationId ?? '(none)'} became ${b.operationId ?? '(none)'}: generated names change`,
      );
    }
    diffSecurity(changes, label, a.security, b.security);
    diffParameters(changes, label, a, b);
    diffRequestBody(changes, label, a.node, b.node);
    diffResponses(changes, label, a.node, b.node);
  }
  for (const [key, b] of now) {
    if (!was.has(key)) {
      changes.add(
        'operation-added',
        `${b.label} ${key}`,
        'both',
        'non-breaking',
        'operation added',
      );
    }
  }
  const list: Change[] = changes.list;
  return { breaking: list.some((change) => change.severity === 'breaking'), changes: list };
}
