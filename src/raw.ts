/**
 * The typed openapi-fetch client on top of the transport, and the one call path that the
 * resources and `civic.raw` share: a 2xx body that is not JSON becomes an
 * `InvalidResponseError` instead of a bare `SyntaxError`.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import { InvalidResponseError } from './errors.js';
import { operationByTemplate } from './operations.js';
import { KeptBodyRequest, type Transport, type TransportCallOptions } from './transport.js';
import { serializePath } from './validate.js';

/**
 * The typed openapi-fetch client, as `civic.raw`. Every call goes through the client's
 * transport (token, deadline, retries); HTTP error statuses come back as openapi-fetch's
 * `{ error, response }`. Besides openapi-fetch's own `init` keys, a call may pass `timeoutMs`
 * and `maxRetries`.
 *
 * @example
 * ```ts
 * const { data, error, response } = await civic.raw.GET('/pass/{chain}/{chainNetwork}/{wallet}', {
 *   params: { path: { chain: 'ethereum', chainNetwork: 'sepolia', wallet } },
 *   timeoutMs: 5_000,
 * });
 * ```
 */
export type RawClient = Client<paths>;

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
type Method = (typeof METHODS)[number];

type AnyInit = Record<string, unknown> & { fetch?: unknown };
type AnyCall = (
  url: string,
  init?: AnyInit,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Creates the openapi-fetch client of one client, wired to its transport. */
export function createRawClient(baseUrl: string, transport: Transport) {
  const inner = createClient<paths>({
    baseUrl,
    fetch: (request) => transport.send(request),
    Request: KeptBodyRequest,
    pathSerializer: serializePath,
  });

  /**
   * One call: openapi-fetch builds the request, the transport sends it with `options`, and an
   * unparseable success body becomes an `InvalidResponseError` naming the operation.
   */
  async function call(
    method: Method,
    template: string,
    init: AnyInit | undefined,
    options?: TransportCallOptions,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }> {
    let response: Response | undefined;
    const fetch = async (request: Request) => {
      response = await transport.send(request, options);
      return response;
    };
    try {
      return await (inner[method] as unknown as AnyCall)(template, { ...init, fetch });
    } catch (error) {
      if (error instanceof SyntaxError && response) {
        const operation = operationByTemplate(method, template);
        throw new InvalidResponseError(
          `its body is not valid JSON (${error.message})`,
          { operationId: operation?.operationId, method, path: template, response },
          { cause: error },
        );
      }
      throw error;
    }
  }

  const raw = { ...inner } as RawClient;
  for (const method of METHODS) {
    const wrapped = (url: string, init?: AnyInit) =>
      init?.fetch !== undefined
        ? (inner[method] as unknown as AnyCall)(url, init) // the caller's own fetch: theirs to handle
        : call(method, url, init);
    (raw as unknown as Record<Method, unknown>)[method] = wrapped;
  }
  (raw as unknown as { request: unknown }).request = (
    method: string,
    url: string,
    init?: AnyInit,
  ) => (raw as unknown as Record<string, AnyCall>)[method.toUpperCase()]?.(url, init);

  return { raw, call };
}
