/**
 * `civic-pass-client/testing`: a local stand-in for the Civic Pass API, for tests, demos and the
 * `civic-pass mock` command. Node.js only; Prism (`@stoplight/prism-cli`) must be installed.
 *
 * @example
 * import { startMockApi } from 'civic-pass-client/testing';
 * const mock = await startMockApi();
 * console.log(mock.baseUrl, mock.tokenUrl);
 * await mock.stop();
 */
export { type MockApi, type MockApiOptions, startMockApi } from './mock-api.js';
export { defaultSpecPath, packageRoot } from './package-root.js';
export {
  type PrismMock,
  type PrismOptions,
  PrismStartError,
  prismArguments,
  prismBinPath,
  startPrism,
} from './prism.js';
export {
  type ClientAuthMethod,
  startTokenServer,
  type TokenRequestRecord,
  type TokenServer,
  type TokenServerOptions,
} from './token-server.js';
