import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../scripts/spec-diff.js';
import { SPEC_PATH, scratchSpec } from '../support/scratch-spec.js';

const ours = SPEC_PATH;
const variant = scratchSpec;

describe('npm run spec:diff', () => {
  it('finds nothing between a spec and itself reworded', async () => {
    const reworded = variant((document) => {
      document.info.description = 'Other words.';
      document.components.schemas.Pass.description = 'Other words.';
      document.paths['/pass'].post.summary = 'Other words.';
    });
    expect(await diffSpecs(ours, reworded)).toEqual({ removed: [], added: [], changed: [] });
  });

  it('names a removed enum value everywhere the enum is used', async () => {
    const narrowed = variant((document) => {
      const networks: string[] = document.components.schemas.ChainNetwork.enum;
      networks.splice(networks.indexOf('sepolia'), 1);
      const chains = document.components.schemas.Chain['x-civic-chains'].ethereum.networks;
      chains.splice(chains.indexOf('sepolia'), 1);
      const evm: string[] = document.components.schemas.EvmNetwork.enum;
      evm.splice(evm.indexOf('sepolia'), 1);
    });
    const diff = await diffSpecs(ours, narrowed);
    expect(diff.removed).toContain(
      'getPass path parameter chainNetwork schema enum sepolia: allowed',
    );
    expect(diff.removed).toContain(
      'getPass response 200 application/json body.chain oneOf[1].network enum sepolia: allowed',
    );
    expect(diff.changed).toEqual([]);
  });

  it('reports a new required field, a changed default and a new operation', async () => {
    const changed = variant((document) => {
      document.components.schemas.ListPassRequest.properties.limit.default = 50;
      document.components.schemas.Pass.required.push('expiry');
      document.paths['/pass/{chain}/{chainNetwork}'].get = {
        operationId: 'countPasses',
        responses: { '200': { description: 'ok' } },
      };
    });
    const diff = await diffSpecs(ours, changed);
    expect(diff.changed).toEqual([
      'listPass request application/json body.limit: integer, default 20 -> integer, default 50',
    ]);
    expect(diff.added).toContain(
      'getPass response 200 application/json body requires expiry: required',
    );
    expect(diff.added).toContain('countPasses: GET /pass/{chain}/{chainNetwork}');
  });
});
