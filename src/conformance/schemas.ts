import { OPERATIONS } from '../../generated/api.js';
import { openapiDocument } from '../../generated/document.js';

/** An operation as `generated/api.ts` describes it (the fields response checks need). */
export interface OperationDescription {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly statusCodes: readonly number[];
  readonly responseContentTypes: { readonly [status: string]: readonly string[] };
}

/** Checks response bodies against the response schemas of the spec. */
export interface ResponseValidator {
  /**
   * The content types the spec documents for this response: `[]` when the response has no
   * body, `null` when the status is not documented for the operation at all.
   */
  contentTypes(operationId: string, status: number): readonly string[] | null;
  /**
   * Validates a parsed JSON body against the schema of that response and content type, and
   * returns what is wrong, one readable sentence per violation (`[]` when the body conforms).
   */
  validate(operationId: string, status: number, contentType: string, body: unknown): string[];
  /** The response headers the spec marks `required` for this answer, lower-cased. */
  requiredHeaders(operationId: string, status: number): string[];
}

/**
 * Thrown when the optional peer dependencies `ajv` and `ajv-formats` are not installed.
 *
 * @example
 * await createResponseValidator().catch((e) => e instanceof MissingValidatorError && console.error(e.message));
 */
export class MissingValidatorError extends Error {
  override readonly name = 'MissingValidatorError';
}

/** The part of an Ajv error object used to describe a violation. */
interface AjvErrorObject {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

interface CompiledSchema {
  (data: unknown): boolean;
  errors?: AjvErrorObject[] | null;
}

interface AjvInstance {
  addSchema(schema: object, key: string): unknown;
  addFormat(name: string, format: boolean): unknown;
  compile(schema: object): CompiledSchema;
}

type AjvConstructor = new (options: object) => AjvInstance;
type AddFormats = (ajv: AjvInstance) => unknown;

const DOCUMENT_KEY = 'civic-openapi';

/**
 * Loads Ajv lazily: it is an optional peer dependency, needed only by the conformance runner
 * and the contract tests, so the client itself never pulls it in.
 */
async function loadAjv(): Promise<{ Ajv: AjvConstructor; addFormats: AddFormats }> {
  try {
    const [ajv, formats] = await Promise.all([import('ajv'), import('ajv-formats')]);
    // Both are CommonJS modules whose `module.exports` is the function itself.
    return {
      Ajv: ajv.default as unknown as AjvConstructor,
      addFormats: formats.default as unknown as AddFormats,
    };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new MissingValidatorError(
        'checking responses against the spec needs Ajv, an optional peer dependency of ' +
          'civic-pass-client: install it with `npm install --save-dev ajv@^8 ajv-formats@^3`',
      );
    }
    throw error;
  }
}

/** Escapes one segment of a JSON pointer (RFC 6901). */
function pointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The media type of a `content-type` header, without parameters, lower-cased.
 *
 * @example
 * mediaType('Application/JSON; charset=utf-8'); // 'application/json'
 */
export function mediaType(contentType: string | null | undefined): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

function describe(error: AjvErrorObject): string {
  const where = `body${error.instancePath}`;
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return `${where} lacks the required property "${String(params.missingProperty)}"`;
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.join(', ') : '';
      return `${where} is not one of the allowed values (${allowed})`;
    }
    default:
      return `${where} ${error.message ?? `fails "${error.keyword}"`}`;
  }
}

/** Options of {@link createResponseValidator}, for checking against another spec. */
export interface ResponseValidatorOptions {
  /** The OpenAPI document; default the package's (`generated/document.ts`). */
  document?: { readonly [key: string]: unknown };
  /** Its operations; default the package's (`OPERATIONS` of `generated/api.ts`). */
  operations?: readonly OperationDescription[];
}

/**
 * Compiles the spec's response schemas with Ajv (on first use of each) and returns a
 * {@link ResponseValidator}. Rejects with a {@link MissingValidatorError} naming the install
 * command when `ajv`/`ajv-formats` are missing.
 *
 * @example
 * const responses = await createResponseValidator();
 * responses.validate('getPass', 200, 'application/json', await response.json());
 * // → ['body/state is not one of the allowed values (ACTIVE, FROZEN, REVOKED, REQUESTED)']
 */
