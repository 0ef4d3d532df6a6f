/**
 * civic-pass-client: a typed client for the Civic Pass Customer API.
 *
 * @example
 * ```ts
 * import { createCivicPassClient, NotFoundError } from 'civic-pass-client';
 *
 * const civic = createCivicPassClient(); // CIVIC_CLIENT_ID / CIVIC_CLIENT_SECRET from the environment
 * const pass = await civic.passes.get({ chain: 'solana', chainNetwork: 'devnet', wallet });
 * ```
 */
export { TOKEN_RENEWAL_MARGIN_S } from './auth.js';
export {
  CivicPassClient,
  type CivicPassClientSettings,
  createCivicPassClient,
} from './client.js';
export {
  type CivicPassClientOptions,
  type ClientAuthenticationMethod,
  DEFAULT_TIMEOUT_MS,
  type FetchLike,
} from './config.js';
export {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  CivicPassError,
  type CivicPassErrorCode,
  ConflictError,
  ConnectionError,
  createApiError,
  InputError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  TokenError,
  type TokenErrorInit,
  UnprocessableEntityError,
} from './errors.js';
export { DEFAULT_PAGE_SIZE } from './pagination.js';
export type { RawClient } from './raw.js';
export { EXPIRE_LEAD_S, type PassesResource } from './resources/passes.js';
export type { PiiResource } from './resources/pii.js';
export { RETRY_DEFAULTS } from './retry.js';
export type {
  CallOptions,
  Chain,
  ChainNetwork,
  ExpireInput,
  ListAllInput,
  ListPassesInput,
  ListPassFilter,
  NetworkOf,
  OnChainState,
  Pass,
  PassEvent,
  PassEventType,
  PassPage,
  PassRef,
  PassState,
  PassTransaction,
  PiiDecision,
  PiiLink,
  PiiRequest,
  PiiStatus,
  State,
  TargetState,
  TransactionStatus,
  UpdatePassInput,
} from './types.js';
export { checkPassRef } from './validate.js';
