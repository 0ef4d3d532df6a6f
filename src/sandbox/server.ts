/**
 * The sandbox's HTTP server: routes each request to the token endpoint, the control API or an
 * operation of the spec (405 with `Allow` for an undocumented method, 404 `ROUTE_NOT_FOUND` for
 * no route), applies the faults in force, checks the bearer token and scope, reads and parses the
 * body, and answers what the operation replies or the {@link ApiError} it throws.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_BASE_URL, OPERATIONS } from '../../generated/api.js';
import type { FaultDecision, Faults } from './faults.js';
import { ApiError, contentTypeOf, readBody, sendJson } from './http.js';
import { parseJson } from './inputs.js';
import { OPERATION_HANDLERS, type OperationContext, type Reply } from './operations.js';
import { authorize, type TokenIssuerOptions, tokenRequest } from './token.js';

/** Where the API lives on the sandbox's origin, as on Civic's (`/partner`). */
export const API_PREFIX = new URL(DEFAULT_BASE_URL).pathname.replace(/\/$/, '');
/** The token endpoint's path. */
export const TOKEN_PATH = '/oauth/token';
/** The control API's prefix: clearly not Civic's. */
export const CONTROL_PREFIX = '/__sandbox';

/** One request the sandbox received, for tests to count. */
export interface SandboxRequest {
  method: string;
  path: string;
  /** The operation (`token` for the token endpoint, `control` for the control API), if routed. */
  operation: string | null;
  /** The status answered; 0 when the connection was reset. */
  status: number;
}

/** A route: a path template split into segments, and the operation of each method. */
interface Route {
  segments: readonly string[];
  methods: Map<string, { operationId: string; bodyRequired: boolean | null }>;
}

function buildRoutes(): Route[] {
  const routes = new Map<string, Route>();
  for (const op of OPERATIONS) {
    const path = `${API_PREFIX}${op.path}`;
    let route = routes.get(path);
    if (!route) {
      route = { segments: path.split('/'), methods: new Map() };
      routes.set(path, route);
    }
    route.methods.set(op.method, {
      operationId: op.operationId,
      bodyRequired: op.requestBody ? op.requestBody.required : null,
    });
  }
  return [...routes.values()];
}

const ROUTES = buildRoutes();

/** The route a path matches, with its decoded parameters. */
function match(path: string): { route: Route; params: Record<string, string> } | null {
  const segments = path.split('/');
  for (const route of ROUTES) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = route.segments.every((template, i) => {
      const segment = segments[i] ?? '';
      if (!template.startsWith('{')) return template === segment;
      if (segment === '') return false;
      try {
        params[template.slice(1, -1)] = decodeURIComponent(segment);
        return true;
      } catch {
        return false;
      }
    });
    if (fits) return { route, params };
  }
  return null;
}

const methodNotAllowed = (method: string, allow: readonly string[]) =>
  new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here`, undefined, {
    allow: allow.join(', '),
  });

/** What the request handler needs. */
export interface HandlerDependencies {
  operations: OperationContext;
  tokens: TokenIssuerOptions;
  faults: Faults;
  /** Handles `/__sandbox/…`: the rest of the path, method and body in, a reply out. */
  control: (method: string, path: string, body: unknown) => Reply;
  log: (request: SandboxRequest) => void;
}

function reply(response: ServerResponse, answer: Reply, headers: Record<string, string> = {}) {
  if (answer.bytes) {
    response.writeHead(answer.status, {
      'content-type': 'application/octet-stream',
      'content-length': String(answer.bytes.length),
      ...headers,
    });
    response.end(answer.bytes);
  } else if (answer.json !== undefined) {
    sendJson(response, answer.status, answer.json, headers);
  } else {
    response.writeHead(answer.status, { 'content-length': '0', ...headers });
    response.end();
  }
}

/** Applies a fault decision: true when the fault answered (or dropped) the request itself. */
async function applyFault(decision: FaultDecision, response: ServerResponse): Promise<boolean> {
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  const outcome = decision.outcome;
  if (!outcome) return false;
  if (outcome.kind === 'reset') {
    // A TCP reset (RST), as a dropped connection looks to the client.
    response.socket?.resetAndDestroy();
    return true;
  }
  const error =
    outcome.kind === 'rate-limit'
      ? new ApiError(429, 'RATE_LIMITED', 'too many requests (sandbox fault)', undefined, {
          'retry-after': String(outcome.retryAfterS),
        })
      : outcome.status === 500
        ? new ApiError(500, 'INTERNAL', 'internal error (sandbox fault)')
        : new ApiError(503, 'UNAVAILABLE', 'service unavailable (sandbox fault)');
  sendJson(response, error.status, error.body(), { ...error.headers });
  return true;
}

/**
 * Makes the request listener of a sandbox.
 *
 * @example
 * const server = createServer(createRequestHandler(dependencies));
 */
export function createRequestHandler(deps: HandlerDependencies) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
    const entry: SandboxRequest = { method, path, operation: null, status: 0 };
    response.on('finish', () => {
      entry.status = response.statusCode;
    });
    deps.log(entry);
    handle(deps, request, response, method, path, entry).catch((error: unknown) => {
      const failure =
        error instanceof ApiError ? error : new ApiError(500, 'INTERNAL', 'internal error');
      if (response.headersSent) response.destroy();
      else sendJson(response, failure.status, failure.body(), { ...failure.headers });
    });
  };
}

async function handle(
  deps: HandlerDependencies,
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  path: string,
  entry: SandboxRequest,
): Promise<void> {
  if (path === TOKEN_PATH) {
    entry.operation = 'token';
    if (method !== 'POST') throw methodNotAllowed(method, ['POST']);
    const raw = await readBody(request);
    if (await applyFault(deps.faults.decide('token'), response)) return;
    const answer = tokenRequest(deps.tokens, {
      contentType: contentTypeOf(request),
      authorization: request.headers.authorization,
      raw: raw?.toString('utf8') ?? '',
    });
    sendJson(response, answer.status, answer.body, answer.headers);
    return;
  }
  if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
    entry.operation = 'control';
    const raw = await readBody(request);
    if (raw === null) throw new ApiError(400, 'INVALID_REQUEST', 'body too large', 'body');
    const body = parseJson(raw, contentTypeOf(request), false);
    reply(response, deps.control(method, path.slice(CONTROL_PREFIX.length) || '/', body));
    return;
  }
  const found = match(path);
  if (!found) throw new ApiError(404, 'ROUTE_NOT_FOUND', `no route ${path}`);
  const operation = found.route.methods.get(method);
  if (!operation) throw methodNotAllowed(method, [...found.route.methods.keys()]);
  entry.operation = operation.operationId;
  const raw = await readBody(request);
  if (await applyFault(deps.faults.decide(operation.operationId), response)) return;
  authorize(
    request.headers.authorization,
    operation.operationId,
    deps.tokens.tokens(),
    deps.operations.clock.now(),
  );
  if (raw === null) throw new ApiError(400, 'INVALID_REQUEST', 'body too large', 'body');
  const body =
    operation.bodyRequired === null
      ? undefined
      : parseJson(raw, contentTypeOf(request), operation.bodyRequired);
  const handler = OPERATION_HANDLERS[operation.operationId];
  if (!handler) throw new ApiError(500, 'INTERNAL', `${operation.operationId} is not implemented`);
  reply(response, handler(deps.operations, found.params, body));
}
