/**
 * The `civic-pass` command as a library: run it in-process with your own context (tests, or a
 * tool that embeds it). The executable is `main.ts`.
 *
 * @example
 * ```ts
 * import { runCli, nodeContext } from './cli/index.js';
 * process.exitCode = await runCli(['networks', '--json'], nodeContext());
 * ```
 */
export { type CliContext, type CliOutput, nodeContext } from './context.js';
export {
  Declined,
  describeError,
  describeErrorJson,
  EXIT,
  exitCodeFor,
  UsageError,
} from './errors.js';
export { createProgram, HELP_FOOTER, runCli } from './program.js';
