import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { DEFAULT_AUDIENCE } from '../../generated/api.js';
import { listen } from '../sandbox/http.js';
import { parseBasic, parseParams } from '../sandbox/token.js';

/** Options of {@link startTokenServer}. */
export interface TokenServerOptions {
  /** The client id it accepts; default `mock-client`. */
  clientId?: string;
  /** The client secret it accepts; default `mock-secret`. */
  clientSecret?: string;
  /** The audience a token request must name; default the spec's (`x-audience`). */
  audience?: string;
  /** `expires_in` of the tokens it issues, in seconds; default 86400 (a day, like Civic's). */
  expiresIn?: number;
  /** `scope` of the tokens it issues; default the scopes Civic grants partner tokens. */
  scope?: string;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Port; default `0`, a free port chosen by the system. */
  port?: number;
}

/** How a token request authenticated the client (RFC 6749 section 2.3.1). */
export type ClientAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'none';

/** What the token server saw of one request: everything but the secret. */
export interface TokenRequestRecord {
  method: string;
  path: string;
  contentType: string | null;
  authMethod: ClientAuthMethod;
  clientId: string | null;
  grantType: string | null;
  audience: string | null;
  /** The status it answered with. */
  status: number;
}

/** A running token endpoint, as returned by {@link startTokenServer}. */
export interface TokenServer {
  /** The token endpoint URL, e.g. `http://127.0.0.1:40124/oauth/token`. */
  readonly url: string;
  /** The credentials it accepts. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Every request it received, oldest first. */
  readonly requests: readonly TokenRequestRecord[];
  /** How many requests it received (any path, any outcome). */
  readonly requestCount: number;
  /** Every token it issued, oldest first. */
  readonly issued: readonly string[];
  /** Whether a bearer token is one it issued and has not revoked. */
  isValid(token: string): boolean;
  /** Revokes a token: {@link isValid} is false for it from now on. */
  revoke(token: string): void;
  /** Forgets the recorded requests (not the issued tokens). */
  resetRequests(): void;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

const TOKEN_PATH = '/oauth/token';
const PARTNER_SCOPE = 'issue:pass search:pass update:pass get:pii put:piirequest';

/**
 * Starts a local OAuth 2.0 token endpoint (client credentials grant) for tests and mocks. It
 * accepts `client_secret_post` (credentials in a form or JSON body, as Civic's guides send them)
 * and `client_secret_basic`, checks `grant_type` and `audience` the way Auth0 does, answers like
 * Auth0 (`{ access_token, token_type: 'Bearer', expires_in, scope }`), gives each token a fresh
 * random value, and records every request so tests can count them.
 *
 * @example
 * const tokens = await startTokenServer();
 * const civic = createCivicPassClient({
 *   baseUrl: prism.url, tokenUrl: tokens.url,
 *   clientId: tokens.clientId, clientSecret: tokens.clientSecret,
 * });
 * // ... tokens.requestCount === 1 after any number of calls within a day
 * await tokens.close();
 */
export async function startTokenServer(options: TokenServerOptions = {}): Promise<TokenServer> {
  const clientId = options.clientId ?? 'mock-client';
  const clientSecret = options.clientSecret ?? 'mock-secret';
  const audience = options.audience ?? DEFAULT_AUDIENCE;
  const expiresIn = options.expiresIn ?? 86_400;
  const scope = options.scope ?? PARTNER_SCOPE;
  let requests: TokenRequestRecord[] = [];
  const issued: string[] = [];
  const revoked = new Set<string>();

  const server = createServer((request, response) => {
    readBody(request).then(
      (raw) => {
        const record = handle(request, raw, response);
        requests.push(record);
      },
      () => {
        response.destroy();
      },
    );
  });

  function handle(request: IncomingMessage, raw: string, response: ServerResponse) {
    const contentType = request.headers['content-type']?.split(';')[0]?.trim() ?? null;
    const record: TokenRequestRecord = {
      method: request.method ?? '',
      path: request.url ?? '',
      contentType,
      authMethod: 'none',
      clientId: null,
      grantType: null,
      audience: null,
      status: 0,
    };
    const answer = (status: number, body: object, headers: Record<string, string> = {}) => {
      record.status = status;
      response.writeHead(status, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        ...headers,
      });
      response.end(JSON.stringify(body));
      return record;
    };
    const oauthError = (status: number, error: string, description: string) =>
      answer(status, { error, error_description: description });

    if (new URL(request.url ?? '/', 'http://x').pathname !== TOKEN_PATH) {
      return answer(404, { error: 'not_found', error_description: `no route ${request.url}` });
    }
    if (request.method !== 'POST') {
      return answer(
        405,
        { error: 'invalid_request', error_description: 'use POST' },
        { allow: 'POST' },
      );
    }
    const params = parseParams(contentType, raw);
    if (!params) {
      return oauthError(400, 'invalid_request', `unsupported content type ${contentType}`);
    }
    record.grantType = params.get('grant_type');
    record.audience = params.get('audience');

    const basic = parseBasic(request.headers.authorization);
    const posted = params.has('client_secret');
    if (basic && posted) {
      // RFC 6749 section 2.3: a client must not use more than one authentication method.
      return oauthError(400, 'invalid_request', 'more than one client authentication method');
    }
    record.authMethod = basic ? 'client_secret_basic' : posted ? 'client_secret_post' : 'none';
    const id = basic?.id ?? params.get('client_id');
    const secret = basic?.secret ?? params.get('client_secret');
    record.clientId = id;
    if (id !== clientId || secret !== clientSecret) {
      return answer(
        401,
        { error: 'invalid_client', error_description: 'Unknown client or wrong client secret.' },
        basic ? { 'www-authenticate': 'Basic realm="token"' } : {},
      );
    }
    if (record.grantType !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', `grant_type ${record.grantType}`);
    }
    if (record.audience !== audience) {
      return oauthError(403, 'access_denied', `Service not found: ${record.audience}`);
    }
    const token = `mock-${randomBytes(18).toString('base64url')}`;
    issued.push(token);
    return answer(200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope });
  }

  const origin = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');

  return {
    url: `${origin}${TOKEN_PATH}`,
    clientId,
    clientSecret,
    get requests() {
      return requests;
    },
    get requestCount() {
      return requests.length;
    },
    issued,
    isValid: (token) => issued.includes(token) && !revoked.has(token),
    revoke: (token) => {
      revoked.add(token);
    },
    resetRequests: () => {
      requests = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
