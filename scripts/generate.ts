/**
 * Turns `spec/customer_api.yaml` into the files under `generated/`.
 *
 *   npm run generate                      write generated/ from spec/customer_api.yaml, first
 *                                         printing what changed against the previous output
 *                                         (breaking or not, as `npm run spec:diff` judges)
 *   npm run generate -- --check           exit 1, naming stale files, if generated/ is out of date
 *   npm run generate -- --spec F --out D  generate from another spec into another folder
 *
 * The spec is validated first (@apidevtools/swagger-parser); an invalid spec stops here with the
 * validator's message. Output is formatted with Biome and contains nothing that varies between
 * runs, so regenerating an unchanged spec leaves git clean.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { compareDocuments } from './spec-diff/classify.js';
import { dereference, loadSpec } from './spec-diff/load.js';
import { formatText } from './spec-diff/report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const isHttpMethod = (key: string) => HTTP_METHODS.has(key);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface GenerateOptions {
  /** The spec to read, absolute or relative to the project root. */
  spec: string;
}

/** A generated file: its name inside `generated/` and its full text. */
export interface GeneratedFile {
  name: string;
  text: string;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function header(specLabel: string): string {
  return [
    `// Generated from ${specLabel} by scripts/generate.ts. Do not edit:`,
    '// change the spec and run `npm run generate`.',
    '',
  ].join('\n');
}

/** Validates the spec; throws an Error whose message is the validator's, with the location. */
async function validate(specPath: string, document: JsonObject): Promise<void> {
  try {
    // swagger-parser dereferences in place, so it gets its own copy.
    await SwaggerParser.validate(structuredClone(document) as never);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${specPath} is not a valid OpenAPI document:\n${message}`);
  }
}

/** Follows a local `$ref` (`#/components/...`) inside the document. */
function resolve(document: JsonObject, node: Json | undefined): Json | undefined {
  if (!isObject(node) || typeof node.$ref !== 'string') return node;
  const parts = node.$ref.replace(/^#\//, '').split('/');
  let current: Json | undefined = document;
  for (const part of parts) {
    if (!isObject(current)) return undefined;
    current = current[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return resolve(document, current);
}

function screamingSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  tag: string | null;
  summary: string | null;
  statusCodes: number[];
  scopes: string[] | null;
  /** `properties`: the top-level property names of the JSON body, checked before sending. */
  requestBody: { required: boolean; contentTypes: string[]; properties: string[] } | null;
  responseContentTypes: Record<string, string[]>;
  /**
   * Where the JSON success answer holds an enum, and its values: `events[].eventType` → the
   * event types. The client's opt-in `strictEnums` checks answers against these.
   */
  responseEnums: Record<string, string[]>;
}

/** The property names a JSON request body may have, `allOf`/`oneOf`/`anyOf` parts included. */
function jsonBodyProperties(document: JsonObject, body: JsonObject): string[] {
  const content = isObject(body.content) ? body.content : {};
  const media = content['application/json'];
  const names = new Set<string>();
  const visit = (node: Json | undefined, depth: number) => {
    const schema = resolve(document, node);
    if (!isObject(schema) || depth > 8) return;
    if (isObject(schema.properties))
      for (const name of Object.keys(schema.properties)) names.add(name);
    for (const key of ['allOf', 'oneOf', 'anyOf']) {
      const parts = schema[key];
      if (Array.isArray(parts)) for (const part of parts) visit(part, depth + 1);
    }
  };
  if (isObject(media)) visit(media.schema, 0);
  return [...names];
}

/**
 * Records every enum a schema holds by where it sits in a value (`state`, `chain.network`,
 * `events[].eventType`); alternatives (`oneOf`/`anyOf`) add their values to the same place.
 */
function collectEnums(
  document: JsonObject,
  node: Json | undefined,
  at: string,
  out: Record<string, string[]>,
  depth: number,
): void {
  const schema = resolve(document, node);
  if (!isObject(schema) || depth > 12) return;
  if (Array.isArray(schema.enum)) {
    const known = new Set(out[at] ?? []);
    for (const value of schema.enum) known.add(String(value));
    out[at] = [...known];
  }
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      collectEnums(document, property, at === '' ? name : `${at}.${name}`, out, depth + 1);
    }
  }
  if (schema.items !== undefined) collectEnums(document, schema.items, `${at}[]`, out, depth + 1);
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const parts = schema[key];
    if (Array.isArray(parts))
      for (const part of parts) collectEnums(document, part, at, out, depth + 1);
  }
}

function collectOperations(document: JsonObject): OperationInfo[] {
  const operations: OperationInfo[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  const globalSecurity = document.security;
  for (const [template, rawItem] of Object.entries(paths)) {
    const item = resolve(document, rawItem);
    if (!isObject(item)) continue;
    // The spec's own order, so the list reads like the document.
    for (const method of Object.keys(item).filter(isHttpMethod)) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      if (typeof operation.operationId !== 'string') {
        throw new Error(`${method.toUpperCase()} ${template} has no operationId`);
      }
      const responses = isObject(operation.responses) ? operation.responses : {};
      const statusCodes: number[] = [];
      const responseContentTypes: Record<string, string[]> = {};
      const responseEnums: Record<string, string[]> = {};
      for (const [code, rawResponse] of Object.entries(responses)) {
        if (!/^[1-5]\d\d$/.test(code)) continue; // `default` and `2XX` ranges are not codes
        statusCodes.push(Number(code));
        const response = resolve(document, rawResponse);
        const content = isObject(response) && isObject(response.content) ? response.content : {};
        responseContentTypes[code] = Object.keys(content);
        const json = content['application/json'];
        if (code.startsWith('2') && isObject(json)) {
          collectEnums(document, json.schema, '', responseEnums, 0);
        }
      }
      statusCodes.sort((a, b) => a - b);
      const security = operation.security ?? globalSecurity;
      let scopes: string[] | null = null;
      if (Array.isArray(security) && security.length > 0) {
        scopes = [];
        for (const requirement of security) {
          if (!isObject(requirement)) continue;
          for (const list of Object.values(requirement)) {
            if (Array.isArray(list)) scopes.push(...list.map(String));
          }
        }
      }
      const body = resolve(document, operation.requestBody);
      const tags = Array.isArray(operation.tags) ? operation.tags : [];
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path: template,
        tag: typeof tags[0] === 'string' ? tags[0] : null,
        summary: typeof operation.summary === 'string' ? operation.summary : null,
        statusCodes,
        scopes,
        requestBody: isObject(body)
          ? {
              required: body.required === true,
              contentTypes: isObject(body.content) ? Object.keys(body.content) : [],
              properties: jsonBodyProperties(document, body),
            }
          : null,
        responseContentTypes,
        responseEnums,
      });
    }
  }
  return operations;
}

