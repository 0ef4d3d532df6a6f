/**
 * PII requests in the sandbox: seeded from options or through the control API, readable with
 * links to their evidence, decided once (approve or reject), evidence downloadable as bytes.
 */
import { PII_STATUS_VALUES } from '../../generated/api.js';
import { openapiDocument } from '../../generated/document.js';
import type { components } from '../../generated/openapi.js';
import { ApiError } from './http.js';
import type { PiiDecision } from './inputs.js';
import type { Random } from './random.js';

/** A status of a PII request: the spec's `PiiStatus` schema (exact: the sandbox only sets listed values). */
export type PiiStatus = components['schemas']['PiiStatus'];

const STATUSES: readonly string[] = PII_STATUS_VALUES;

/**
 * A PII request to put in the sandbox. Everything is optional: by default a request that is
 * ready for a decision (`verification-success`) with one piece of evidence, `idDocumentFront`.
 *
 * @example
 * const sandbox = await startSandbox({ pii: [{ id: 'req-1', evidence: { selfie: 'bytes' } }] });
 */
export interface PiiSeed {
  /** Its id (the scope request id): letters, digits, `_` and `-`; default a fresh uuid-like id. */
  id?: string;
  /** Default `verification-success`. */
  status?: PiiStatus;
  /** Default `gatekeeperProofOfIdentityWithIdDocument-v3`. */
  type?: string;
  /** Default an example person. */
  verifiedInformation?: Record<string, unknown>;
  /** Evidence by `rel`: text (UTF-8) or bytes; default a tiny PNG as `idDocumentFront`. */
  evidence?: Record<string, string | Uint8Array>;
}

/** A PII request as the sandbox keeps it (evidence in base64, for the data file). */
export interface PiiRecord {
  id: string;
  type: string;
  status: PiiStatus;
  updateDate: string;
  verifiedInformation: Record<string, unknown>;
  evidence: Record<string, string>;
}

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

// A 1x1 transparent PNG: real image bytes, so a download can be opened.
const PLACEHOLDER_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

// The spec's example of a verified person: what a seeded request holds unless told otherwise.
const EXAMPLE_PERSON = (
  (openapiDocument.components as { schemas: Record<string, { example?: unknown }> }).schemas
    .PiiRequest?.example as { verifiedInformation?: Record<string, unknown> } | undefined
)?.verifiedInformation ?? { name: 'Ada Example Lovelace' };

/**
 * Makes the record of a seed, or throws a `RangeError` saying what is wrong with it.
 *
 * @example
 * const record = piiRecord({ id: 'req-1' }, random, clock.now());
 */
export function piiRecord(seed: PiiSeed, random: Random, nowMs: number): PiiRecord {
  const id =
    seed.id ??
    `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-a${random.hex(3)}-${random.hex(12)}`;
  if (!ID_PATTERN.test(id)) throw new RangeError(`PII request id "${id}" is not [A-Za-z0-9_-]+`);
  const status = seed.status ?? 'verification-success';
  if (!STATUSES.includes(status)) throw new RangeError(`unknown PII status "${status}"`);
  if (seed.type !== undefined && typeof seed.type !== 'string') {
    throw new RangeError('PII request type must be a string');
  }
  const info = seed.verifiedInformation;
  if (info !== undefined && (typeof info !== 'object' || info === null || Array.isArray(info))) {
    throw new RangeError('verifiedInformation must be an object');
  }
  if (
    seed.evidence !== undefined &&
    (typeof seed.evidence !== 'object' || seed.evidence === null)
  ) {
    throw new RangeError('evidence must be an object of rel to content');
  }
  const evidence: Record<string, string> = {};
  for (const [rel, content] of Object.entries(seed.evidence ?? {})) {
    if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
      throw new RangeError(`evidence "${rel}" must be text or bytes`);
    }
    if (!ID_PATTERN.test(rel) || rel === 'self') {
      throw new RangeError(`evidence rel "${rel}" is not [A-Za-z0-9_-]+ (nor "self")`);
    }
    evidence[rel] = Buffer.from(content).toString('base64');
  }
  return {
    id,
    type: seed.type ?? 'gatekeeperProofOfIdentityWithIdDocument-v3',
    status,
    updateDate: new Date(nowMs).toISOString(),
    verifiedInformation: structuredClone(seed.verifiedInformation ?? EXAMPLE_PERSON),
    evidence: seed.evidence === undefined ? { idDocumentFront: PLACEHOLDER_PNG } : evidence,
  };
}

/**
 * The request as `getPii` answers it, its links on the sandbox's own origin.
 *
 * @example
 * sendJson(response, 200, piiView(record, 'http://127.0.0.1:4010/partner'));
 */
export function piiView(record: PiiRecord, baseUrl: string) {
  const self = `${baseUrl}/piirequest/${record.id}`;
  return {
    id: record.id,
    type: record.type,
    updateDate: record.updateDate,
    status: record.status,
    verifiedInformation: structuredClone(record.verifiedInformation),
    links: [
      { rel: 'self', href: self },
      ...Object.keys(record.evidence).map((rel) => ({ rel, href: `${self}/evidence/${rel}` })),
    ],
  };
}

/**
 * Records a decision, once, on a request ready for one (`verification-success`).
 *
 * @example
 * decide(record, 'partner-pass', clock.now());
 */
export function decide(record: PiiRecord, decision: PiiDecision, nowMs: number): void {
  if (record.status === 'partner-pass' || record.status === 'partner-fail') {
    throw new ApiError(
      409,
      'PII_ALREADY_DECIDED',
      `the request was already decided: ${record.status}`,
    );
  }
  if (record.status !== 'verification-success') {
    throw new ApiError(
      409,
      'PII_NOT_READY',
      `the request is ${record.status}, not verification-success`,
    );
  }
  record.status = decision;
  record.updateDate = new Date(nowMs).toISOString();
}

/**
 * The bytes of one piece of evidence, or a 404 `EVIDENCE_NOT_FOUND`.
 *
 * @example
 * response.end(evidence(record, 'idDocumentFront'));
 */
export function evidence(record: PiiRecord, rel: string): Buffer {
  const content = record.evidence[rel];
  if (content === undefined || !Object.hasOwn(record.evidence, rel)) {
    throw new ApiError(404, 'EVIDENCE_NOT_FOUND', `no evidence "${rel}" on request ${record.id}`);
  }
  return Buffer.from(content, 'base64');
}
