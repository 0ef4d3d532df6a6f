/**
 * The sandbox's HTTP plumbing: reading a body within a cap, answering JSON, and the one error
 * the handlers throw ({@link ApiError}), which becomes the API's error body.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The error body of every 4xx/5xx answer of the API (DECISIONS.md). */
export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
}

/**
 * A refusal: its status, `code`, message, the input at fault and extra headers. Handlers throw
 * it; the server answers it as an {@link ErrorBody}.
 *
 * @example
 * throw new ApiError(404, 'PASS_NOT_FOUND', 'no pass for that wallet');
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The body the API answers with. */
  body(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.field && { field: this.field }) };
  }
}

/**
 * A 400 `INVALID_REQUEST` naming the input at fault.
 *
 * @example
 * throw invalid('limit', 'limit must be an integer from 1 to 100');
 */
export function invalid(field: string, message: string): ApiError {
  return new ApiError(400, 'INVALID_REQUEST', message, field);
}

/** Bodies larger than this are refused: nothing the API takes comes close. */
export const MAX_BODY_BYTES = 1 << 20;

/**
 * Reads a request body, up to {@link MAX_BODY_BYTES}; `null` when it is larger.
 *
 * @example
 * const raw = await readBody(request); // Buffer, or null when too large
 */
export function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * The media type of a request, lower-cased, without parameters.
 *
 * @example
 * contentTypeOf(request); // 'application/json'
 */
export function contentTypeOf(request: IncomingMessage): string | null {
  return request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() || null;
}

/**
 * Answers with a JSON body.
 *
 * @example
 * sendJson(response, 200, { status: 'ok' });
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/**
 * Starts a server listening and resolves to its origin, `http://<host>:<port>`.
 *
 * @example
 * const origin = await listen(server, 0, '127.0.0.1'); // 'http://127.0.0.1:40123'
 */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port: bound } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${bound}`;
}
