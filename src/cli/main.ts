#!/usr/bin/env -S node --
/**
 * The `civic-pass` executable (package.json `bin`). All the work is in {@link runCli}.
 *
 * The `--` on the `#!` line ends Node's own option parsing: Node 20 otherwise takes
 * `--env-file` for itself wherever it appears (exit 9 before any of our code runs), and the
 * command reads that file itself, with its own messages and exit codes.
 *
 * @example
 * ```sh
 * npx civic-pass --help
 * ```
 */
import { nodeContext } from './context.js';
import { EXIT } from './errors.js';
import { runCli } from './program.js';

// `civic-pass … | head`: once the reader is gone, there is nobody left to tell anything. End
// quietly and successfully, as Unix tools do, instead of dying on an unhandled 'error' event.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), nodeContext());
