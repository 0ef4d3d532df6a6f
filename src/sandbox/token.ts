/**
 * The sandbox's OAuth 2.0 token endpoint (client credentials, RFC 6749 §4.4) and the bearer
 * check of every API call. Clients authenticate with `client_secret_post` (form or JSON body, as
 * Civic's guides send it) or `client_secret_basic`; refusals are the RFC's (§5.2). Tokens live on
 * the sandbox clock and are kept only as SHA-256 digests, so the data file holds no usable token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { OPERATIONS } from '../../generated/api.js';
import { ApiError } from './http.js';

/** A client the token endpoint knows, with the scopes its tokens carry. */
export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  /** Default every scope of the API. */
  scopes?: readonly string[];
}

/** A token issued, as the sandbox keeps it. */
export interface TokenRecord {
  /** SHA-256 of the token, hex. */
  digest: string;
  clientId: string;
  scopes: string[];
  /** Sandbox time (ms) from which it is refused. */
  expiresAtMs: number;
}

/** An answer of the token endpoint. */
export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/**
 * The scopes each operation needs, as the spec's security requirements list them.
 *
 * @example
 * OPERATION_SCOPES.getPass; // ['search:pass']
 */
export const OPERATION_SCOPES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  OPERATIONS.map((op) => [op.operationId, op.scopes]),
);

/** Every scope of the API: what the default client holds. */
export const ALL_SCOPES: readonly string[] = [...new Set(Object.values(OPERATION_SCOPES).flat())];

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Reads the grant parameters from a form body (the standard) or a JSON body (Civic's guides);
 * `null` for any other content type or a body that is not a JSON object.
 *
 * @example
 * parseParams('application/json', '{"grant_type":"client_credentials"}')?.get('grant_type');
 */
export function parseParams(contentType: string | null, raw: string): URLSearchParams | null {
  if (contentType === 'application/x-www-form-urlencoded') return new URLSearchParams(raw);
  if (contentType !== 'application/json') return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === 'string') params.set(key, value);
    }
    return params;
  } catch {
    return null;
  }
}

/**
 * HTTP Basic client credentials; each part is form-urlencoded first (RFC 6749 §2.3.1).
 *
 * @example
 * parseBasic('Basic ' + btoa('id:secret')); // { id: 'id', secret: 'secret' }
 */
export function parseBasic(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const unform = (part: string) => decodeURIComponent(part.replaceAll('+', ' '));
  try {
    return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

/** What the token endpoint needs: its clients, audience, lifetime, clock and token store. */
export interface TokenIssuerOptions {
  clients: readonly SandboxClient[];
  audience: string;
  lifetimeS: number;
  now: () => number;
  tokens: () => TokenRecord[];
}

/**
 * Answers one token request (`POST /oauth/token`, body already read).
 *
 * @example
 * const answer = tokenRequest(options, { contentType, authorization, raw });
 * sendJson(response, answer.status, answer.body, answer.headers);
 */
export function tokenRequest(
  options: TokenIssuerOptions,
  request: { contentType: string | null; authorization: string | undefined; raw: string },
): TokenAnswer {
  const answer = (status: number, body: Record<string, unknown>, headers = {}): TokenAnswer => ({
    status,
    body,
    headers: { 'cache-control': 'no-store', pragma: 'no-cache', ...headers },
  });
  const error = (status: number, code: string, description: string, headers = {}) =>
    answer(status, { error: code, error_description: description }, headers);

  const params = parseParams(request.contentType, request.raw);
  if (!params) {
    return error(400, 'invalid_request', 'send a form (or JSON) body with the grant parameters');
  }
  const basic = parseBasic(request.authorization);
  if (basic && params.has('client_secret')) {
    // RFC 6749 §2.3: a client must not use more than one authentication method.
    return error(400, 'invalid_request', 'more than one client authentication method');
  }
  const id = basic?.id ?? params.get('client_id');
  const secret = basic?.secret ?? params.get('client_secret');
  const client = options.clients.find((c) => c.clientId === id);
  if (!client || secret === null || secret !== client.clientSecret) {
    return error(
      401,
      'invalid_client',
      'unknown client or wrong client secret',
      basic ? { 'www-authenticate': 'Basic realm="civic-pass-sandbox"' } : {},
    );
  }
  const grant = params.get('grant_type');
  if (grant === null) return error(400, 'invalid_request', 'grant_type is required');
  if (grant !== 'client_credentials') {
    return error(400, 'unsupported_grant_type', 'only client_credentials is supported');
  }
  if (params.get('audience') !== options.audience) {
    return error(403, 'access_denied', `the audience must be ${options.audience}`);
  }
  const held = client.scopes ?? ALL_SCOPES;
  const asked = params.get('scope')?.split(' ').filter(Boolean);
  if (asked?.some((scope) => !held.includes(scope))) {
    return error(400, 'invalid_scope', 'a requested scope is not granted to this client');
  }
  const scopes = asked ?? [...held];
  const token = `sbx_${randomBytes(24).toString('base64url')}`;
  const now = options.now();
  const tokens = options.tokens();
  // Forget expired tokens as new ones come, so the store does not grow without bound.
  const live = tokens.filter((t) => t.expiresAtMs > now);
  tokens.splice(0, tokens.length, ...live, {
    digest: digest(token),
    clientId: client.clientId,
    scopes,
    expiresAtMs: now + options.lifetimeS * 1000,
  });
  return answer(200, {
    access_token: token,
    token_type: 'Bearer',
    expires_in: options.lifetimeS,
    scope: scopes.join(' '),
  });
}

/**
 * Checks the bearer token of an API call for an operation: 401 `UNAUTHORIZED` when missing,
 * malformed, unknown or expired, 403 `INSUFFICIENT_SCOPE` when it lacks the operation's scope.
 *
 * @example
 * authorize(request.headers.authorization, 'getPass', tokens, clock.now());
 */
export function authorize(
  header: string | undefined,
  operationId: string,
  tokens: readonly TokenRecord[],
  nowMs: number,
): void {
  const unauthorized = (message: string, error?: string) =>
    new ApiError(401, 'UNAUTHORIZED', message, undefined, {
      'www-authenticate': error
        ? `Bearer realm="civic-pass-sandbox", error="${error}"`
        : 'Bearer realm="civic-pass-sandbox"',
    });
  if (header === undefined) throw unauthorized('a bearer token is required');
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
  if (!match?.[1])
    throw unauthorized('the Authorization header is not a bearer token', 'invalid_request');
  const record = tokens.find((t) => t.digest === digest(match[1] as string));
  if (!record) throw unauthorized('unknown bearer token', 'invalid_token');
  if (record.expiresAtMs <= nowMs)
    throw unauthorized('the bearer token has expired', 'invalid_token');
  const needed = OPERATION_SCOPES[operationId] ?? [];
  if (needed.some((scope) => !record.scopes.includes(scope))) {
    const scope = needed.join(' ');
    throw new ApiError(
      403,
      'INSUFFICIENT_SCOPE',
      `${operationId} needs the scope ${scope}`,
      undefined,
      {
        'www-authenticate': `Bearer realm="civic-pass-sandbox", error="insufficient_scope", scope="${scope}"`,
      },
    );
  }
}
