/**
 * Per-response checks, applied to every answer any check receives, and the basic reads of each
 * operation (the answers those checks judge when nothing else is asked of them).
 */
import type { Context } from '../context.js';
import { type Exchange, isJsonMediaType } from '../exchange.js';
import { jsonOf, jsonProbe, quote } from '../probe.js';
import { mediaType, type OperationDescription, type ResponseValidator } from '../schemas.js';
import { type Fixtures, passPath } from './fixtures.js';

/** What a check expects of an answer. */
export interface Expectation {
  /** The statuses this request should get; empty: any documented status. */
  readonly statuses: readonly number[];
  /**
   * Whether the request was meant to be valid. Prism marks a request that breaks the spec with
   * an `sl-violations` header; for a valid request that is a bug of the check, so it is reported.
   */
  readonly validRequest?: boolean;
  /** The status is expected although the spec does not list it (405 on an undocumented method). */
  readonly undocumented?: boolean;
  /** The message when the status is not one of `statuses`; default "expected status …". */
  readonly mismatch?: (status: number) => string;
}

/**
 * Everything that is wrong with an answer, judged against the spec, each message starting with
 * the per-response check it breaks: `response.server-error`, `response.status-documented` (a 501
 * named as such), `response.content-type`, `response.schema` (enums, required, types, formats,
 * patterns), `response.headers` (documented required headers), `response.error-body` (every
 * 4xx/5xx carries `{ code, message }`); and a status other than the expected ones.
 *
 * @example
 * const violations = evaluate(exchange, getPass, { statuses: [200, 404] }, responses);
 */
export function evaluate(
  exchange: Exchange,
  operation: OperationDescription,
  expectation: Expectation,
  responses: ResponseValidator,
): string[] {
  const { status } = exchange;
  const id = operation.operationId;
  const documented = operation.statusCodes.join(', ');
  const violations: string[] = [];
  if (expectation.statuses.length > 0 && !expectation.statuses.includes(status)) {
    violations.push(
      expectation.mismatch?.(status) ??
        `expected status ${expectation.statuses.join(' or ')}, got ${status}`,
    );
  }
  if (status >= 500) {
    violations.push(`response.server-error: ${id} answered ${status}: ${quote(exchange.body)}`);
  }
  if (status === 501) {
    violations.push(
      `response.status-documented: 501 Not Implemented: the server does not implement ${id} (documented: ${documented})`,
    );
    return violations;
  }
  if (status >= 400) violations.push(...errorBody(exchange, id));
  if (expectation.undocumented && expectation.statuses.includes(status)) return violations;
  if (!operation.statusCodes.includes(status)) {
    const body = exchange.body.length > 0 ? `: ${quote(exchange.body)}` : '';
    violations.push(
      `response.status-documented: status ${status} is not documented for ${id} (documented: ${documented})${body}`,
    );
    return violations;
  }
  const slViolations = exchange.headers.get('sl-violations');
  if (expectation.validRequest && slViolations) {
    violations.push(`the mock says the request broke the spec: ${slViolations}`);
  }
  for (const header of responses.requiredHeaders(id, status)) {
    if (!exchange.headers.has(header)) {
      violations.push(`response.headers: ${id} ${status} lacks the documented header ${header}`);
    }
  }
  // Stryker disable next-line ArrayDeclaration: contentTypes is null only for an undocumented status, which returned above
  const types = responses.contentTypes(id, status) ?? [];
  const type = mediaType(exchange.headers.get('content-type'));
  if (types.length === 0) {
    if (exchange.body.length > 0) {
      violations.push(
        `response.content-type: ${id} ${status} has no documented body, but the answer has ${exchange.body.length} bytes` +
          ` (${type ?? 'no content type'}): ${quote(exchange.body)}`,
      );
    }
    return violations;
  }
  if (type === null || !types.includes(type)) {
    violations.push(
      `response.content-type: content type ${type ?? '(none)'} is not documented for ${id} ${status} (documented: ${types.join(', ')})`,
    );
    return violations;
  }
  if (!isJsonMediaType(type)) return violations; // bytes (evidence files): nothing to parse
  const body = jsonOf(exchange);
  if (body === undefined) {
    violations.push(`response.schema: the ${type} body is not valid JSON: ${quote(exchange.body)}`);
    return violations;
  }
  for (const problem of responses.validate(id, status, type, body)) {
    violations.push(`response.schema: ${problem}`);
  }
  return violations;
}

/** An error answer must say what went wrong, as `{ code, message }`. */
function errorBody(exchange: Exchange, id: string): string[] {
  const body = jsonOf(exchange) as { code?: unknown; message?: unknown } | undefined;
  if (exchange.body.length === 0) {
    return [`response.error-body: ${id} answered ${exchange.status} with no error body`];
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.code !== 'string' ||
    typeof body.message !== 'string'
  ) {
    return [
      `response.error-body: ${id} answered ${exchange.status} without an error body { code, message }: ${quote(exchange.body)}`,
    ];
  }
  return [];
}

/**
 * The basic read of each operation: its answer judged by the per-response checks. Learns a pass
 * the server holds and the PII request's evidence links, for later checks.
 *
 * @example
 * await responseChecks(ctx, fixtures);
 */
export async function responseChecks(ctx: Context, fixtures: Fixtures): Promise<void> {
  await ctx.check(
    { id: 'response.list', operationId: 'listPass', name: 'listPass answers a page of passes' },
    async (run) => {
      const exchange = await run.send(
        jsonProbe('POST', '/pass', { limit: 5, skip: 0 }),
        'listPass',
        {
          statuses: [200],
          validRequest: true,
        },
      );
      const page = jsonOf(exchange) as { records?: unknown[] } | undefined;
      fixtures.learnPass(page?.records?.[0]);
    },
  );
  await ctx.check(
    {
      id: 'response.get',
      operationId: 'getPass',
      name: 'getPass answers the pass, or 404 when there is none',
    },
    async (run) => {
      await run.send(jsonProbe('GET', passPath(fixtures.readWallet())), 'getPass', {
        statuses: [200, 404],
        validRequest: true,
      });
    },
  );
  const scope = fixtures.scopeRequestId;
  const needsScope =
    scope === undefined ? 'needs the id of a PII request: --scope-request-id' : undefined;
  await ctx.check(
    {
      id: 'response.pii',
      operationId: 'getPii',
      name: 'getPii answers the PII request',
      skip: needsScope,
    },
    async (run) => {
      const exchange = await run.send(
        jsonProbe('GET', `/piirequest/${encodeURIComponent(String(scope))}`),
        'getPii',
        {
          statuses: [200],
          validRequest: true,
        },
      );
      if (exchange.status === 200) fixtures.learnEvidence(jsonOf(exchange));
    },
  );
  const rel = fixtures.evidenceRels?.[0];
  await ctx.check(
    {
      id: 'response.evidence',
      operationId: 'getPiiEvidence',
      name: 'getPiiEvidence answers the file of the first evidence link',
      skip:
        needsScope ??
        (fixtures.evidenceRels === undefined
          ? 'getPii gave no links to follow'
          : rel === undefined
            ? 'the PII request links no evidence whose rel the evidence path accepts'
            : undefined),
    },
    async (run) => {
      await run.send(
        jsonProbe(
          'GET',
          `/piirequest/${encodeURIComponent(String(scope))}/evidence/${encodeURIComponent(String(rel))}`,
        ),
        'getPiiEvidence',
        { statuses: [200], validRequest: true },
      );
    },
  );
}
