/**
 * `npm run test:mutation` step 2: reads StrykerJS's JSON report (reports/mutation/mutation.json)
 * and fails when a mutated file scores below its bar. Stryker's own `break` threshold judges the
 * whole run only, so one weak file could hide behind strong ones; this checks file by file, and
 * also fails when a file the configuration mutates is missing from the report.
 *
 * Score as Stryker counts it: (killed + timeout) / (killed + timeout + survived + no coverage);
 * mutants that do not compile (errors) and ignored ones are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The bar of a file: 80% for the sandbox and the conformance checks, 90% for the client core. */
export function barFor(file: string): number {
  return file.startsWith('src/sandbox/') || file.startsWith('src/conformance/') ? 80 : 90;
}

interface Mutant {
  status: string;
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

/** Per-file counts and score of a Stryker report. */
export function scores(report: Report) {
  return Object.entries(report.files).map(([file, { mutants }]) => {
    const count = (status: string) => mutants.filter((m) => m.status === status).length;
    const detected = count('Killed') + count('Timeout');
    const undetected = count('Survived') + count('NoCoverage');
    const total = detected + undetected;
    const score = total === 0 ? 100 : (100 * detected) / total;
    return {
      file,
      detected,
      survived: count('Survived'),
      noCoverage: count('NoCoverage'),
      total,
      score,
    };
  });
}

const reportPath = process.argv[2] ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
const rows = scores(report).sort((a, b) => a.file.localeCompare(b.file));
let failed = 0;
console.log('file                                   score   bar  killed/total  survived  no-cov');
for (const row of rows) {
  const bar = barFor(row.file);
  const ok = row.score >= bar;
  if (!ok) failed++;
  console.log(
    `${row.file.padEnd(38)} ${row.score.toFixed(1).padStart(5)}%  ${String(bar).padStart(3)}%  ` +
      `${`${row.detected}/${row.total}`.padStart(12)}  ${String(row.survived).padStart(8)}  ` +
      `${String(row.noCoverage).padStart(6)}${ok ? '' : '  BELOW BAR'}`,
  );
}
const config = JSON.parse(readFileSync('stryker.config.json', 'utf8')) as { mutate: string[] };
// A pattern may name the files of one folder (`src/conformance/checks/*.ts`): each is expected.
const expand = (pattern: string): string[] => {
  const slash = pattern.lastIndexOf('/');
  const [dir, name] = [pattern.slice(0, slash), pattern.slice(slash + 1)];
  if (!name.includes('*')) return [pattern];
  const [head = '', tail = ''] = name.split('*');
  return readdirSync(dir)
    .filter((entry) => entry.startsWith(head) && entry.endsWith(tail))
    .map((entry) => `${dir}/${entry}`);
};
const mutated = config.mutate.filter((pattern) => !pattern.startsWith('!')).flatMap(expand);
const missing = mutated.filter((file) => !(file in report.files));
for (const file of missing) console.log(`${file}: missing from the report (not mutated?)`);
if (failed > 0 || missing.length > 0) {
  console.error(`mutation: ${failed} file(s) below their bar, ${missing.length} missing`);
  process.exit(1);
}
console.log(`mutation: all ${rows.length} files at or above their bar`);
