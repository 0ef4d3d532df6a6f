/** Bodies and references taken from the spec's own examples, so tests never hand-type a pass. */
import { openapiDocument } from '../../generated/document.js';
import type { Pass, PassRef, PiiRequest } from '../../src/types.js';

const schemas = (openapiDocument.components as { schemas: Record<string, { example?: unknown }> })
  .schemas;

/** The `Pass` schema's example. */
export const PASS_EXAMPLE = schemas.Pass?.example as Pass;
/** The `PiiRequest` schema's example. */
export const PII_EXAMPLE = schemas.PiiRequest?.example as PiiRequest;
/** The pass the example describes, as a reference for the client. */
export const EXAMPLE_REF = {
  chain: PASS_EXAMPLE.chain.type,
  chainNetwork: PASS_EXAMPLE.chain.network,
  wallet: PASS_EXAMPLE.walletAddress,
} as PassRef;
/** A pass that differs from the example by its wallet (`0x` + 40 hex digits built from `n`). */
export function passNumber(n: number): Pass {
  return { ...PASS_EXAMPLE, walletAddress: `0x${n.toString(16).padStart(40, '0')}` };
}