/**
 * The `pattern` of every path parameter, by name. Parameters of one name share one pattern, or
 * the client could not check them by name: a conflict stops the build.
 */
function collectPathPatterns(document: JsonObject): Record<string, string> {
  const patterns: Record<string, string> = {};
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [template, rawItem] of Object.entries(paths)) {
    const item = resolve(document, rawItem);
    if (!isObject(item)) continue;
    const lists = [
      item.parameters,
      ...Object.keys(item)
        .filter(isHttpMethod)
        .map((m) => {
          const operation = item[m];
          return isObject(operation) ? operation.parameters : undefined;
        }),
    ];
    for (const list of lists) {
      if (!Array.isArray(list)) continue;
      for (const raw of list) {
        const parameter = resolve(document, raw);
        if (!isObject(parameter) || parameter.in !== 'path') continue;
        const schema = resolve(document, parameter.schema);
        if (!isObject(schema) || typeof schema.pattern !== 'string') continue;
        const name = String(parameter.name);
        const known = patterns[name];
        if (known !== undefined && known !== schema.pattern) {
          throw new Error(`path parameter "${name}" of ${template} has a second pattern`);
        }
        new RegExp(schema.pattern, 'u');
        patterns[name] = schema.pattern;
      }
    }
  }
  return patterns;
}

/** The bounds a schema property gives a number: what the client checks before sending. */
interface NumberBounds {
  integer: boolean;
  minimum: number | null;
  maximum: number | null;
}

/**
 * The bounds of every numeric property of a named object schema, as `Schema.property` (for
 * example `ListPassRequest.limit`), so the client checks the spec's limits, not its own copy.
 */
function collectNumberBounds(schemas: JsonObject): Record<string, NumberBounds> {
  const bounds: Record<string, NumberBounds> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema) || !isObject(schema.properties)) continue;
    for (const [property, raw] of Object.entries(schema.properties)) {
      if (!isObject(raw) || (raw.type !== 'integer' && raw.type !== 'number')) continue;
      bounds[`${name}.${property}`] = {
        integer: raw.type === 'integer',
        minimum: typeof raw.minimum === 'number' ? raw.minimum : null,
        maximum: typeof raw.maximum === 'number' ? raw.maximum : null,
      };
    }
  }
  return bounds;
}

interface ChainInfo {
  networks: string[];
  walletPattern: string | null;
  walletFormat: string | null;
}

