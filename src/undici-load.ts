/**
 * Loads the undici sender on Node only. The client runs wherever `fetch` does (browsers, Deno,
 * Bun, workers); there it keeps sending through `fetch`, and `undici` (a Node library) is never
 * imported. The import is dynamic, so bundlers for other runtimes can leave it out, and the
 * types it returns are this project's own, so no undici type reaches the public declarations.
 */
import type { DispatcherLike, SendOptions } from './undici.js';

export type { DispatcherLike, SendOptions };

/**
 * What `undici-load.ts` hands out: a sender and a way to close its own connections.
 *
 * @example
 * ```ts
 * const sender = await loadNodeSender({});
 * if (sender) await sender.send(url, init, { maxResponseBytes: 1 << 20 });
 * ```
 */
export interface NodeSender {
  send(url: string, init: RequestInit, options: SendOptions): Promise<Response>;
  close(): Promise<void>;
}

/**
 * True on Node itself (not Deno or Bun, which set `process.versions.node` for compatibility).
 *
 * @example
 * ```ts
 * if (isNode()) console.log('undici is available');
 * ```
 */
export function isNode(): boolean {
  const process = (globalThis as { process?: { versions?: Record<string, string | undefined> } })
    .process;
  const versions = process?.versions;
  if (typeof versions?.node !== 'string') return false;
  return versions.bun === undefined && versions.deno === undefined && !('Deno' in globalThis);
}

let module: Promise<typeof import('./undici.js')> | undefined;

/**
 * The undici sender on Node, `undefined` elsewhere. With `dispatcher`, every request goes
 * through it.
 *
 * @example
 * ```ts
 * const sender = await loadNodeSender({ dispatcher: new ProxyAgent('http://proxy:3128') });
 * ```
 */
export async function loadNodeSender(
  options: { dispatcher?: DispatcherLike | undefined } = {},
): Promise<NodeSender | undefined> {
  if (!isNode()) return undefined;
  module ??= import('./undici.js');
  const { createUndiciSender } = await module;
  return createUndiciSender(options);
}
