/**
 * The typed openapi-fetch client on top of the transport, and the one call path that the
 * resources and `civic.raw` share: a 2xx body that is not JSON becomes an
 * `InvalidResponseError` instead of a bare `SyntaxError`.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import { checkCallOptions } from './call-options.js';
import { InvalidResponseError } from './errors.js';
import { operationByTemplate } from './operations.js';
import { serializePath } from './path.js';
import { PlainRequest } from './request.js';
import type { Transport, TransportCallOptions } from './transport.js';

/**
 * The typed openapi-fetch client, as `civic.raw`. Every call goes through the client's
 * transport (token, deadline, retries); HTTP error statuses come back as openapi-fetch's
 * `{ error, response }`. Besides openapi-fetch's own `init` keys, a call may pass `timeoutMs`,
 * `attemptTimeoutMs`, `maxRetries` and `maxResponseBytes`.
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

/**
 * Creates the openapi-fetch client of one client, wired to its transport.
 *
 * @example
 * ```ts
 * const { raw, call } = createRawClient(config.baseUrl, transport);
 * ```
 */
export function createRawClient(baseUrl: string, transport: Transport) {
  const inner = createClient<paths>({
    baseUrl,
    fetch: (request) => transport.send(request),
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
    // Middleware sees a standard Request; without any, the call builds a PlainRequest instead.
    const noMiddleware =
      middleware.size === 0 &&
      !(init?.middleware as unknown[] | undefined)?.length &&
      init?.Request === undefined;
    const request = noMiddleware ? { Request: PlainRequest } : undefined;
    try {
      return await (inner[method] as unknown as AnyCall)(template, { ...init, ...request, fetch });
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

  // Middleware registered on `raw`: while there is any, calls build standard Requests for it.
  const middleware = new Set<unknown>();
  const raw = {
    ...inner,
    use(...added: Parameters<RawClient['use']>) {
      inner.use(...added);
      for (const m of added) if (m) middleware.add(m);
    },
    eject(...removed: Parameters<RawClient['eject']>) {
      inner.eject(...removed);
      for (const m of removed) middleware.delete(m);
    },
  } as RawClient;
  for (const method of METHODS) {
    const wrapped = (url: string, init?: AnyInit) => {
      // The caller's own fetch: theirs to handle, no token.
      if (init?.fetch !== undefined) return (inner[method] as unknown as AnyCall)(url, init);
      if (init === undefined) return call(method, url, undefined);
      const { signal, timeoutMs, attemptTimeoutMs, maxRetries, maxResponseBytes, ...rest } = init;
      return call(
        method,
        url,
        rest,
        checkCallOptions({ signal, timeoutMs, attemptTimeoutMs, maxRetries, maxResponseBytes }),
      );
    };
    (raw as unknown as Record<Method, unknown>)[method] = wrapped;
  }
  (raw as unknown as { request: unknown }).request = (
    method: string,
    url: string,
    init?: AnyInit,
  ) => (raw as unknown as Record<string, AnyCall>)[method.toUpperCase()]?.(url, init);

  return { raw, call };
}
