/**
 * The client's sender: undici on Node, `fetch` elsewhere or when the user gives one. The client
 * runs wherever `fetch` does (browsers, Deno, Bun, workers); there `undici` (a Node library) is
 * never imported. The import is dynamic, so bundlers for other runtimes can leave it out, and
 * the types here are the project's own, so no undici type reaches the public declarations.
 */
import { fetchSender, type Sender } from './attempt.js';
import type { DispatcherLike, FetchLike } from './config.js';
import { clientClosedError } from './errors.js';

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

let undiciModule: Promise<typeof import('./undici.js')> | undefined;

/**
 * A client's sender and the way to release it.
 *
 * @example
 * ```ts
 * const { send, close } = createSender({});
 * ```
 */
export interface ClientSender {
  send: Sender;
  /** Releases the sender's own connections; every later send is refused. */
  close(): Promise<void>;
  /** Which HTTP stack sends: `undici` (Node's default) or `fetch`. */
  readonly kind: 'undici' | 'fetch';
}

/**
 * Makes the sender of one client: over the user's `fetch` when there is one (with `dispatcher`
 * passed along as `init.dispatcher`, as Node's `fetch` takes it), else over undici on Node (the
 * module is loaded at the first send), else over `globalThis.fetch`.
 *
 * @example
 * ```ts
 * const sender = createSender({ fetch: undefined, dispatcher: undefined });
 * const response = await sender.send(url, init, { maxResponseBytes, signal });
 * await sender.close();
 * ```
 */
export function createSender(options: {
  fetch: FetchLike | undefined;
  dispatcher: DispatcherLike | undefined;
}): ClientSender {
  let closed = false;
  const refuse = () => Promise.reject(clientClosedError());

  if (options.fetch !== undefined || !isNode()) {
    const fetchFn = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    const { dispatcher } = options;
    const viaFetch = fetchSender(
      dispatcher === undefined
        ? fetchFn
        : (url, init) => fetchFn(url, { ...init, dispatcher } as RequestInit),
    );
    return {
      kind: 'fetch',
      send: (url, init, limits) => (closed ? refuse() : viaFetch(url, init, limits)),
      close: async () => {
        closed = true;
      },
    };
  }

  let loaded: import('./undici.js').UndiciSender | undefined;
  let loading: Promise<import('./undici.js').UndiciSender> | undefined;
  const load = () => {
    undiciModule ??= import('./undici.js');
    loading ??= undiciModule.then(({ createUndiciSender }) => {
      loaded = createUndiciSender({ dispatcher: options.dispatcher });
      return loaded;
    });
    return loading;
  };
  return {
    kind: 'undici',
    send: (url, init, limits) => {
      if (closed) return refuse();
      // Once loaded, straight through: no extra promise per call.
      if (loaded) return loaded.send(url, init, limits);
      return load().then((sender) => (closed ? refuse() : sender.send(url, init, limits)));
    },
    close: async () => {
      closed = true;
      await (loaded ?? (await loading))?.close();
    },
  };
}