export async function createResponseValidator(
  options: ResponseValidatorOptions = {},
): Promise<ResponseValidator> {
  // The package's own spec is compiled once per process: runs in a row (CI retries, tests
  // against many servers) reuse it.
  if (options.document === undefined && options.operations === undefined) {
    defaultValidator ??= buildValidator({}).catch((error: unknown) => {
      defaultValidator = undefined;
      throw error;
    });
    return defaultValidator;
  }
  return buildValidator(options);
}

let defaultValidator: Promise<ResponseValidator> | undefined;

async function buildValidator(options: ResponseValidatorOptions): Promise<ResponseValidator> {
  const document = options.document ?? openapiDocument;
  const operations: readonly OperationDescription[] = options.operations ?? OPERATIONS;
  const { Ajv, addFormats } = await loadAjv();
  // OpenAPI 3.0 schemas carry keywords JSON Schema does not know (`example`, `x-…`): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true); // OpenAPI's marker for raw bytes; never checked as JSON
  ajv.addSchema(structuredClone(document) as object, DOCUMENT_KEY);
  const compiled = new Map<string, CompiledSchema | null>();

  const byId = new Map(operations.map((op) => [op.operationId, op]));
  const operation = (operationId: string) => {
    const op = byId.get(operationId);
    if (!op) throw new Error(`the spec has no operation "${operationId}"`);
    return op;
  };

  /** JSON pointer of the response object, following a `$ref` to `components/responses`. */
  function responsePointer(op: OperationDescription, status: number): string | null {
    const paths = document.paths as Record<string, Record<string, unknown>> | undefined;
    const method = op.method.toLowerCase();
    const item = paths?.[op.path]?.[method];
    const responses = isObject(item) ? item.responses : undefined;
    const response = isObject(responses) ? responses[String(status)] : undefined;
    if (!isObject(response)) return null;
    if (typeof response.$ref === 'string') return response.$ref.replace(/^#/, '');
    return `/paths/${pointerSegment(op.path)}/${method}/responses/${status}`;
  }

  function schemaFor(op: OperationDescription, status: number, type: string) {
    const key = `${op.operationId} ${status} ${type}`;
    if (!compiled.has(key)) {
      const pointer = responsePointer(op, status);
      const ref = `${DOCUMENT_KEY}#${pointer}/content/${pointerSegment(type)}/schema`;
      compiled.set(key, pointer === null ? null : ajv.compile({ $ref: ref }));
    }
    return compiled.get(key) ?? null;
  }

  function contentTypes(operationId: string, status: number): readonly string[] | null {
    const op = operation(operationId);
    if (!op.statusCodes.includes(status)) return null;
    return op.responseContentTypes[String(status)] ?? [];
  }

  function requiredHeaders(operationId: string, status: number): string[] {
    const op = operation(operationId);
    const pointer = responsePointer(op, status);
    if (pointer === null) return [];
    let node: unknown = document;
    for (const segment of pointer.split('/').slice(1)) {
      const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
      node = isObject(node) ? node[key] : undefined;
    }
    const headers = isObject(node) && isObject(node.headers) ? node.headers : {};
    const components = isObject(document.components) ? document.components : {};
    const shared = isObject(components.headers) ? components.headers : {};
    // A header is often a `$ref` to `#/components/headers/...`.
    const resolve = (header: unknown) =>
      isObject(header) && typeof header.$ref === 'string'
        ? shared[header.$ref.replace('#/components/headers/', '')]
        : header;
    return Object.entries(headers)
      .filter(([, header]) => {
        const resolved = resolve(header);
        return isObject(resolved) && resolved.required === true;
      })
      .map(([name]) => name.toLowerCase());
  }

  return {
    contentTypes,
    requiredHeaders,
    validate(operationId, status, contentType, body) {
      const op = operation(operationId);
      const type = mediaType(contentType);
      const documented = contentTypes(operationId, status);
      if (documented === null) {
        return [`status ${status} is not documented for ${operationId}`];
      }
      if (type === null || !documented.includes(type)) {
        return [`content type ${type ?? '(none)'} is not documented for ${operationId} ${status}`];
      }
      const validateBody = schemaFor(op, status, type);
      if (!validateBody || validateBody(body)) return [];
      return (validateBody.errors ?? []).map(describe);
    },
  };
}
