/**
 * The coverage check fails when the spec grows: proved on a scratch copy of the spec with a
 * dummy operation and an extra status code, run through the real generator.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate.js';
import type { OperationDescription } from '../../src/conformance/index.js';
import { scratchSpec } from '../support/scratch-spec.js';
import { CASES, findUncovered } from './cases.js';

/** Generates from a scratch spec and imports the operation list it yields. */
async function operationsOf(edit: (document: Record<string, any>) => void) {
  const spec = scratchSpec(edit);
  const dir = path.dirname(spec);
  const api = (await generate({ spec })).find((file) => file.name === 'api.ts');
  const module = path.join(dir, 'api.ts');
  writeFileSync(module, api?.text ?? '');
  const { OPERATIONS } = await import(pathToFileURL(module).href);
  return OPERATIONS as OperationDescription[];
}

describe('the coverage check', () => {
  // One scratch spec for both kinds of growth: generating costs a second or two.
  it('names an operation and status codes the spec gained that no case covers', async () => {
    const operations = await operationsOf((document) => {
      document.paths['/dummy'] = {
        get: {
          operationId: 'dummyOperation',
          security: [{ pass_auth: ['read:token'] }],
          responses: { '200': { description: 'ok' } },
        },
      };
      const getPass = document.paths['/pass/{chain}/{chainNetwork}/{wallet}'].get;
      getPass.responses['418'] = { description: 'a teapot' };
      getPass.responses['203'] = { description: 'from a cache' };
    });
    expect(operations.map((op) => op.operationId)).toContain('dummyOperation');
    expect(findUncovered(operations, CASES)).toEqual([
      'getPass 203: no success case checks this status',
      'getPass 418: no error class is expected for this status',
      'dummyOperation (GET /dummy): no case calls this operation',
    ]);
  });
});
