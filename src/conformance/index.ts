/**
 * The conformance runner: checks that a server (Civic's, or a stand-in) answers as
 * `spec/customer_api.yaml` says. Used by `npm run conformance` and `civic-pass conformance`.
 * Needs the optional peer dependencies `ajv` and `ajv-formats`.
 *
 * @example
 * import { conformanceCommand } from './conformance/index.js';
 * process.exitCode = await conformanceCommand(['--base-url', 'https://staging.example.com/partner']);
 */
export { type Expectation, evaluate } from './checks/response.js';
export {
  CONFORMANCE_HELP,
  type CommandIo,
  conformanceCommand,
  EXIT,
  parseWallet,
} from './command.js';
export type { CheckInfo, CheckRun, Context, Family, Settings } from './context.js';
export { exampleParams } from './examples.js';
export { type Exchange, isJsonMediaType } from './exchange.js';
export { toJUnitXml } from './junit.js';
export { type Probe, type ProbeAuth, TOKEN_PLACEHOLDER, toCurl } from './probe.js';
export { createRandom, type Random } from './random.js';
export { checkTitle, formatReport, formatResult, formatSummary, toMarkdown } from './report.js';
export {
  CHECK_FAMILIES,
  type CheckOutcome,
  type CheckResult,
  type ConformanceOptions,
  type ConformanceReport,
  type ConformanceWallet,
  runConformance,
} from './runner.js';
export {
  createResponseValidator,
  MissingValidatorError,
  mediaType,
  type OperationDescription,
  type ResponseValidator,
  type ResponseValidatorOptions,
} from './schemas.js';
export {
  type ClientAuthentication,
  CredentialsRefusedError,
  TokenEndpointError,
  type TokenSettings,
} from './token.js';
