/**
 * `civic-pass conformance …`: the conformance runner of `src/conformance` (the same as
 * `npm run conformance`), with the environment of `--env-file`.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { Session } from '../session.js';

/** Adds `conformance` to the program: its arguments go to the runner as they are. */
export function registerConformance(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  program
    .command('conformance')
    .description(
      'check that a server answers as the spec says (see: civic-pass conformance --help)',
    )
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[options...]', "the runner's options: civic-pass conformance --help")
    .action(async (args: string[], _options: object, command: Command) => {
      const s = new Session(context, command);
      // The program's own options are read wherever they appear; those the runner also knows
      // go back to it.
      const { baseUrl, tokenUrl, timeoutMs } = s.options;
      const forwarded = [
        ...(baseUrl === undefined ? [] : ['--base-url', baseUrl]),
        ...(tokenUrl === undefined ? [] : ['--token-url', tokenUrl]),
        ...(timeoutMs === undefined ? [] : ['--timeout-ms', String(timeoutMs)]),
        ...args,
      ];
      const env = await s.env();
      // Loaded only here: it needs Ajv, an optional peer dependency.
      const { conformanceCommand } = await import('../../conformance/index.js');
      setExitCode(
        await conformanceCommand(forwarded, {
          stdout: (text) => context.stdout.write(`${text}\n`),
          stderr: (text) => context.stderr.write(`${text}\n`),
          env: { ...env },
        }),
      );
    });
}
