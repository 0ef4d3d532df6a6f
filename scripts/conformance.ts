/**
 * `npm run conformance -- --base-url <url> --token-url <url> [--junit <file>] [--report markdown]
 *   [--allow-writes --wallet <chain>/<network>/<address>] [--only/--skip <checks>] [--seed <n>]`:
 * checks a server against the spec. Everything is in src/conformance/ (the `civic-pass
 * conformance` command runs the same code); `--help` lists the options and the exit codes.
 */
import { conformanceCommand } from '../src/conformance/index.js';

conformanceCommand(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`conformance: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
