/**
 * Human-readable output of the `civic-pass` command (and of `npm start`): aligned tables and
 * key/value blocks. Everything the server sent is cleaned of control characters first, so an
 * answer cannot move the cursor or recolour the terminal.
 */
import { CHAIN_NETWORK_VALUES, CHAIN_VALUES, PASS_STATE_VALUES } from '../../generated/api.js';
import type { Pass, PassEvent, PiiRequest } from '../types.js';

/** Makes any value printable on one line: text as is, without control characters. */
export function clean(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** A column: its heading and the width it is padded to (at least the heading's). */
export interface Column {
  readonly heading: string;
  readonly width: number;
}

function line(cells: readonly string[], columns: readonly Column[]): string {
  return cells
    .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(columns[i]?.width ?? 0)))
    .join('  ')
    .trimEnd();
}

/**
 * A table whose column widths are known up front, so rows can be printed as they arrive (for
 * `passes list --all`, which never holds more than a page).
 *
 * @example
 * ```ts
 * const t = streamingTable([{ heading: 'CHAIN', width: 8 }, { heading: 'NETWORK', width: 19 }]);
 * out.write(t.header()); out.write(t.row(['solana', 'devnet']));
 * ```
 */
export function streamingTable(columns: readonly Column[]) {
  const sized = columns.map((c) => ({
    heading: c.heading,
    width: Math.max(c.width, c.heading.length),
  }));
  return {
    header: () =>
      `${line(
        sized.map((c) => c.heading),
        sized,
      )}\n`,
    row: (cells: readonly unknown[]) => `${line(cells.map(clean), sized)}\n`,
  };
}

/**
 * A table sized to its content.
 *
 * @example
 * ```ts
 * table(['CHAIN', 'NETWORK'], [['solana', 'devnet']]);
 * // 'CHAIN   NETWORK\nsolana  devnet\n'
 * ```
 */
export function table(headings: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const text = rows.map((row) => row.map(clean));
  const columns = headings.map((heading, i) => ({
    heading,
    width: Math.max(heading.length, ...text.map((row) => row[i]?.length ?? 0)),
  }));
  return [line(headings, columns), ...text.map((row) => line(row, columns))]
    .map((l) => `${l}\n`)
    .join('');
}

/**
 * Aligned `key  value` lines.
 *
 * @example
 * ```ts
 * keyValues([['state', 'ACTIVE'], ['wallet', '0xEA5C…']]);
 * ```
 */
export function keyValues(pairs: readonly (readonly [string, unknown])[], indent = ''): string {
  // Keys can come from the server too (a PII request's verified information): cleaned like values.
  const keys = pairs.map(([key]) => clean(key));
  const width = Math.max(0, ...keys.map((key) => key.length));
  return pairs
    .map(([, value], i) => `${indent}${(keys[i] as string).padEnd(width)}  ${clean(value)}\n`)
    .join('');
}

/**
 * A time in seconds since the epoch as `2024-11-28 08:00:00Z`; anything else as it came.
 *
 * @example
 * ```ts
 * formatTimestamp(1732780800); // '2024-11-28 08:00:00Z'
 * ```
 */
export function formatTimestamp(seconds: unknown): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return clean(seconds);
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return clean(seconds);
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

const longest = (values: readonly string[]) => Math.max(...values.map((v) => v.length));

/** The columns of a list of passes, sized from the spec's enums so rows can stream. */
export const PASS_COLUMNS: readonly Column[] = [
  { heading: 'WALLET', width: 44 },
  { heading: 'CHAIN', width: longest(CHAIN_VALUES) },
  { heading: 'NETWORK', width: longest(CHAIN_NETWORK_VALUES) },
  { heading: 'STATE', width: longest(PASS_STATE_VALUES) },
  { heading: 'ON CHAIN', width: longest(PASS_STATE_VALUES) },
  { heading: 'LAST EVENT', width: 0 },
];

function lastEvent(events: unknown): string {
  if (!Array.isArray(events) || events.length === 0) return '';
  const event = events.at(-1) as Partial<PassEvent> | undefined;
  if (!event || typeof event !== 'object') return '';
  return `${clean(event.eventType)} ${formatTimestamp(event.timestamp)}`.trim();
}

/**
 * The cells of one pass in a list, in {@link PASS_COLUMNS} order.
 *
 * @example
 * ```ts
 * out.write(streamingTable(PASS_COLUMNS).row(passRow(pass)));
 * ```
 */
export function passRow(pass: Pass): string[] {
  return [
    clean(pass.walletAddress),
    clean(pass.chain?.type),
    clean(pass.chain?.network),
    clean(pass.state),
    clean(pass.onChainState),
    lastEvent(pass.events),
  ];
}

/**
 * One pass in full: who holds it, where, its state, and its history.
 *
 * @example
 * ```ts
 * out.write(formatPass(await civic.passes.get(ref)));
 * ```
 */
export function formatPass(pass: Pass, indent = ''): string {
  let text = keyValues(
    [
      ['wallet', pass.walletAddress],
      ['chain', `${clean(pass.chain?.type)}/${clean(pass.chain?.network)}`],
      ['state', pass.state],
      ['on chain', pass.onChainState],
      ['pass id', pass.id],
      ['gatekeeper network', pass.gatekeeperNetwork],
    ],
    indent,
  );
  const events = Array.isArray(pass.events) ? pass.events : [];
  if (events.length === 0) return `${text}${indent}events              none\n`;
  text += `${indent}events:\n`;
  const rows = events.map((event) => [
    formatTimestamp(event.timestamp),
    event.eventType,
    event.transaction
      ? `${clean(event.transaction.identifier)}${event.transaction.status ? ` (${clean(event.transaction.status)})` : ''}`
      : '',
  ]);
  return (
    text +
    table(['TIME', 'EVENT', 'TRANSACTION'], rows)
      .split('\n')
      .filter(Boolean)
      .map((l) => `${indent}  ${l}\n`)
      .join('')
  );
}

/**
 * A PII request: its status, the verified data, and the evidence that can be downloaded.
 *
 * @example
 * ```ts
 * out.write(formatPii(await civic.pii.get(id)));
 * ```
 */
export function formatPii(request: PiiRequest, indent = ''): string {
  let text = keyValues(
    [
      ['id', request.id],
      ['type', request.type],
      ['status', request.status],
      ['updated', request.updateDate],
    ],
    indent,
  );
  const info = request.verifiedInformation;
  if (info && typeof info === 'object' && Object.keys(info).length > 0) {
    text += `${indent}verified information:\n${keyValues(Object.entries(info), `${indent}  `)}`;
  }
  const links = Array.isArray(request.links) ? request.links : [];
  if (links.length > 0) {
    text += `${indent}evidence (civic-pass pii evidence <id> <rel> -o <file>):\n`;
    text += keyValues(
      links.map((link) => [clean(link.rel), link.href] as const),
      `${indent}  `,
    );
  }
  return text;
}
