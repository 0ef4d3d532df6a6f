/**
 * `civic-pass-client/testing`: local stand-ins for the Civic Pass API, for tests and demos.
 * `startSandbox()` is a stateful, spec-true API with its token endpoint, a clock and faults (no
 * dependency); `startMockApi()` is a Prism mock of the spec's examples (`civic-pass mock`; Prism,
 * `@stoplight/prism-cli`, must be installed). Node.js only.
 *
 * @example
 * import { startSandbox } from 'civic-pass-client/testing';
 * const sandbox = await startSandbox();
 * console.log(sandbox.baseUrl, sandbox.tokenUrl);
 * await sandbox.close();
 *
 * @example
 * import { startMockApi } from 'civic-pass-client/testing';
 * const mock = await startMockApi();
 * console.log(mock.baseUrl, mock.tokenUrl);
 * await mock.stop();
 */

export * from '../sandbox/index.js';
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
