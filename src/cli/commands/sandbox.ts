/**
 * `civic-pass sandbox`: a stateful sandbox of the API and its token endpoint, until Ctrl-C.
 */
import type { Command } from 'commander';
import { DataFileError, type SandboxOptions, startSandbox } from '../../sandbox/index.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { nonNegativeInteger, Session } from '../session.js';

/** The PII request the command seeds: the spec's example id, so `civic-pass pii get` has one. */
export const DEMO_SCOPE_REQUEST_ID = '9a7a77af-a58e-4e54-83c9-5daa96ccbf11';

/**
 * Adds `sandbox` to the program.
 *
 * @example
 * ```ts
 * registerSandbox(program, context); // civic-pass sandbox --port 4010 --data sandbox.json
 * ```
 */
export function registerSandbox(program: Command, context: CliContext): void {
  program
    .command('sandbox')
    .description('serve a stateful sandbox of the API and its token endpoint until Ctrl-C')
    .option('--port <n>', 'port (default: a free one)', nonNegativeInteger)
    .option(
      '--seed <n>',
      'seed of ids, transaction hashes and faults (default 1)',
      nonNegativeInteger,
    )
    .option('--data <file>', 'keep the state in this JSON file, across restarts')
    .addHelpText(
      'after',
      '\nThe clock runs with real time (passes confirm 2 s after a change); move it on with\n' +
        'POST <origin>/__sandbox/clock/advance {"ms": N}. The README\'s "Sandbox" section has the rest.',
    )
    .action(async (options: { port?: number; seed?: number; data?: string }, command: Command) => {
      const s = new Session(context, command);
      const sandboxOptions: SandboxOptions = { pii: [{ id: DEMO_SCOPE_REQUEST_ID }] };
      if (options.port !== undefined) sandboxOptions.port = options.port;
      if (options.seed !== undefined) sandboxOptions.seed = options.seed;
      if (options.data !== undefined) sandboxOptions.dataFile = options.data;
      let sandbox: Awaited<ReturnType<typeof startSandbox>>;
      try {
        sandbox = await startSandbox(sandboxOptions);
      } catch (error) {
        if (error instanceof DataFileError) {
          throw new UsageError(error.message, 'name a new file, or the file of an earlier run');
        }
        throw error;
      }
      try {
        const { baseUrl, tokenUrl, controlUrl, env } = sandbox;
        s.result({ baseUrl, tokenUrl, controlUrl, env }, () =>
          [
            `sandbox of the Civic Pass API on ${baseUrl} (started in ${sandbox.startupMs.toFixed(1)} ms)`,
            `token endpoint on ${tokenUrl}; control API on ${controlUrl}`,
            options.data === undefined ? 'state in memory' : `state kept in ${options.data}`,
            `PII request ${DEMO_SCOPE_REQUEST_ID} is ready for a decision`,
            'point the client or civic-pass at it with:',
            ...Object.entries(env).map(([name, value]) => `  export ${name}=${value}`),
            'Ctrl-C stops it.',
            '',
          ].join('\n'),
        );
        await context.untilInterrupted();
      } finally {
        await sandbox.close();
      }
      if (!s.json) s.err('sandbox stopped\n');
    });
}
