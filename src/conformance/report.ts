import type { CheckResult, ConformanceReport } from './runner.js';

const LABEL = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP', warned: 'WARN' } as const;

/**
 * The head of a check: operation, check id and what it checks, e.g.
 * `getPass · auth.unknown-token · getPass with a well-formed unknown token answers 401`.
 *
 * @example
 * console.log(`${LABEL}  ${checkTitle(result)}`);
 */
export function checkTitle(result: CheckResult): string {
  return `${result.operationId} · ${result.id} · ${result.name}`;
}

/**
 * One line for a check, and for a failure or warning: the request, each violation, a `curl`
 * command that reproduces the request, and what came back.
 *
 * @example
 * runConformance({ baseUrl, onResult: (result) => console.log(formatResult(result)) });
 */
export function formatResult(result: CheckResult): string {
  const head = `${LABEL[result.outcome]}  ${checkTitle(result)}`;
  if (result.outcome === 'skipped') return `${head}  (skipped: ${result.reason ?? ''})`;
  if (result.outcome === 'passed') return head;
  const answer =
    result.status === undefined
      ? ''
      : ` -> ${result.status}${result.contentType ? ` ${result.contentType}` : ''}`;
  const lines = [head, `        ${result.method} ${result.path}${answer}`];
  for (const violation of result.violations) lines.push(`        - ${violation}`);
  if (result.curl) lines.push(`        reproduce: ${result.curl}`);
  if (result.answer) lines.push(`        answer: ${result.answer}`);
  return lines.join('\n');
}

/**
 * The summary line: checks passed/failed/warned/skipped, operations checked, the seed.
 *
 * @example
 * console.log(formatSummary(report)); // https://… conforms to …: 19 checks, 8 passed, …
 */
export function formatSummary(report: ConformanceReport): string {
  const verdict = report.ok ? 'conforms' : 'DOES NOT CONFORM';
  return (
    `${report.baseUrl} ${verdict} to ${report.spec}: ${report.results.length} checks, ` +
    `${report.passed} passed, ${report.failed} failed, ${report.warned} warned, ${report.skipped} skipped; ` +
    `operations checked ${report.operationsChecked.length}/${report.operationsTotal}; ` +
    `seed ${report.seed}; ${(report.durationMs / 1000).toFixed(1)} s`
  );
}

/**
 * The readable report: every check with its outcome, the details of failures, the operations no
 * check reached, and a summary line.
 *
 * @example
 * console.log(formatReport(await runConformance({ baseUrl })));
 */
export function formatReport(report: ConformanceReport): string {
  const lines = report.results.map(formatResult);
  const all = new Set(report.results.map((r) => r.operationId));
  const unchecked = [...all].filter(
    (id) => id !== 'token' && !(report.operationsChecked as string[]).includes(id),
  );
  if (unchecked.length > 0) lines.push(`not checked: ${unchecked.join(', ')}`);
  lines.push(formatSummary(report));
  return lines.join('\n');
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * The report as Markdown, for a pull-request comment: the verdict, a table of failures and
 * warnings, and under each a `curl` command that reproduces it and what came back.
 *
 * @example
 * writeFileSync('conformance.md', toMarkdown(report));
 */
export function toMarkdown(report: ConformanceReport): string {
  const icon = report.ok ? '✅' : '❌';
  const out = [
    `## ${icon} Conformance of \`${report.baseUrl}\` to ${report.spec}`,
    '',
    `${report.results.length} checks: **${report.passed} passed, ${report.failed} failed**, ${report.warned} warned, ${report.skipped} skipped; seed \`${report.seed}\`; ${(report.durationMs / 1000).toFixed(1)} s.`,
    '',
  ];
  const notable = report.results.filter((r) => r.outcome === 'failed' || r.outcome === 'warned');
  if (notable.length > 0) {
    out.push('| | operation | check | what is wrong |', '| --- | --- | --- | --- |');
    for (const r of notable) {
      out.push(
        `| ${r.outcome === 'failed' ? 'FAIL' : 'WARN'} | ${r.operationId} | \`${r.id}\` | ${cell(r.violations.join('; '))} |`,
      );
    }
    out.push('');
    for (const r of notable) {
      out.push(`<details><summary>${r.operationId} · ${r.id} · ${cell(r.name)}</summary>`, '');
      for (const violation of r.violations) out.push(`- ${cell(violation)}`);
      if (r.curl) out.push('', '```sh', r.curl, '```');
      if (r.answer) out.push('', '```', r.answer, '```');
      out.push('', '</details>', '');
    }
  }
  const skipped = report.results.filter((r) => r.outcome === 'skipped');
  if (skipped.length > 0) {
    const reasons = new Map<string, number>();
    for (const r of skipped) reasons.set(r.reason ?? '', (reasons.get(r.reason ?? '') ?? 0) + 1);
    out.push('Skipped:', '');
    for (const [reason, n] of reasons) out.push(`- ${n} × ${cell(reason)}`);
    out.push('');
  }
  return out.join('\n');
}
