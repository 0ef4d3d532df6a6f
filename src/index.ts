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
export { ApiPromise, type WithResponse } from './api-promise.js';
export { TOKEN_FAILURE_COOL_DOWN_MS, TOKEN_RENEWAL_MARGIN_S } from './auth.js';
export {
  BULK_ACTIONS,
  type BulkAction,
  type BulkOptions,
  type BulkResult,
  type BulkSummary,
  bulk,
} from './bulk.js';
export {
  CivicPassClient,
  type CivicPassClientSettings,
  createCivicPassClient,
} from './client.js';
export {
  type CivicPassClientOptions,
  type ClientAuthenticationMethod,
  DEFAULT_ATTEMPT_TIMEOUT_MS,
  DEFAULT_MAX_EVIDENCE_BYTES,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type DispatcherLike,
  type FetchLike,
  PACKAGE_VERSION,
} from './config.js';
export {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  CivicPassError,
  type CivicPassErrorCode,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  createApiError,
  InputError,
  InternalServerError,
  InvalidResponseError,
  isRouteNotFound,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  TokenError,
  type TokenErrorInit,
  UnprocessableEntityError,
} from './errors.js';
export { type LogFields, type Logger, type LogLevel, stderrLogger } from './log.js';
export { DEFAULT_PAGE_SIZE } from './pagination.js';
export type { RawClient } from './raw.js';
export { EXPIRE_LEAD_S, isPassExists, type PassesResource } from './resources/passes.js';
export type { PiiResource } from './resources/pii.js';
export { RETRY_DEFAULTS } from './retry.js';
export type {
  CallOptions,
  Chain,
  ChainNetwork,
  ExpireInput,
  IssuePassFields,
  IssuePassOptions,
  ListAllInput,
  ListPassesInput,
  ListPassFilter,
  NetworkOf,
  OnChainState,
  Open,
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
  RequestBody,
  State,
  TargetState,
  TransactionStatus,
  UpdatePassInput,
} from './types.js';
export { checkPassRef } from './validate.js';
export {
  UnreachableStateError,
  WAIT_DEFAULTS,
  type WaitForOptions,
  WaitTimeoutError,
} from './wait.js';