/**
 * Reads which networks belong to which chain from the `x-civic-chains` extension of the `Chain`
 * schema, and checks that it names every network of the `ChainNetwork` enum exactly once.
 * Civic's own specs lack the extension: then every chain accepts every network, with a warning.
 */
function collectChains(
  schemas: JsonObject,
  warn: (message: string) => void,
): Record<string, ChainInfo> {
  const chainSchema = schemas.Chain;
  const networkSchema = schemas.ChainNetwork;
  const chains = isObject(chainSchema) && Array.isArray(chainSchema.enum) ? chainSchema.enum : [];
  const networks =
    isObject(networkSchema) && Array.isArray(networkSchema.enum) ? networkSchema.enum : [];
  const extension = isObject(chainSchema) ? chainSchema['x-civic-chains'] : undefined;
  const result: Record<string, ChainInfo> = {};
  if (!isObject(extension)) {
    warn(
      'the Chain schema has no x-civic-chains extension: every network is allowed on every chain',
    );
    for (const chain of chains) {
      result[String(chain)] = {
        networks: networks.map(String),
        walletPattern: null,
        walletFormat: null,
      };
    }
    return result;
  }
  const owner = new Map<string, string>();
  for (const chain of chains.map(String)) {
    const entry = extension[chain];
    if (!isObject(entry) || !Array.isArray(entry.networks)) {
      throw new Error(`x-civic-chains has no networks for the chain "${chain}"`);
    }
    for (const network of entry.networks.map(String)) {
      if (!networks.includes(network)) {
        throw new Error(`x-civic-chains.${chain} names "${network}", which ChainNetwork lacks`);
      }
      const previous = owner.get(network);
      if (previous) {
        throw new Error(`x-civic-chains puts "${network}" under both ${previous} and ${chain}`);
      }
      owner.set(network, chain);
    }
    if (typeof entry.walletPattern === 'string') new RegExp(entry.walletPattern, 'u');
    result[chain] = {
      networks: entry.networks.map(String),
      walletPattern: typeof entry.walletPattern === 'string' ? entry.walletPattern : null,
      walletFormat: typeof entry.walletFormat === 'string' ? entry.walletFormat : null,
    };
  }
  const orphans = networks.map(String).filter((network) => !owner.has(network));
  if (orphans.length > 0) {
    throw new Error(`x-civic-chains assigns no chain to: ${orphans.join(', ')}`);
  }
  for (const key of Object.keys(extension)) {
    if (!chains.includes(key)) throw new Error(`x-civic-chains names an unknown chain "${key}"`);
  }
  return result;
}

/**
 * Checks that the `oneOf` branches of `PassChain` (the pairing for bodies) give each chain
 * exactly the networks `x-civic-chains` gives it (the pairing for paths): the spec says it twice
 * because OpenAPI 3.0 cannot tie two path parameters together, so the two must not drift apart.
 */
function checkPassChainPairing(document: JsonObject, chains: Record<string, ChainInfo>): void {
  const schemas = isObject(document.components) ? document.components.schemas : undefined;
  const passChain = isObject(schemas) ? schemas.PassChain : undefined;
  if (!isObject(passChain) || !Array.isArray(passChain.oneOf)) return;
  for (const rawBranch of passChain.oneOf) {
    const branch = resolve(document, rawBranch);
    const properties = isObject(branch) && isObject(branch.properties) ? branch.properties : {};
    const type = resolve(document, properties.type);
    const network = resolve(document, properties.network);
    const chain =
      isObject(type) && Array.isArray(type.enum) && type.enum.length === 1
        ? String(type.enum[0])
        : '';
    const networks =
      isObject(network) && Array.isArray(network.enum) ? network.enum.map(String) : [];
    const expected = chains[chain]?.networks;
    if (expected === undefined) {
      throw new Error('a oneOf branch of PassChain does not name one chain of x-civic-chains');
    }
    if (networks.length !== expected.length || expected.some((n) => !networks.includes(n))) {
      throw new Error(
        `PassChain pairs ${chain} with other networks than x-civic-chains.${chain}: ` +
          `${networks.join(', ')} against ${expected.join(', ')}`,
      );
    }
  }
}

