/**
 * `npm run spec:diff`: classifies every difference between two versions of an OpenAPI document
 * as breaking or not for a client that regenerates from it, separately for what the client
 * sends (requests) and what it must accept (responses). The rules are in scripts/spec-diff/ and
 * tabled in the README ("Regenerating after a spec change").
 *
 *   npm run spec:diff -- <before.yaml> [<after.yaml>] [--format text|markdown|json]
 *
 * Exit codes: 0 nothing breaking, 1 something breaking, 2 usage error or unreadable input.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareDocuments } from './spec-diff/classify.js';
import { loadSpec, UnreadableSpecError } from './spec-diff/load.js';
import type { SpecDiffReport } from './spec-diff/model.js';
import { formatMarkdown, formatText } from './spec-diff/report.js';

export { compareDocuments } from './spec-diff/classify.js';
export type { Change, SpecDiffReport } from './spec-diff/model.js';

const DEFAULT_AFTER = 'spec/customer_api.yaml';

const USAGE = `usage: npm run spec:diff -- <before.yaml> [<after.yaml>] [--format text|markdown|json]

Classifies every change from <before> to <after> (default ${DEFAULT_AFTER}) as breaking or
non-breaking for a client that regenerates from the spec, for requests and responses apart.

  --format text       one line per change, breaking first (default)
  --format markdown   a pull-request comment
  --format json       { breaking, changes: [{ kind, location, direction, severity, message }] }
  --help              this text

exit 0: nothing breaking · 1: something breaking · 2: usage error or unreadable input`;

/** Compares two spec files. Throws {@link UnreadableSpecError} when either cannot be read. */
export async function diffSpecs(before: string, after: string): Promise<SpecDiffReport> {
  return compareDocuments(await loadSpec(before), await loadSpec(after));
}

class UsageError extends Error {}

/** Runs the command line; returns the exit code. Problems go to `err` (by default `out`). */
export async function run(
  argv: string[],
  out: (text: string) => void,
  err: (text: string) => void = out,
): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    err(`spec:diff: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  const { before, after, format } = parsed;
  let report: SpecDiffReport;
  try {
    report = await diffSpecs(before, after);
  } catch (error) {
    if (!(error instanceof UnreadableSpecError)) throw error;
    err(`spec:diff: ${error.message}\n`);
    return 2;
  }
  const title = `${path.basename(before)} -> ${path.basename(after)}`;
  if (format === 'json') out(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'markdown') out(formatMarkdown(report, title));
  else out(formatText(report, title));
  return report.breaking ? 1 : 0;
}

function parseOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    throw new UsageError(`--format must be text, markdown or json, not "${format}"`);
  }
  if (values.help) return { help: true, before: '', after: '', format } as const;
  const [before, after = DEFAULT_AFTER, ...extra] = positionals;
  if (!before) throw new UsageError('name the spec to compare from');
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra.join(' ')}`);
  return { help: false, before, after, format } as const;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`spec:diff: ${error instanceof Error ? error.stack : String(error)}`);
      process.exitCode = 2;
    },
  );
}
