/**
 * The conformance runner: checks that a server (Civic's, or a stand-in) answers as
 * `spec/customer_api.yaml` says. Used by `npm run conformance` and `civic-pass conformance`.
 * Needs the optional peer dependencies `ajv` and `ajv-formats`.
 *
 * @example
 * import { conformanceCommand } from './conformance/index.js';
 * process.exitCode = await conformanceCommand(['--base-url', 'https://staging.example.com/partner']);
 */
export {
  CONFORMANCE_HELP,
  type CommandIo,
  conformanceCommand,
  EXIT,
  parseWallet,
} from './command.js';
export { type Expectation, evaluate } from './evaluate.js';
export { exampleParams } from './examples.js';
export { type Exchange, isJsonMediaType, recordingFetch } from './exchange.js';
export { toJUnitXml } from './junit.js';
export { formatReport, formatResult, formatSummary } from './report.js';
export {
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
