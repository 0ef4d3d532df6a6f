import { type Exchange, isJsonMediaType } from './exchange.js';
import { mediaType, type OperationDescription, type ResponseValidator } from './schemas.js';

/** What a check expects of an answer. */
export interface Expectation {
  /** The statuses this request should get; each must be documented for the operation. */
  readonly statuses: readonly number[];
  /**
   * Whether the request was meant to be valid. Prism marks a request that breaks the spec with
   * an `sl-violations` header; for a valid request that is a bug of the check, so it is reported.
   */
  readonly validRequest: boolean;
}

const MAX_BODY_QUOTE = 200;

function quote(body: Uint8Array): string {
  const text = new TextDecoder().decode(body.subarray(0, MAX_BODY_QUOTE)).replace(/\s+/g, ' ');
  return body.length > MAX_BODY_QUOTE ? `${text}…` : text;
}

/**
 * Everything that is wrong with an answer, judged against the spec: an undocumented status (a
 * 501 named as such), a status the check did not expect, an undocumented content type, a body
 * where none is documented, a body that is not JSON, or a JSON body that breaks its schema
 * (enums, required fields, types). Returns `[]` when the answer conforms.
 *
 * @example
 * const violations = evaluate(exchange, getPass, { statuses: [200, 404], validRequest: true }, responses);
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
  if (status === 501) {
    return [`501 Not Implemented: the server does not implement ${id} (documented: ${documented})`];
  }
  if (!operation.statusCodes.includes(status)) {
    const body = exchange.body.length > 0 ? `: ${quote(exchange.body)}` : '';
    return [`status ${status} is not documented for ${id} (documented: ${documented})${body}`];
  }
  const violations: string[] = [];
  if (!expectation.statuses.includes(status)) {
    violations.push(`expected status ${expectation.statuses.join(' or ')}, got ${status}`);
  }
  const slViolations = exchange.headers.get('sl-violations');
  if (expectation.validRequest && slViolations) {
    violations.push(`the mock says the request broke the spec: ${slViolations}`);
  }

  const types = responses.contentTypes(id, status) ?? [];
  const type = mediaType(exchange.headers.get('content-type'));
  if (types.length === 0) {
    if (exchange.body.length > 0) {
      violations.push(
        `${id} ${status} has no documented body, but the answer has ${exchange.body.length} bytes` +
          ` (${type ?? 'no content type'}): ${quote(exchange.body)}`,
      );
    }
    return violations;
  }
  if (type === null || !types.includes(type)) {
    violations.push(
      `content type ${type ?? '(none)'} is not documented for ${id} ${status} (documented: ${types.join(', ')})`,
    );
    return violations;
  }
  if (!isJsonMediaType(type)) return violations; // bytes (evidence files): nothing to parse
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(exchange.body));
  } catch {
    violations.push(`the ${type} body is not valid JSON: ${quote(exchange.body)}`);
    return violations;
  }
  violations.push(...responses.validate(id, status, type, body));
  return violations;
}
