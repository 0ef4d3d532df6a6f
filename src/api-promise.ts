/**
 * What every resource method returns: a promise of the data, as always, that can also give the
 * answer's request id, status and headers through `.withResponse()` (openai-node's `APIPromise`
 * does the same), so a successful call can be quoted to the operator too, not only a failed one.
 */
import { requestIdOf } from './errors.js';

/**
 * The data of a successful call together with what the answer said about itself.
 *
 * @example
 * ```ts
 * const { data: pass, requestId, status } = await civic.passes.get(ref).withResponse();
 * ```
 */
export interface WithResponse<T> {
  /** What awaiting the call gives. */
  data: T;
  /** The server's request id (`x-request-id` and its kin), when the answer carried one. */
  requestId: string | undefined;
  /** The HTTP status of the answer (e.g. 200, 202). */
  status: number;
  /** The answer's headers. */
  headers: Headers;
}

/**
 * A `Promise` of a call's data with one more method, {@link ApiPromise.withResponse}. Awaiting it
 * gives the data exactly as before, so code written for a plain `Promise` keeps working.
 *
 * @example
 * ```ts
 * const pass = await civic.passes.get(ref);                                 // the data
 * const { data, requestId } = await civic.passes.get(ref).withResponse(); // and its answer
 * ```
 */
export class ApiPromise<T> extends Promise<T> {
  readonly #response: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  /** @internal Made by the resources. */
  constructor(response: Promise<WithResponse<T>>) {
    // The base promise is never used: `then`, `catch` and `finally` go to the data below.
    super((resolve) => resolve(undefined as T));
    this.#response = response;
  }

  /** `then` on a derived promise gives a plain Promise, not another ApiPromise. */
  static override get [Symbol.species]() {
    return Promise;
  }

  /**
   * The data with the answer's request id, status and headers.
   *
   * @example
   * ```ts
   * const { data, requestId, status, headers } = await civic.passes.issue(ref).withResponse();
   * ```
   */
  withResponse(): Promise<WithResponse<T>> {
    return this.#response;
  }

  /** The data alone, made on first use (so a caller of `withResponse` alone adds no handler). */
  #dataPromise(): Promise<T> {
    this.#data ??= this.#response.then((result) => result.data);
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: being a promise of the data is the point.
  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: the signature of Promise's own, so callers' handlers still fit.
    onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#dataPromise().then(onFulfilled, onRejected);
  }

  override catch<B = never>(
    // biome-ignore lint/suspicious/noExplicitAny: the signature of Promise's own, so callers' handlers still fit.
    onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<T | B> {
    return this.#dataPromise().catch(onRejected);
  }

  override finally(onFinally?: (() => void) | null): Promise<T> {
    return this.#dataPromise().finally(onFinally);
  }
}

/**
 * Runs one call and wraps it: the call's `{ data, response }` becomes an {@link ApiPromise}.
 * Errors thrown while checking the arguments reject it, as an `async` method's would.
 *
 * @example
 * ```ts
 * return apiPromise(async () => ({ data: pass, response }));
 * ```
 */
export function apiPromise<T>(call: () => Promise<{ data: T; response: Response }>): ApiPromise<T> {
  return new ApiPromise(
    (async () => {
      const { data, response } = await call();
      return {
        data,
        requestId: requestIdOf(response),
        status: response.status,
        headers: response.headers,
      };
    })(),
  );
}
