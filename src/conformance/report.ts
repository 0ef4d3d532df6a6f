import type { CheckResult, ConformanceReport } from './runner.js';

const LABEL = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/**
 * One line for a check (and one more per violation), as the readable report prints it.
 *
 * @example
 * runConformance({ baseUrl, onResult: (result) => console.log(formatResult(result)) });
 */
export function formatResult(result: CheckResult): string {
  const answer =
    result.status === undefined
      ? ''
      : ` -> ${result.status}${result.contentType ? ` ${result.contentType}` : ''}`;
  const head = `${LABEL[result.outcome]}  ${result.name}`;
  if (result.outcome === 'skipped') return `${head}  (skipped: ${result.reason ?? ''})`;
  const lines = [`${head}\n        ${result.method} ${result.path}${answer}`];
  for (const violation of result.violations) lines.push(`        - ${violation}`);
  return lines.join('\n');
}

/**
 * The summary line: checks passed/failed/skipped and operations checked.
 *
 * @example
 * console.log(formatSummary(report)); // https://… conforms to …: 19 checks, 8 passed, …
 */
export function formatSummary(report: ConformanceReport): string {
  const verdict = report.ok ? 'conforms' : 'DOES NOT CONFORM';
  return (
    `${report.baseUrl} ${verdict} to ${report.spec}: ${report.results.length} checks, ` +
    `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped; ` +
    `operations checked ${report.operationsChecked.length}/${report.operationsTotal}; ` +
    `${(report.durationMs / 1000).toFixed(1)} s`
  );
}

/**
 * The readable report: every check with its outcome, each violation on its own line, the
 * operations no check reached, and a summary line.
 *
 * @example
 * console.log(formatReport(await runConformance({ baseUrl })));
 */
export function formatReport(report: ConformanceReport): string {
  const lines = report.results.map(formatResult);
  const all = new Set(report.results.map((r) => r.operationId));
  const unchecked = [...all].filter((id) => !report.operationsChecked.includes(id));
  if (unchecked.length > 0) lines.push(`not checked: ${unchecked.join(', ')}`);
  lines.push(formatSummary(report));
  return lines.join('\n');
}
