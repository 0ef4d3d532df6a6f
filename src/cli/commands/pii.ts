/**
 * `civic-pass pii …`: review a user's personal data, decide on it, download its evidence.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { formatPii } from '../format.js';
import { Session } from '../session.js';

const ID = '<scopeRequestId>';
const ID_HELP = 'the PII (scope) request id';

/** Adds `pii` and its subcommands to the program. */
export function registerPii(program: Command, context: CliContext): void {
  const pii = program
    .command('pii')
    .description("review a user's personal data (PII requests) and its evidence");
  const session = (command: Command) => new Session(context, command);

  pii
    .command('get')
    .description('show a PII request: status, verified information, evidence links')
    .argument(ID, ID_HELP)
    .action(async (id: string, _options: object, command: Command) => {
      const s = session(command);
      const request = await (await s.client()).pii.get(id);
      s.result(request, () => formatPii(request));
    });

  for (const [name, status, past] of [
    ['approve', 'partner-pass', 'approved'],
    ['reject', 'partner-fail', 'rejected'],
  ] as const) {
    pii
      .command(name)
      .description(`${name} the data of a PII request (status ${status})`)
      .argument(ID, ID_HELP)
      .action(async (id: string, _options: object, command: Command) => {
        const s = session(command);
        await (await s.client()).pii[name](id);
        s.result(
          { ok: true, action: name, scopeRequestId: id, status },
          () => `${past} PII request ${id} (${status})\n`,
        );
      });
  }

  pii
    .command('evidence')
    .description('download one piece of evidence (e.g. idDocumentFront) of a PII request')
    .argument(ID, ID_HELP)
    .argument('<rel>', "which evidence, as named in the request's links (e.g. idDocumentFront)")
    .requiredOption('-o, --output <file>', 'where to write it ("-" for stdout)')
    .action(async (id: string, rel: string, options: { output: string }, command: Command) => {
      const s = session(command);
      if (options.output === '-' && context.stdout.isTTY === true) {
        throw new UsageError(
          'will not write binary evidence to a terminal',
          'use -o <file>, or redirect stdout',
        );
      }
      const blob = await (await s.client()).pii.evidence(id, rel);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const summary = {
        ok: true,
        scopeRequestId: id,
        rel,
        bytes: bytes.byteLength,
        contentType: blob.type || undefined,
      };
      if (options.output === '-') {
        context.stdout.write(bytes);
        return;
      }
      await writeFile(options.output, bytes);
      s.result(
        { ...summary, file: options.output },
        () =>
          `wrote ${bytes.byteLength} bytes${blob.type ? ` (${blob.type})` : ''} to ${options.output}\n`,
      );
    });
}
