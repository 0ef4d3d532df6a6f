/**
 * `civic-pass mock`: a Prism mock of the API and a local token endpoint, until Ctrl-C.
 */
import type { Command } from 'commander';
import type { MockApiOptions } from '../../testing/mock-api.js';
import { PrismStartError } from '../../testing/prism.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { port, Session } from '../session.js';

/** The version range of Prism that runs on Node.js 20 (5.15 needs Node.js 24). */
export const PRISM_INSTALL = 'npm install --save-dev @stoplight/prism-cli@~5.14.2';

/** Adds `mock` to the program. */
export function registerMock(program: Command, context: CliContext): void {
  program
    .command('mock')
    .description('serve a Prism mock of the API and a local token endpoint until Ctrl-C')
    .option('--port <n>', 'port of the mock (default: a free one)', port)
    .option('--dynamic', 'random bodies generated from the schemas instead of the examples')
    .option('--seed <n>', 'seed of the random bodies, so a run can be repeated (implies --dynamic)')
    .option('--spec <file>', 'another OpenAPI document to mock (default: the packaged spec)')
    .addHelpText('after', `\nPrism is a development dependency: if it is missing, ${PRISM_INSTALL}`)
    .action(
      async (
        options: { port?: number; dynamic?: boolean; seed?: string; spec?: string },
        command: Command,
      ) => {
        const s = new Session(context, command);
        const mockOptions: MockApiOptions = {};
        if (options.port !== undefined) mockOptions.port = options.port;
        if (options.dynamic) mockOptions.dynamic = true;
        if (options.seed !== undefined) mockOptions.seed = options.seed;
        if (options.spec !== undefined) mockOptions.spec = options.spec;
        let mock: Awaited<ReturnType<CliContext['startMock']>>;
        try {
          mock = await context.startMock(mockOptions);
        } catch (error) {
          if (error instanceof PrismStartError && error.code === 'PRISM_NOT_INSTALLED') {
            // Prism is a development tool, not a dependency of this package: say how to get it.
            throw new UsageError(
              `civic-pass mock runs Prism (@stoplight/prism-cli), which is not installed`,
              `install it next to civic-pass-client: ${PRISM_INSTALL}`,
            );
          }
          throw error;
        }
        try {
          const { baseUrl, tokenUrl, env } = mock;
          s.result({ baseUrl, tokenUrl, env }, () =>
            [
              `Prism mock of the Civic Pass API on ${baseUrl} (started in ${mock.prism.startupMs} ms)`,
              `token endpoint on ${tokenUrl}`,
              'point the client or civic-pass at them with:',
              ...Object.entries(env).map(([name, value]) => `  export ${name}=${value}`),
              'Ctrl-C stops them.',
              '',
            ].join('\n'),
          );
          await context.untilInterrupted();
        } finally {
          await mock.stop();
        }
        if (!s.json) s.err('mock stopped\n');
      },
    );
}
