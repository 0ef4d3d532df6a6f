import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHAIN_NETWORK_VALUES,
  CHAIN_VALUES,
  CHAINS,
  DEFAULT_AUDIENCE,
  DEFAULT_BASE_URL,
  DEFAULT_TOKEN_URL,
  OPERATIONS,
} from '../../generated/api.js';
import { changesSince, generate } from '../../scripts/generate.js';
import { readSpec, SPEC_PATH, scratchSpec } from '../support/scratch-spec.js';

const specPath = SPEC_PATH;
const spec = readSpec;

describe('npm run generate', () => {
  it('produces exactly the committed files (generated/ is not stale)', async () => {
    const files = await generate({ spec: specPath });
    expect(files.map((file) => file.name).sort()).toEqual(['api.ts', 'document.ts', 'openapi.ts']);
    for (const file of files) {
      expect(file.text.startsWith('// Generated from spec/customer_api.yaml')).toBe(true);
      expect(file.text).toBe(readFileSync(path.join('generated', file.name), 'utf8'));
    }
  });

  it('stops on a spec that does not validate, quoting the validator and the location', async () => {
    const broken = scratchSpec((document) => {
      document.paths['/piirequest/{scopeRequestId}/status'].put.parameters = [
        { name: 'status', in: 'body', schema: { type: 'string' } },
      ];
    });
    await expect(generate({ spec: broken })).rejects.toThrow(
      /is not a valid OpenAPI document[\s\S]*piirequest~1\{scopeRequestId\}~1status\/put\/parameters/,
    );
  });

  it('refuses a network that x-civic-chains puts under two chains', async () => {
    const broken = scratchSpec((document) => {
      document.components.schemas.Chain['x-civic-chains'].solana.networks.push('sepolia');
    });
    await expect(generate({ spec: broken })).rejects.toThrow(
      /"sepolia" under both solana and ethereum/,
    );
  });

  it('refuses a PassChain pairing that differs from x-civic-chains', async () => {
    const broken = scratchSpec((document) => {
      document.components.schemas.SolanaNetwork.enum.push('sepolia');
    });
    await expect(generate({ spec: broken })).rejects.toThrow(
      /PassChain pairs solana with other networks than x-civic-chains.solana/,
    );
  });

  it('refuses a network of the enum that no chain claims', async () => {
    const broken = scratchSpec((document) => {
      document.components.schemas.ChainNetwork.enum.push('goerli');
    });
    await expect(generate({ spec: broken })).rejects.toThrow(/assigns no chain to: goerli/);
  });

  it('still generates from a spec without the extension, warning that pairs go unchecked', async () => {
    const plain = scratchSpec((document) => {
      delete document.components.schemas.Chain['x-civic-chains'];
    });
    const warnings: string[] = [];
    const files = await generate({ spec: plain }, (message) => warnings.push(message));
    expect(warnings.join('\n')).toMatch(/no x-civic-chains extension/);
    const api = files.find((file) => file.name === 'api.ts')?.text ?? '';
    expect(api).toContain("'sepolia'");
  });
});

describe('npm run generate: what changed, before writing', () => {
  it('classifies the new spec against the one the output was generated from', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'civic-gen-')), 'generated');
    cpSync('generated', out, { recursive: true });
    expect(await changesSince(out, specPath)).toBeNull();
    const changed = scratchSpec((document) => {
      document.components.schemas.PassState.enum.push('SUSPENDED');
    });
    const text = (await changesSince(out, changed)) ?? '';
    expect(text).toMatch(
      /^BREAKING\n {2}\[response\] enum-value-added: enum value 'SUSPENDED' added/,
    );
    expect(text).toMatch(
      /at listPass response 200 body\.records\[\]\.state; issuePass response 202 body\.state/,
    );
    expect(text).toMatch(/breaking for code built on the previous output/);
  });

  it('says nothing when there is no earlier output', async () => {
    expect(await changesSince(mkdtempSync(path.join(tmpdir(), 'civic-gen-')), specPath)).toBeNull();
  });
});

describe('generated/api.ts', () => {
  it('lists every operation of the spec with its documented status codes', () => {
    const document = spec();
    const expected: string[] = [];
    for (const [template, item] of Object.entries<Record<string, any>>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        if (method === 'parameters') continue;
        const codes = Object.keys(operation.responses)
          .map(Number)
          .sort((a, b) => a - b);
        expected.push(`${operation.operationId} ${method.toUpperCase()} ${template} ${codes}`);
      }
    }
    const actual = OPERATIONS.map(
      (op) => `${op.operationId} ${op.method} ${op.path} ${op.statusCodes.join(',')}`,
    );
    expect(actual).toEqual(expected);
    expect(OPERATIONS.map((op) => op.operationId)).toEqual([
      'listPass',
      'issuePass',
      'getPass',
      'patchPass',
      'deletePass',
      'getPii',
      'updatePiiReceipt',
      'getPiiEvidence',
    ]);
  });

  it('pairs each of the 28 networks with exactly one chain', () => {
    expect(CHAIN_NETWORK_VALUES).toHaveLength(28);
    const claimed = CHAIN_VALUES.flatMap((chain) => CHAINS[chain].networks);
    expect([...claimed].sort()).toEqual([...CHAIN_NETWORK_VALUES].sort());
    expect(CHAINS.solana.networks).toEqual(['mainnet-beta', 'devnet']);
  });

  it('carries the defaults the client needs', () => {
    expect(DEFAULT_BASE_URL).toBe('https://api.civic.com/partner');
    expect(DEFAULT_TOKEN_URL).toBe('https://auth0.civic.com/oauth/token');
    expect(DEFAULT_AUDIENCE).toBe('https://api.civic.com/pass');
  });

  it('declares every scope that a security requirement names, and secures every operation', () => {
    const declared = new Set(
      Object.keys(spec().components.securitySchemes.pass_auth.flows.clientCredentials.scopes),
    );
    for (const op of OPERATIONS) {
      expect(op.scopes, op.operationId).not.toBeNull();
      for (const scope of op.scopes ?? [])
        expect(declared.has(scope), `${op.operationId} ${scope}`).toBe(true);
    }
  });
});
