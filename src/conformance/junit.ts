import type { ConformanceReport } from './runner.js';

function xml(text: string): string {
  return (
    text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&apos;')
      // XML 1.0 cannot carry most control characters, even escaped.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is removed.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * The report as JUnit XML, the format CI systems (GitHub Actions reporters, GitLab, Jenkins)
 * read: one `<testsuite>` per operation, one `<testcase>` per check, a `<failure>` listing the
 * violations of a failed check, `<skipped>` with the reason of a skipped one.
 *
 * @example
 * writeFileSync('conformance.xml', toJUnitXml(report));
 */
export function toJUnitXml(report: ConformanceReport): string {
  const suites = new Map<string, ConformanceReport['results']>();
  for (const result of report.results) {
    const list = suites.get(result.operationId) ?? [];
    list.push(result);
    suites.set(result.operationId, list);
  }
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(`conformance of ${report.baseUrl} to ${report.spec}`)}" tests="${report.results.length}" failures="${report.failed}" errors="0" skipped="${report.skipped}" time="${seconds(report.durationMs)}">`,
  ];
  for (const [operationId, results] of suites) {
    const failures = results.filter((r) => r.outcome === 'failed').length;
    const skipped = results.filter((r) => r.outcome === 'skipped').length;
    const time = results.reduce((sum, r) => sum + r.durationMs, 0);
    out.push(
      `  <testsuite name="${xml(operationId)}" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}">`,
    );
    for (const result of results) {
      const open = `    <testcase classname="conformance.${xml(operationId)}" name="${xml(`${result.id}: ${result.name}`)}" time="${seconds(result.durationMs)}"`;
      if (result.outcome === 'passed') {
        out.push(`${open}/>`);
      } else if (result.outcome === 'warned') {
        // A warning does not fail the build; CI systems show system-out next to the test.
        out.push(
          `${open}>`,
          `      <system-out>${xml(result.violations.map((v) => `warning: ${v}`).join('\n'))}</system-out>`,
          '    </testcase>',
        );
      } else if (result.outcome === 'skipped') {
        out.push(
          `${open}>`,
          `      <skipped message="${xml(result.reason ?? '')}"/>`,
          '    </testcase>',
        );
      } else {
        const request = `${result.method} ${result.path}${result.status === undefined ? '' : ` -> ${result.status}`}`;
        out.push(
          `${open}>`,
          `      <failure message="${xml(result.violations[0] ?? 'failed')}" type="nonconformance">${xml(
            [
              request,
              ...result.violations.map((v) => `- ${v}`),
              ...(result.curl ? [`reproduce: ${result.curl}`] : []),
              ...(result.answer ? [`answer: ${result.answer}`] : []),
            ].join('\n'),
          )}</failure>`,
          '    </testcase>',
        );
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>', '');
  return out.join('\n');
}
