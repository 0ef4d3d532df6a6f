import { type PrismMock, type PrismOptions, startPrism } from './prism.js';
import { startTokenServer, type TokenServer, type TokenServerOptions } from './token-server.js';

/** Options of {@link startMockApi}: those of Prism and of the token endpoint. */
export interface MockApiOptions extends PrismOptions {
  /** Options of the local token endpoint. */
  token?: TokenServerOptions;
}

/** A Prism mock of the API together with a local token endpoint, ready for the client. */
export interface MockApi {
  /** Base URL of the mocked API (Prism). */
  readonly baseUrl: string;
  /** URL of the local token endpoint. */
  readonly tokenUrl: string;
  /** Credentials the token endpoint accepts. */
  readonly clientId: string;
  readonly clientSecret: string;
  readonly prism: PrismMock;
  readonly tokens: TokenServer;
  /**
   * The environment variables that point the client (or the CLI) at this mock:
   * `CIVIC_API_BASE_URL`, `CIVIC_TOKEN_URL`, `CIVIC_CLIENT_ID`, `CIVIC_CLIENT_SECRET`.
   */
  readonly env: Readonly<Record<string, string>>;
  /** Stops Prism and the token endpoint. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts Prism and the token endpoint side by side (in parallel, to save start-up time) and
 * returns what a client needs to talk to them. If either fails to start, the other is stopped.
 *
 * @example
 * const mock = await startMockApi({ seed: 7 });
 * const civic = createCivicPassClient({
 *   baseUrl: mock.baseUrl, tokenUrl: mock.tokenUrl,
 *   clientId: mock.clientId, clientSecret: mock.clientSecret,
 * });
 * await civic.passes.list({ limit: 5 });
 * await mock.stop();
 */
export async function startMockApi(options: MockApiOptions = {}): Promise<MockApi> {
  const { token, ...prismOptions } = options;
  const [prism, tokens] = await Promise.allSettled([
    startPrism(prismOptions),
    startTokenServer(token),
  ]);
  if (prism.status === 'rejected' || tokens.status === 'rejected') {
    if (prism.status === 'fulfilled') await prism.value.stop();
    if (tokens.status === 'fulfilled') await tokens.value.close();
    throw prism.status === 'rejected' ? prism.reason : (tokens as PromiseRejectedResult).reason;
  }
  let stopping: Promise<void> | undefined;
  return {
    baseUrl: prism.value.url,
    tokenUrl: tokens.value.url,
    clientId: tokens.value.clientId,
    clientSecret: tokens.value.clientSecret,
    prism: prism.value,
    tokens: tokens.value,
    env: {
      CIVIC_API_BASE_URL: prism.value.url,
      CIVIC_TOKEN_URL: tokens.value.url,
      CIVIC_CLIENT_ID: tokens.value.clientId,
      CIVIC_CLIENT_SECRET: tokens.value.clientSecret,
    },
    stop: () => {
      stopping ??= Promise.all([prism.value.stop(), tokens.value.close()]).then(() => {});
      return stopping;
    },
  };
}