function literal(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function runtimeModule(document: JsonObject, warn: (message: string) => void): string {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const out: string[] = [];

  const info = isObject(document.info) ? document.info : {};
  out.push(`/** Title of the API, from the spec's \`info\`. */`);
  out.push(`export const API_TITLE = ${literal(info.title ?? '')} as const;`);
  out.push(`/** Version of the API description, from the spec's \`info\`. */`);
  out.push(`export const API_VERSION = ${literal(info.version ?? '')} as const;`);

  const servers = Array.isArray(document.servers) ? document.servers : [];
  const server = isObject(servers[0]) ? servers[0].url : undefined;
  out.push(`/** The API's base URL: the spec's first server. */`);
  out.push(`export const DEFAULT_BASE_URL = ${literal(server ?? '')} as const;`);

  let tokenUrl: Json | undefined;
  let audience: Json | undefined;
  let scopes: Json | undefined;
  const securitySchemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  for (const rawScheme of Object.values(securitySchemes)) {
    const scheme = resolve(document, rawScheme);
    if (!isObject(scheme) || scheme.type !== 'oauth2' || !isObject(scheme.flows)) continue;
    const flow = scheme.flows.clientCredentials;
    if (!isObject(flow)) continue;
    tokenUrl = flow.tokenUrl;
    scopes = isObject(flow.scopes) ? Object.keys(flow.scopes) : [];
    audience = scheme['x-audience'];
    break;
  }
  if (typeof audience !== 'string') {
    warn('no x-audience on the OAuth2 security scheme: DEFAULT_AUDIENCE is empty');
  }
  out.push(`/** The OAuth 2.0 token endpoint of the client credentials flow. */`);
  out.push(`export const DEFAULT_TOKEN_URL = ${literal(tokenUrl ?? '')} as const;`);
  out.push(`/** The audience to request tokens for (\`x-audience\` of the security scheme). */`);
  out.push(`export const DEFAULT_AUDIENCE = ${literal(audience ?? '')} as const;`);
  out.push(`/** Every OAuth scope the security scheme declares. */`);
  out.push(`export const OAUTH_SCOPES = ${literal(scopes ?? [])} as const;`);

  // Enum lists by their values, so the answers' enums below name them instead of repeating them.
  const enumConstants = new Map<string, string>();
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema) || !Array.isArray(schema.enum)) continue;
    const constName = `${screamingSnake(name)}_VALUES`;
    out.push(`/** Every value of the \`${name}\` enum, in the spec's order. */`);
    out.push(`export const ${constName} = ${literal(schema.enum)} as const;`);
    enumConstants.set(JSON.stringify(schema.enum.map(String)), constName);
  }

  const chains = collectChains(schemas, warn);
  if (isObject(schemas.Chain) && isObject(schemas.Chain['x-civic-chains'])) {
    checkPassChainPairing(document, chains);
  }
  out.push(
    '/** What the spec says about each chain: its networks and its wallet address format. */',
  );
  out.push(`export const CHAINS = ${literal(chains)} as const;`);

  out.push(
    '/** The pattern the spec gives each path parameter, checked by the client before sending. */',
  );
  out.push(
    `export const PATH_PARAMETER_PATTERNS = ${literal(collectPathPatterns(document))} as const;`,
  );

  out.push(
    '/** The type and bounds of each numeric property of the named schemas (`Schema.property`). */',
  );
  out.push(`export const NUMBER_BOUNDS = ${literal(collectNumberBounds(schemas))} as const;`);

  const operations = collectOperations(document);
  out.push("/** Every operation of the spec, in the spec's order. */");
  const listed = operations.map(({ responseEnums: _enums, ...operation }) => operation);
  out.push(`export const OPERATIONS = ${literal(listed)} as const;`);
  out.push('/** The operationId of every operation in the spec. */');
  out.push(`export type OperationId = (typeof OPERATIONS)[number]['operationId'];`);
  const entries = operations.map(({ operationId, responseEnums }) => {
    const places = Object.entries(responseEnums).map(
      ([place, values]) =>
        `${JSON.stringify(place)}: ${enumConstants.get(JSON.stringify(values)) ?? literal(values)}`,
    );
    return `${operationId}: { ${places.join(', ')} }`;
  });
  out.push(
    '/**',
    " * Where each operation's JSON success answer holds an enum (`events[].eventType`), and its",
    " * values. The client's opt-in `strictEnums` checks answers against these.",
    ' */',
    `export const RESPONSE_ENUMS: Readonly<Record<OperationId, Readonly<Record<string, readonly string[]>>>> = { ${entries.join(', ')} };`,
  );
  return `${out.join('\n')}\n`;
}

function documentModule(document: JsonObject): string {
  return [
    '/** The OpenAPI document itself, for validating responses against its schemas at run time. */',
    `export const openapiDocument: { readonly [key: string]: unknown } = ${literal(document)};`,
    '',
  ].join('\n');
}

