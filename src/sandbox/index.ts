/**
 * The sandbox: a stateful, spec-true local Civic Pass API with its token endpoint, clock,
 * faults and data file. Exported through `civic-pass-client/testing`.
 *
 * @example
 * import { startSandbox } from 'civic-pass-client/testing';
 * const sandbox = await startSandbox();
 * console.log(sandbox.env);
 * await sandbox.close();
 */
export type { ClockOptions, SandboxClock } from './clock.js';
export type { FaultDecision, FaultKind, FaultOptions, FaultRule, Faults } from './faults.js';
export type { ErrorBody } from './http.js';
export {
  type PassAction,
  type PassState,
  TRANSITIONS,
  type TransitionOutcome,
} from './lifecycle.js';
export type { PiiSeed, PiiStatus } from './pii.js';
export {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from './sandbox.js';
export type { SandboxRequest } from './server.js';
export { DataFileError, type FileSystem } from './store.js';
export { OPERATION_SCOPES, type SandboxClient } from './token.js';
