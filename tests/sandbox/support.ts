/**
 * Drives a sandbox over HTTP only, the way any client would, and checks every answer of the API
 * against spec/customer_api.yaml with Ajv (the conformance runner's validator): the documented
 * status, content type and body schema. 405 is the one answer OpenAPI cannot describe.
 */
import { expect } from 'vitest';
import { DEFAULT_AUDIENCE } from '../../generated/api.js';
import { createResponseValidator, type ResponseValidator } from '../../src/conformance/schemas.js';
import { createCivicPassClient } from '../../src/index.js';
import type { Sandbox } from '../../src/testing/index.js';

let validator: Promise<ResponseValidator> | undefined;

/** What one call answered. */
export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, the raw bytes for octet-stream, or `null` for an empty body. */
  body: any;
}

/** Asks the token endpoint for a token with the client's credentials (client_secret_post). */
export async function token(
  sandbox: Pick<Sandbox, 'tokenUrl'>,
  clientId: string,
  clientSecret: string,
  extra: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(sandbox.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      audience: DEFAULT_AUDIENCE,
      ...extra,
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A caller of the sandbox's API that checks each answer against the spec. */
export function apiCaller(sandbox: Pick<Sandbox, 'baseUrl'>, bearer: () => string | undefined) {
  let calls = 0;
  const call = async (
    operationId: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    calls++;
    const auth = bearer();
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      method,
      headers: {
        ...(auth !== undefined && { authorization: `Bearer ${auth}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type');
    const parsed =
      bytes.length === 0
        ? null
        : type?.startsWith('application/json')
          ? JSON.parse(`${bytes}`)
          : bytes;
    if (response.status !== 405) await checkAgainstSpec(operationId, response.status, type, parsed);
    // The headers the spec requires on these answers (Ajv checks bodies only).
    if (response.status === 401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    if (response.status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    if (response.status === 405) expect(response.headers.get('allow')).toBeTruthy();
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return {
    call,
    get calls() {
      return calls;
    },
  };
}

/** Fails the test unless the answer is one the spec documents for the operation. */
export async function checkAgainstSpec(
  operationId: string,
  status: number,
  contentType: string | null,
  body: unknown,
): Promise<void> {
  validator ??= createResponseValidator();
  const responses = await validator;
  const documented = responses.contentTypes(operationId, status);
  expect(documented, `${operationId} ${status} is documented`).not.toBeNull();
  if (documented?.length === 0) {
    expect(body, `${operationId} ${status} has no body`).toBeNull();
    return;
  }
  if (Buffer.isBuffer(body)) {
    expect(documented).toContain(contentType);
    return;
  }
  expect(responses.validate(operationId, status, contentType ?? '', body)).toEqual([]);
}

/** Calls per operation, by path: short names for the tests. */
export function passApi(call: ReturnType<typeof apiCaller>['call']) {
  const at = (chain: string, network: string, wallet: string) =>
    `/pass/${chain}/${network}/${encodeURIComponent(wallet)}`;
  return {
    list: (body?: unknown) => call('listPass', 'POST', '/pass', body),
    issue: (chain: string, network: string, body: unknown) =>
      call('issuePass', 'POST', `/pass/${chain}/${network}`, body),
    get: (chain: string, network: string, wallet: string) =>
      call('getPass', 'GET', at(chain, network, wallet)),
    patch: (chain: string, network: string, wallet: string, body: unknown) =>
      call('patchPass', 'PATCH', at(chain, network, wallet), body),
    revoke: (chain: string, network: string, wallet: string) =>
      call('deletePass', 'DELETE', at(chain, network, wallet)),
  };
}

/** The n-th EVM test wallet: distinct, valid, repeatable. */
export const evmWallet = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;

/** The real client, pointed at a sandbox by the `CIVIC_*` variables it printed; no retries. */
export function clientOf(env: Readonly<Record<string, string | undefined>>) {
  return createCivicPassClient({
    ...(env.CIVIC_API_BASE_URL !== undefined && { baseUrl: env.CIVIC_API_BASE_URL }),
    ...(env.CIVIC_TOKEN_URL !== undefined && { tokenUrl: env.CIVIC_TOKEN_URL }),
    ...(env.CIVIC_CLIENT_ID !== undefined && { clientId: env.CIVIC_CLIENT_ID }),
    ...(env.CIVIC_CLIENT_SECRET !== undefined && { clientSecret: env.CIVIC_CLIENT_SECRET }),
    maxRetries: 0,
  });
}