async function typesModule(document: JsonObject): Promise<string> {
  const blob = ts.factory.createTypeReferenceNode('Blob');
  const nodes = await openapiTS(structuredClone(document) as unknown as OpenAPI3, {
    silent: true,
    // A property with a default may be left out by whoever sends it; keep it optional, so the
    // request types the resources take (src/types.ts) do not demand `limit` and `skip`.
    defaultNonNullable: false,
    // Binary bodies reach the client as Blobs (openapi-fetch `parseAs: 'blob'`).
    transform: (schema) => (schema.format === 'binary' ? blob : undefined),
  });
  return astToString(nodes);
}

/** Formats TypeScript source with the project's own Biome settings. */
function format(name: string, source: string): string {
  const biome = require.resolve('@biomejs/biome/bin/biome');
  const result = spawnSync(
    process.execPath,
    [biome, 'format', `--stdin-file-path=${path.join(root, 'generated', name)}`],
    { input: source, encoding: 'utf8', cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    throw new Error(`biome could not format generated/${name}:\n${result.stderr}`);
  }
  return result.stdout;
}

/** Reads, validates and turns a spec into the text of every generated file. */
export async function generate(
  options: GenerateOptions,
  warn: (message: string) => void = () => {},
): Promise<GeneratedFile[]> {
  const specPath = path.resolve(root, options.spec);
  const specLabel = path.relative(root, specPath).split(path.sep).join('/');
  const parsed: unknown = parseYaml(readFileSync(specPath, 'utf8'));
  if (!isObject(parsed)) throw new Error(`${specLabel} does not hold an OpenAPI document`);
  await validate(specLabel, parsed);
  const files: [string, string][] = [
    ['openapi.ts', await typesModule(parsed)],
    ['api.ts', runtimeModule(parsed, warn)],
    ['document.ts', documentModule(parsed)],
  ];
  return files.map(([name, body]) => ({ name, text: format(name, header(specLabel) + body) }));
}

/**
 * What the spec changes against the one `outDir` was generated from (its `document.ts`, the
 * committed spec for `generated/`), classified for clients that regenerate, or null when there
 * is no previous output or nothing changed.
 */
export async function changesSince(outDir: string, spec: string): Promise<string | null> {
  const previousFile = path.join(outDir, 'document.ts');
  if (!existsSync(previousFile)) return null;
  let previous: unknown;
  try {
    previous = ((await import(pathToFileURL(previousFile).href)) as { openapiDocument?: unknown })
      .openapiDocument;
  } catch {
    return null; // an unreadable earlier output is simply replaced
  }
  if (!isObject(previous)) return null;
  const next = await loadSpec(path.resolve(root, spec));
  const report = compareDocuments(await dereference(previous), next);
  if (report.changes.length === 0) return null;
  const shown = path.relative(root, outDir);
  const label = `${shown.startsWith('..') ? outDir : shown} -> ${spec}`;
  const text = formatText(report, `generate: ${label}`);
  const advice = report.breaking
    ? 'generate: breaking for code built on the previous output: read the lines above before committing'
    : 'generate: nothing breaking for code built on the previous output';
  return `${text}${advice}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      spec: { type: 'string', default: 'spec/customer_api.yaml' },
      out: { type: 'string', default: 'generated' },
    },
  });
  const outDir = path.resolve(root, values.out);
  const files = await generate({ spec: values.spec }, (message) =>
    console.warn(`generate: warning: ${message}`),
  );
  const relative = (name: string) => path.relative(root, path.join(outDir, name));

  if (values.check) {
    const stale = files
      .filter((file) => {
        const target = path.join(outDir, file.name);
        return !existsSync(target) || readFileSync(target, 'utf8') !== file.text;
      })
      .map((file) => relative(file.name));
    const expected = new Set(files.map((file) => file.name));
    const extra = existsSync(outDir)
      ? readdirSync(outDir).filter((name) => !expected.has(name))
      : [];
    if (stale.length > 0 || extra.length > 0) {
      for (const name of stale) console.error(`generate: stale: ${name}`);
      for (const name of extra) console.error(`generate: not generated: ${relative(name)}`);
      console.error('generate: generated/ does not match the spec; run `npm run generate`.');
      process.exitCode = 1;
      return;
    }
    console.log(`generate: ${files.length} files match ${values.spec}`);
    return;
  }

  const report = await changesSince(outDir, values.spec);
  if (report) console.log(report);
  mkdirSync(outDir, { recursive: true });
  for (const file of files) {
    const target = path.join(outDir, file.name);
    const changed = !existsSync(target) || readFileSync(target, 'utf8') !== file.text;
    if (changed) writeFileSync(target, file.text);
    console.log(`generate: ${changed ? 'wrote' : 'unchanged'} ${relative(file.name)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
