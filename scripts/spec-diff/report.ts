/**
 * The three ways spec:diff prints a verdict: text for a terminal, markdown for a pull-request
 * comment, JSON for tools. Text and markdown group a change that recurs at many locations (a
 * shared enum used by every operation) under one line, so each change is read once.
 */
import type { Change, Direction, SpecDiffReport } from './model.js';

interface Group {
  change: Change;
  locations: string[];
}

function group(changes: Change[]): Group[] {
  const groups = new Map<string, Group>();
  for (const change of changes) {
    const key = `${change.severity}|${change.direction}|${change.kind}|${change.message}`;
    const known = groups.get(key);
    if (known) known.locations.push(change.location);
    else groups.set(key, { change, locations: [change.location] });
  }
  return [...groups.values()];
}

function count(changes: Change[], direction: Direction): string {
  const mine = changes.filter((change) => change.direction === direction);
  const breaking = mine.filter((change) => change.severity === 'breaking').length;
  return `${breaking} breaking, ${mine.length - breaking} non-breaking`;
}

/** One line per direction: how many changes, how many of them breaking. */
export function summary(report: SpecDiffReport): string {
  const { changes } = report;
  const breaking = changes.filter((change) => change.severity === 'breaking').length;
  return (
    `${breaking} breaking, ${changes.length - breaking} non-breaking ` +
    `(requests: ${count(changes, 'request')}; responses: ${count(changes, 'response')}; ` +
    `operations: ${count(changes, 'both')})`
  );
}

const where = (locations: string[], max: number) =>
  locations.length <= max
    ? locations.join('; ')
    : `${locations.slice(0, max).join('; ')}; and ${locations.length - max} more`;

/** Text: breaking changes first, each with its direction, rule and locations. */
export function formatText(report: SpecDiffReport, title: string, maxLocations = 3): string {
  const lines: string[] = [];
  for (const severity of ['breaking', 'non-breaking'] as const) {
    const groups = group(report.changes.filter((change) => change.severity === severity));
    if (groups.length === 0) continue;
    lines.push(severity === 'breaking' ? 'BREAKING' : 'non-breaking');
    for (const { change, locations } of groups) {
      lines.push(`  [${change.direction}] ${change.kind}: ${change.message}`);
      lines.push(`      at ${where(locations, maxLocations)}`);
    }
    lines.push('');
  }
  lines.push(`${title}: ${summary(report)}`);
  return `${lines.join('\n')}\n`;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** Markdown for a pull-request comment: the verdict, breaking changes, the rest folded away. */
export function formatMarkdown(report: SpecDiffReport, title: string): string {
  const lines = [`### Spec diff: ${cell(title)}`, ''];
  lines.push(
    report.breaking
      ? `**Breaking** for clients that regenerate: ${summary(report)}.`
      : `Nothing breaking for clients that regenerate: ${summary(report)}.`,
    '',
  );
  const table = (groups: Group[]) => [
    '| direction | change | where |',
    '| --- | --- | --- |',
    ...groups.map(
      ({ change, locations }) =>
        `| ${change.direction} | ${cell(change.message)} (\`${change.kind}\`) | ${cell(where(locations, 5))} |`,
    ),
  ];
  const breaking = group(report.changes.filter((change) => change.severity === 'breaking'));
  const rest = group(report.changes.filter((change) => change.severity !== 'breaking'));
  if (breaking.length > 0) lines.push('#### Breaking', '', ...table(breaking), '');
  if (rest.length > 0) {
    lines.push(
      `<details><summary>${rest.length} non-breaking changes</summary>`,
      '',
      ...table(rest),
      '',
      '</details>',
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
