#!/usr/bin/env node
/**
 * The `civic-pass` executable (package.json `bin`). All the work is in {@link runCli}.
 *
 * @example
 * ```sh
 * npx civic-pass --help
 * ```
 */
import { nodeContext } from './context.js';
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2), nodeContext());
