/**
 * Compares two OpenAPI documents element by element: operations, parameters, request and
 * response bodies, and inside every schema each property's type, format, enum values, default
 * and required list, plus documented status codes and security scopes. Descriptions, examples
 * and schema names are ignored, so two specs that describe the same contract in different words
 * compare equal.
 *
 *   npm run spec:diff -- <before.yaml> [<after.yaml>]   (after defaults to spec/customer_api.yaml)
 *
 * Prints one line per element that was removed (-), added (+) or changed (~), and exits 1 when
 * something was removed or changed: what a client built against `before` may break on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';

type Node = Record<string, unknown>;

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a schema node says about the values it accepts, without descriptions or examples. */
function describeSchema(schema: Node): string {
  const parts: string[] = [];
  if (typeof schema.type === 'string') parts.push(schema.type);
  if (typeof schema.format === 'string') parts.push(`format ${schema.format}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (typeof schema.pattern === 'string') parts.push(`pattern ${schema.pattern}`);
  if (schema.nullable === true) parts.push('nullable');
  return parts.join(', ') || 'any';
}

function flattenSchema(out: Map<string, string>, at: string, schema: unknown, depth = 0): void {
  if (!isNode(schema) || depth > 12) return;
  out.set(at, describeSchema(schema));
  // Enum values and required names are elements of their own, so a diff names each one.
  if (Array.isArray(schema.enum)) {
    for (const value of schema.enum) out.set(`${at} enum ${String(value)}`, 'allowed');
  }
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) out.set(`${at} requires ${String(name)}`, 'required');
  }
  if (isNode(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      flattenSchema(out, `${at}.${name}`, property, depth + 1);
    }
  }
  if (schema.items !== undefined) flattenSchema(out, `${at}[]`, schema.items, depth + 1);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) {
      list.forEach((entry, index) => {
        flattenSchema(out, `${at} ${key}[${index}]`, entry, depth + 1);
      });
    }
  }
}

function flattenContent(out: Map<string, string>, at: string, content: unknown): void {
  if (!isNode(content)) return;
  for (const [mediaType, media] of Object.entries(content)) {
    out.set(`${at} ${mediaType}`, 'content');
    if (isNode(media)) flattenSchema(out, `${at} ${mediaType} body`, media.schema);
  }
}

/** Every contract element of a dereferenced document, as `location -> what it says`. */
export function flatten(document: Node): Map<string, string> {
  const out = new Map<string, string>();
  const paths = isNode(document.paths) ? document.paths : {};
  for (const [template, item] of Object.entries(paths)) {
    if (!isNode(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method) || !isNode(operation)) continue;
      const id = `${String(operation.operationId)}`;
      out.set(`${id}`, `${method.toUpperCase()} ${template}`);
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      for (const parameter of [...shared, ...own]) {
        if (!isNode(parameter)) continue;
        const at = `${id} ${String(parameter.in)} parameter ${String(parameter.name)}`;
        out.set(at, parameter.required === true ? 'required' : 'optional');
        flattenSchema(out, `${at} schema`, parameter.schema);
      }
      if (isNode(operation.requestBody)) {
        const body = operation.requestBody;
        out.set(`${id} request`, body.required === true ? 'required' : 'optional');
        flattenContent(out, `${id} request`, body.content);
      }
      const responses = isNode(operation.responses) ? operation.responses : {};
      for (const [code, response] of Object.entries(responses)) {
        out.set(`${id} response ${code}`, 'documented');
        if (isNode(response)) flattenContent(out, `${id} response ${code}`, response.content);
      }
      const security = Array.isArray(operation.security) ? operation.security : document.security;
      if (Array.isArray(security)) {
        for (const requirement of security) {
          if (!isNode(requirement)) continue;
          for (const [scheme, scopes] of Object.entries(requirement)) {
            const list = Array.isArray(scopes) ? scopes.join(', ') : '';
            out.set(`${id} security ${scheme}`, list || '(no scopes)');
          }
        }
      }
    }
  }
  return out;
}

/** Dereferences without validating, so that Civic's invalid 2023-12 and 2024-02 files load too. */
async function load(file: string): Promise<Node> {
  const parsed: unknown = parseYaml(readFileSync(file, 'utf8'));
  if (!isNode(parsed)) throw new Error(`${file} does not hold an OpenAPI document`);
  // dereference() resolves $refs without validating the document.
  return (await SwaggerParser.dereference(parsed as never)) as unknown as Node;
}

export interface SpecDiff {
  removed: string[];
  added: string[];
  changed: string[];
}

export async function diffSpecs(before: string, after: string): Promise<SpecDiff> {
  const a = flatten(await load(before));
  const b = flatten(await load(after));
  const diff: SpecDiff = { removed: [], added: [], changed: [] };
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined) diff.removed.push(`${key}: ${value}`);
    else if (other !== value) diff.changed.push(`${key}: ${value} -> ${other}`);
  }
  for (const [key, value] of b) if (!a.has(key)) diff.added.push(`${key}: ${value}`);
  return diff;
}

async function main(): Promise<void> {
  const [before, after = 'spec/customer_api.yaml'] = process.argv.slice(2);
  if (!before) {
    console.error('usage: npm run spec:diff -- <before.yaml> [<after.yaml>]');
    process.exitCode = 2;
    return;
  }
  const diff = await diffSpecs(before, after);
  for (const line of diff.removed) console.log(`- ${line}`);
  for (const line of diff.changed) console.log(`~ ${line}`);
  for (const line of diff.added) console.log(`+ ${line}`);
  console.log(
    `\n${path.basename(before)} -> ${path.basename(after)}: ${diff.removed.length} removed, ` +
      `${diff.changed.length} changed, ${diff.added.length} added`,
  );
  if (diff.removed.length > 0 || diff.changed.length > 0) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`spec:diff: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
