/**
 * The `civic-pass` command: its options, its commands, and how a run ends (exit code, and one
 * line on stderr for a failure). Built on commander; every outside effect goes through a
 * {@link CliContext}, so tests run it in-process with their own.
 */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { DEFAULT_ATTEMPT_TIMEOUT_MS, DEFAULT_TIMEOUT_MS } from '../config.js';
import { registerConformance } from './commands/conformance.js';
import { registerMock } from './commands/mock.js';
import { registerNetworks } from './commands/networks.js';
import { registerPasses } from './commands/passes.js';
import { registerPii } from './commands/pii.js';
import { registerSandbox } from './commands/sandbox.js';
import type { CliContext } from './context.js';
import { describeError, describeErrorJson, EXIT, exitCodeFor, UsageError } from './errors.js';
import { positiveInteger } from './session.js';
import { loadEnv } from './settings.js';

/** The package's version, from its own package.json (the same from src/ and from dist/). */
function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('civic-pass-client/package.json') as { version: string }).version;
}

/** Said under every `--help`: where credentials come from, and what the exit codes mean. */
export const HELP_FOOTER = `
Credentials: CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET, from the environment or from a file
named with --env-file (KEY=value lines; its values win). Never on the command line: arguments
show in process lists and shell history. CIVIC_API_BASE_URL and CIVIC_TOKEN_URL (or --base-url
and --token-url) point the command at another server, e.g. the one of \`civic-pass sandbox\`.

Output: tables for people; --json for scripts. Errors: one line on stderr (JSON with --json).
Exit codes: 0 done; 1 the API, the network or the token endpoint failed, or a confirmation was
declined; 2 bad usage or missing credentials (nothing was sent).`;

const EXAMPLES = `
Examples:
  civic-pass networks
  civic-pass --env-file .env.sandbox passes issue ethereum/polygonAmoy 0xEA5Ce8F9C81b681876DC713d33371c3E262A5888
  civic-pass passes get solana/devnet 7Bq2Ecz7CoW3vtTqjeYWJDa9RQ8vWqGRTaS9Ym1aLx6H --json
  civic-pass passes list --state FROZEN --all --json > frozen.json
  civic-pass pii evidence 9a7a77af-a58e-4e54-83c9-5daa96ccbf11 idDocumentFront -o front.jpg`;

/** Finds the command a line addresses (`passes get`), to point at its `--help`. */
function commandPath(program: Command, argv: readonly string[]): string {
  const names = [program.name()];
  let command = program;
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    const sub = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) break;
    names.push(sub.name());
    command = sub;
  }
  return names.join(' ');
}

/**
 * Builds the program. `setExitCode` lets a command end with a code of its own
 * (`conformance`); everything else ends with 0, or with the code of the error it throws.
 *
 * @example
 * ```ts
 * await createProgram(nodeContext(), () => {}).parseAsync(['networks'], { from: 'user' });
 * ```
 */
export function createProgram(context: CliContext, setExitCode: (code: number) => void): Command {
  const program = new Command('civic-pass')
    .description(
      'Act on Civic Passes and PII requests through the Civic Pass Customer API, without writing code.',
    )
    .version(packageVersion(), '-V, --version')
    .option('--json', 'print JSON for scripts instead of tables')
    .option('--env-file <file>', 'read CIVIC_* variables from this file (credentials go here)')
    .option('--base-url <url>', "API base URL (default: CIVIC_API_BASE_URL, then Civic's)")
    .option(
      '--token-url <url>',
      "OAuth token endpoint (default: CIVIC_TOKEN_URL, then Civic's, with Civic's base URL only)",
    )
    .option(
      '--timeout-ms <ms>',
      `deadline of each call, token request, retries and waits included (default ${DEFAULT_TIMEOUT_MS})`,
      positiveInteger,
    )
    .option(
      '--attempt-timeout-ms <ms>',
      `deadline of one request; a request that may be repeated is retried after it while the call's deadline allows (default ${DEFAULT_ATTEMPT_TIMEOUT_MS})`,
      positiveInteger,
    )
    .option('--verbose', "log the client's work on stderr: each attempt, retry and wait")
    .addHelpText('after', EXAMPLES)
    .addHelpText('afterAll', HELP_FOOTER)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
      // Commander's own messages are replaced by one line of ours, printed by runCli.
      outputError: () => {},
    });
  // A named env file that cannot be read is bad usage whatever the command (a typo in a path
  // must not leave a command running on other credentials), so it is read before any action.
  program.hook('preAction', async (_program, action) => {
    await loadEnv(context.env, action.optsWithGlobals<{ envFile?: string }>().envFile);
  });
  registerPasses(program, context, setExitCode);
  registerPii(program, context);
  registerNetworks(program, context);
  registerMock(program, context);
  registerSandbox(program, context);
  registerConformance(program, context, setExitCode);
  return program;
}

/**
 * Runs `civic-pass` with `argv` (without `node` and the script) and resolves to its exit code:
 * {@link EXIT}. Never throws, never calls `process.exit`.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), nodeContext());
 * ```
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram(context, (code) => {
    exitCode = code;
  });
  const json = argv.includes('--json');
  const report = (error: unknown) =>
    context.stderr.write(`${json ? describeErrorJson(error) : describeError(error)}\n`);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
        return EXIT.ok;
      }
      // A command group without its subcommand: commander has printed the help on stderr.
      if (error.code === 'commander.help') return EXIT.usage;
      const message = error.message.replace(/^error:\s*/, '').trim();
      report(new UsageError(message, `see: ${commandPath(program, argv)} --help`));
      return EXIT.usage;
    }
    report(error);
    return exitCodeFor(error);
  }
}
