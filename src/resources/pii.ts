/**
 * `civic.pii`: review the personal data a user submitted, approve or reject it, and download its
 * evidence. Evidence is always fetched from the API's own base URL, never from a link's `href`,
 * so the bearer token cannot be sent to another host.
 */
import { type ApiPromise, apiPromise } from '../api-promise.js';
import { encodePathSegment } from '../path.js';
import type { CallOptions, PiiDecision, PiiRequest } from '../types.js';
import {
  expectObject,
  invalidResponse,
  perform,
  type ResourceContext,
  withData,
} from './shared.js';

/**
 * The PII operations of one client.
 *
 * @example
 * ```ts
 * const request = await civic.pii.get(scopeRequestId);
 * if (request.status === 'verification-success') await civic.pii.approve(scopeRequestId);
 * ```
 */
export class PiiResource {
  readonly #context: ResourceContext;

  /** @internal Made by `createCivicPassClient`. */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * Reads a PII request: its status, the verified data and links to the evidence.
   *
   * @example
   * ```ts
   * const { status, verifiedInformation, links } = await civic.pii.get(scopeRequestId);
   * ```
   */
  get(scopeRequestId: string, options?: CallOptions): ApiPromise<PiiRequest> {
    return apiPromise(async () => {
      encodePathSegment('scopeRequestId', scopeRequestId);
      const result = await perform(
        this.#context,
        'getPii',
        { params: { path: { scopeRequestId } } },
        options,
      );
      const request = expectObject<PiiRequest>(result, 'getPii', 'a PII request (a JSON object)');
      return withData(result, request);
    });
  }

  /**
   * Approves the user's data (`partner-pass`): their pass may be issued.
   *
   * @example
   * ```ts
   * await civic.pii.approve(scopeRequestId);
   * ```
   */
  approve(scopeRequestId: string, options?: CallOptions): ApiPromise<void> {
    return this.#decide(scopeRequestId, 'partner-pass', options);
  }

  /**
   * Rejects the user's data (`partner-fail`): their pass is not issued.
   *
   * @example
   * ```ts
   * await civic.pii.reject(scopeRequestId);
   * ```
   */
  reject(scopeRequestId: string, options?: CallOptions): ApiPromise<void> {
    return this.#decide(scopeRequestId, 'partner-fail', options);
  }

  /**
   * Downloads one piece of evidence (`rel` as in the request's links, e.g. `idDocumentFront`),
   * from `baseUrl`, whatever the link's `href` says.
   *
   * @example
   * ```ts
   * const image = await civic.pii.evidence(scopeRequestId, 'idDocumentFront');
   * await writeFile('front.jpg', Buffer.from(await image.arrayBuffer()));
   * ```
   */
  evidence(scopeRequestId: string, rel: string, options?: CallOptions): ApiPromise<Blob> {
    return apiPromise(async () => {
      encodePathSegment('scopeRequestId', scopeRequestId);
      encodePathSegment('rel', rel);
      const result = await perform(
        this.#context,
        'getPiiEvidence',
        { params: { path: { scopeRequestId, rel } } },
        options,
      );
      if (!(result.data instanceof Blob)) {
        throw invalidResponse('getPiiEvidence', 'it has no body', result.response);
      }
      return withData(result, result.data);
    });
  }

  #decide(scopeRequestId: string, status: PiiDecision, options?: CallOptions): ApiPromise<void> {
    return apiPromise(async () => {
      encodePathSegment('scopeRequestId', scopeRequestId);
      const result = await perform(
        this.#context,
        'updatePiiReceipt',
        { params: { path: { scopeRequestId } }, body: { status } },
        options,
      );
      return withData(result, undefined);
    });
  }
}
