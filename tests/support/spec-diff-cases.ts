/**
 * The case table of spec:diff: one small mutation of a compact spec per row, with the verdict a
 * client that regenerates from the spec should get. The unit tests hold our classifier to it;
 * tests/slow/ scores Optic and openapi-diff on the same rows. The base spec is a small copy of
 * our API's shape written here, so the table does not move when spec/customer_api.yaml does.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

/**
 * Civic's published specs, read in place (never copied into the repository): `../shared/upstream`
 * beside the clone (CI), or two levels up from a worktree; `CIVIC_UPSTREAM_SPECS` overrides.
 * Undefined when none is there: the tests that need them skip, saying so.
 */
export const UPSTREAM = [
  process.env.CIVIC_UPSTREAM_SPECS,
  path.resolve('..', 'shared', 'upstream'),
  path.resolve('..', '..', 'shared', 'upstream'),
].find((dir) => dir !== undefined && existsSync(path.join(dir, 'customer_api-2025-05-30.yaml')));

// Mutations reach into a free-form document.
type Doc = Record<string, any>;

export interface DiffCase {
  name: string;
  /** true when a client that regenerates from the new spec breaks. */
  breaking: boolean;
  /** The rule our classifier should apply (its `kind`), for the rows that have one. */
  kind?: string;
  /** Set-up applied to both versions (e.g. an optional header that the row then removes). */
  setup?: (document: Doc) => void;
  /** The change under test, applied to the second version only. */
  change: (document: Doc) => void;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const pathParams = [
  { name: 'chain', in: 'path', required: true, schema: ref('Chain') },
  { name: 'chainNetwork', in: 'path', required: true, schema: ref('ChainNetwork') },
];
const walletParam = { name: 'wallet', in: 'path', required: true, schema: ref('Wallet') };

/** A compact spec with the shapes of ours: list, issue, get, revoke, PII. */
export function baseSpec(): Doc {
  const secured = [{ pass_auth: ['read:pass'] }];
  return {
    openapi: '3.0.3',
    info: { title: 'Case table', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com/partner' }],
    paths: {
      '/pass': {
        post: {
          operationId: 'listPass',
          requestBody: { required: false, ...json(ref('ListPassRequest')) },
          responses: {
            '200': { description: 'a page', ...json(ref('ListPassResponse')) },
            '401': { description: 'no token', ...json(ref('ErrorBody')) },
          },
          security: secured,
        },
      },
      '/pass/{chain}/{chainNetwork}': {
        parameters: pathParams,
        post: {
          operationId: 'issuePass',
          requestBody: { required: true, ...json(ref('IssuePassRequest')) },
          responses: {
            '202': { description: 'issued', ...json(ref('Pass')) },
            '400': { description: 'refused', ...json(ref('ErrorBody')) },
          },
          security: [{ pass_auth: ['issue:pass'] }],
        },
      },
      '/pass/{chain}/{chainNetwork}/{wallet}': {
        parameters: [...pathParams, walletParam],
        get: {
          operationId: 'getPass',
          responses: {
            '200': { description: 'the pass', ...json(ref('Pass')) },
            '404': { description: 'none', ...json(ref('ErrorBody')) },
          },
          security: secured,
        },
        delete: {
          operationId: 'deletePass',
          responses: { '200': { description: 'revoked' } },
          security: [{ pass_auth: ['update:pass'] }],
        },
      },
      '/piirequest/{scopeRequestId}/status': {
        put: {
          operationId: 'updatePiiReceipt',
          parameters: [
            { name: 'scopeRequestId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          requestBody: { required: true, ...json(ref('PiiReceipt')) },
          responses: { '200': { description: 'recorded' } },
          security: [{ pass_auth: ['put:piirequest'] }],
        },
      },
    },
    components: {
      securitySchemes: {
        pass_auth: {
          type: 'oauth2',
          flows: {
            clientCredentials: {
              tokenUrl: 'https://auth.example.com/oauth/token',
              scopes: {
                'read:pass': 'read',
                'issue:pass': 'issue',
                'update:pass': 'update',
                'put:piirequest': 'decide',
                'unused:scope': 'never required',
              },
            },
          },
        },
      },
      schemas: {
        Chain: { type: 'string', enum: ['solana', 'ethereum'] },
        ChainNetwork: { type: 'string', enum: ['mainnet-beta', 'devnet', 'mainnet', 'sepolia'] },
        Wallet: { type: 'string', pattern: '^(0x[0-9a-fA-F]{40}|[1-9A-HJ-NP-Za-km-z]{32,44})$' },
        PassState: { type: 'string', enum: ['ACTIVE', 'FROZEN', 'REVOKED', 'REQUESTED'] },
        FilterState: { type: 'string', enum: ['ACTIVE', 'FROZEN', 'REVOKED', 'REQUESTED'] },
        ErrorBody: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' } },
        },
        IssuePassRequest: {
          type: 'object',
          required: ['walletAddress'],
          properties: { walletAddress: ref('Wallet') },
        },
        ListPassRequest: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            skip: { type: 'integer', minimum: 0, default: 0 },
            filter: {
              type: 'object',
              properties: { state: ref('FilterState'), walletAddress: { type: 'string' } },
            },
          },
        },
        ListPassResponse: {
          type: 'object',
          required: ['records'],
          properties: { records: { type: 'array', items: ref('Pass') } },
        },
        Pass: {
          type: 'object',
          required: ['id', 'chain', 'gatekeeperNetwork', 'walletAddress', 'state'],
          properties: {
            id: { type: 'string' },
            chain: {
              type: 'object',
              required: ['type', 'network'],
              properties: { type: ref('Chain'), network: ref('ChainNetwork') },
            },
            gatekeeperNetwork: { type: 'string' },
            walletAddress: ref('Wallet'),
            state: ref('PassState'),
            expiryTimestamp: { type: 'integer' },
          },
        },
        PiiReceipt: {
          type: 'object',
          required: ['status'],
          properties: { status: { type: 'string', enum: ['partner-pass', 'partner-fail'] } },
        },
      },
    },
  };
}

const schemas = (document: Doc) => document.components.schemas;
const getPass = (document: Doc) => document.paths['/pass/{chain}/{chainNetwork}/{wallet}'].get;
const flow = (document: Doc) =>
  document.components.securitySchemes.pass_auth.flows.clientCredentials;
const header = (required: boolean) => ({
  name: 'X-Trace',
  in: 'header',
  required,
  schema: { type: 'string' },
});

/** Every row: the verdict for a client that regenerates from the changed spec. */
export const CASES: DiffCase[] = [
  // Requests: what the client sends may only be accepted more widely.
  {
    name: 'request: new required property',
    breaking: true,
    kind: 'property-added',
    change: (d) => {
      schemas(d).IssuePassRequest.properties.referenceId = { type: 'string' };
      schemas(d).IssuePassRequest.required.push('referenceId');
    },
  },
  {
    name: 'request: new optional property',
    breaking: false,
    kind: 'property-added',
    change: (d) => {
      schemas(d).IssuePassRequest.properties.referenceId = { type: 'string' };
    },
  },
  {
    name: 'request: property removed',
    breaking: true,
    kind: 'property-removed',
    change: (d) => {
      delete schemas(d).ListPassRequest.properties.filter.properties.walletAddress;
    },
  },
  {
    name: 'request: optional property made required',
    breaking: true,
    kind: 'property-required',
    change: (d) => {
      schemas(d).ListPassRequest.required = ['limit'];
    },
  },
  {
    name: 'request: required property made optional',
    breaking: false,
    kind: 'property-optional',
    change: (d) => {
      delete schemas(d).IssuePassRequest.required;
    },
  },
  {
    name: 'request: enum value removed',
    breaking: true,
    kind: 'enum-value-removed',
    change: (d) => {
      schemas(d).FilterState.enum.pop();
    },
  },
  {
    name: 'request: enum value added',
    breaking: false,
    kind: 'enum-value-added',
    change: (d) => {
      schemas(d).PiiReceipt.properties.status.enum.push('partner-review');
    },
  },
  {
    name: 'request: type changed',
    breaking: true,
    kind: 'type-changed',
    change: (d) => {
      schemas(d).ListPassRequest.properties.skip = { type: 'string', default: '0' };
    },
  },
  {
    name: 'request: integer widened to number',
    breaking: false,
    kind: 'type-changed',
    change: (d) => {
      schemas(d).ListPassRequest.properties.skip.type = 'number';
    },
  },
  {
    name: 'request: format added',
    breaking: true,
    kind: 'format-added',
    change: (d) => {
      d.paths['/piirequest/{scopeRequestId}/status'].put.parameters[0].schema.format = 'uuid';
    },
  },
  {
    name: 'request: pattern added',
    breaking: true,
    kind: 'pattern-added',
    change: (d) => {
      schemas(d).ListPassRequest.properties.filter.properties.walletAddress.pattern = '^0x';
    },
  },
  {
    name: 'request: pattern removed',
    breaking: false,
    kind: 'pattern-removed',
    change: (d) => {
      delete schemas(d).Wallet.pattern;
      // The same schema describes the answer's walletAddress; keep that side unchanged.
      schemas(d).Pass.properties.walletAddress = baseSpec().components.schemas.Wallet;
    },
  },
  {
    name: 'request: maximum lowered',
    breaking: true,
    kind: 'bound-tightened',
    change: (d) => {
      schemas(d).ListPassRequest.properties.limit.maximum = 50;
    },
  },
  {
    name: 'request: maximum raised',
    breaking: false,
    kind: 'bound-loosened',
    change: (d) => {
      schemas(d).ListPassRequest.properties.limit.maximum = 500;
    },
  },
  {
    name: 'request: maxLength added',
    breaking: true,
    kind: 'bound-tightened',
    change: (d) => {
      schemas(d).ListPassRequest.properties.filter.properties.walletAddress.maxLength = 44;
    },
  },
  {
    name: 'request: minimum removed',
    breaking: false,
    kind: 'bound-loosened',
    change: (d) => {
      delete schemas(d).ListPassRequest.properties.skip.minimum;
    },
  },
  {
    name: 'request: default changed',
    breaking: true,
    kind: 'default-changed',
    change: (d) => {
      schemas(d).ListPassRequest.properties.limit.default = 50;
    },
  },
  {
    name: 'parameter: new required header',
    breaking: true,
    kind: 'parameter-added',
    change: (d) => {
      getPass(d).parameters = [header(true)];
    },
  },
  {
    name: 'parameter: new optional query parameter',
    breaking: false,
    kind: 'parameter-added',
    change: (d) => {
      getPass(d).parameters = [{ name: 'fields', in: 'query', schema: { type: 'string' } }];
    },
  },
  {
    name: 'parameter: optional header made required',
    breaking: true,
    kind: 'parameter-required',
    setup: (d) => {
      getPass(d).parameters = [header(false)];
    },
    change: (d) => {
      getPass(d).parameters = [header(true)];
    },
  },
  {
    name: 'parameter: required header made optional',
    breaking: false,
    kind: 'parameter-optional',
    setup: (d) => {
      getPass(d).parameters = [header(true)];
    },
    change: (d) => {
      getPass(d).parameters = [header(false)];
    },
  },
  {
    name: 'parameter: optional header removed',
    breaking: true,
    kind: 'parameter-removed',
    setup: (d) => {
      getPass(d).parameters = [header(false)];
    },
    change: (d) => {
      delete getPass(d).parameters;
    },
  },
  {
    name: 'parameter: path enum value removed',
    breaking: true,
    kind: 'enum-value-removed',
    change: (d) => {
      schemas(d).ChainNetwork.enum = ['mainnet-beta', 'devnet', 'mainnet'];
    },
  },
  {
    name: 'request body: optional body made required',
    breaking: true,
    kind: 'request-body-required',
    change: (d) => {
      d.paths['/pass'].post.requestBody.required = true;
    },
  },
  {
    name: 'request body: content type added',
    breaking: false,
    kind: 'content-type-added',
    change: (d) => {
      const body = d.paths['/pass/{chain}/{chainNetwork}'].post.requestBody.content;
      body['application/x-www-form-urlencoded'] = { schema: ref('IssuePassRequest') };
    },
  },
  {
    name: 'request body: content type replaced',
    breaking: true,
    kind: 'content-type-removed',
    change: (d) => {
      const body = d.paths['/pass/{chain}/{chainNetwork}'].post.requestBody;
      body.content = { 'application/x-www-form-urlencoded': { schema: ref('IssuePassRequest') } };
    },
  },
  // Responses: what the client accepts may only be promised more narrowly.
  {
    name: 'response: property removed',
    breaking: true,
    kind: 'property-removed',
    change: (d) => {
      delete schemas(d).Pass.properties.expiryTimestamp;
    },
  },
  {
    name: 'response: optional property added',
    breaking: false,
    kind: 'property-added',
    change: (d) => {
      schemas(d).Pass.properties.referenceId = { type: 'string' };
    },
  },
  {
    name: 'response: required property made optional',
    breaking: true,
    kind: 'property-optional',
    change: (d) => {
      schemas(d).Pass.required = ['id', 'chain', 'walletAddress', 'state'];
    },
  },
  {
    name: 'response: optional property made required',
    breaking: false,
    kind: 'property-required',
    change: (d) => {
      schemas(d).Pass.required.push('expiryTimestamp');
    },
  },
  {
    name: 'response: enum value added',
    breaking: true,
    kind: 'enum-value-added',
    change: (d) => {
      schemas(d).PassState.enum.push('SUSPENDED');
    },
  },
  {
    name: 'response: enum value removed',
    breaking: false,
    kind: 'enum-value-removed',
    change: (d) => {
      schemas(d).PassState.enum = ['ACTIVE', 'FROZEN', 'REVOKED'];
    },
  },
  {
    name: 'response: type changed',
    breaking: true,
    kind: 'type-changed',
    change: (d) => {
      schemas(d).Pass.properties.expiryTimestamp = { type: 'string' };
    },
  },
  {
    name: 'response: nullable added',
    breaking: true,
    kind: 'nullable-added',
    change: (d) => {
      schemas(d).Pass.properties.gatekeeperNetwork.nullable = true;
    },
  },
  {
    name: 'response: pattern added',
    breaking: false,
    kind: 'pattern-added',
    change: (d) => {
      schemas(d).Pass.properties.gatekeeperNetwork.pattern = '^[1-9A-HJ-NP-Za-km-z]+$';
    },
  },
  {
    name: 'response: maximum added',
    breaking: false,
    kind: 'bound-tightened',
    change: (d) => {
      schemas(d).Pass.properties.expiryTimestamp.maximum = 4_102_444_800;
    },
  },
  {
    name: 'response: success status replaced',
    breaking: true,
    kind: 'status-removed',
    change: (d) => {
      const responses = d.paths['/pass/{chain}/{chainNetwork}'].post.responses;
      responses['201'] = responses['202'];
      delete responses['202'];
    },
  },
  {
    name: 'response: error status documented',
    breaking: false,
    kind: 'status-added',
    change: (d) => {
      getPass(d).responses['429'] = { description: 'slow down', ...json(ref('ErrorBody')) };
    },
  },
  {
    name: 'response: content type replaced',
    breaking: true,
    kind: 'content-type-removed',
    change: (d) => {
      getPass(d).responses['200'].content = { 'application/xml': { schema: ref('Pass') } };
    },
  },
  {
    name: 'response: header removed',
    breaking: true,
    kind: 'response-header-removed',
    setup: (d) => {
      getPass(d).responses['200'].headers = { ETag: { schema: { type: 'string' } } };
    },
    change: (d) => {
      delete getPass(d).responses['200'].headers;
    },
  },
  // Operations, security, servers.
  {
    name: 'operation removed',
    breaking: true,
    kind: 'operation-removed',
    change: (d) => {
      delete d.paths['/pass/{chain}/{chainNetwork}/{wallet}'].delete;
    },
  },
  {
    name: 'operation added',
    breaking: false,
    kind: 'operation-added',
    change: (d) => {
      d.paths['/pass/{chain}/{chainNetwork}/{wallet}'].patch = {
        operationId: 'patchPass',
        responses: { '200': { description: 'ok' } },
      };
    },
  },
  {
    name: 'path renamed',
    breaking: true,
    kind: 'operation-removed',
    change: (d) => {
      d.paths['/passes'] = d.paths['/pass'];
      delete d.paths['/pass'];
    },
  },
  {
    name: 'scope added to an operation',
    breaking: true,
    kind: 'scope-added',
    change: (d) => {
      getPass(d).security = [{ pass_auth: ['read:pass', 'issue:pass'] }];
    },
  },
  {
    name: 'scope dropped from an operation',
    breaking: false,
    kind: 'scope-removed',
    setup: (d) => {
      getPass(d).security = [{ pass_auth: ['read:pass', 'issue:pass'] }];
    },
    change: (d) => {
      getPass(d).security = [{ pass_auth: ['read:pass'] }];
    },
  },
  {
    name: 'unused scope no longer declared',
    breaking: false,
    kind: 'scope-undeclared',
    change: (d) => {
      delete flow(d).scopes['unused:scope'];
    },
  },
  {
    name: 'security added to an open operation',
    breaking: true,
    kind: 'security-added',
    setup: (d) => {
      delete d.paths['/piirequest/{scopeRequestId}/status'].put.security;
    },
    change: (d) => {
      d.paths['/piirequest/{scopeRequestId}/status'].put.security = [
        { pass_auth: ['put:piirequest'] },
      ];
    },
  },
  {
    name: 'token URL moved',
    breaking: true,
    kind: 'token-url-changed',
    change: (d) => {
      flow(d).tokenUrl = 'https://auth0.example.com/oauth/token';
    },
  },
  {
    name: 'security scheme type changed',
    breaking: true,
    kind: 'security-scheme-changed',
    change: (d) => {
      d.components.securitySchemes.pass_auth = { type: 'http', scheme: 'bearer' };
    },
  },
  {
    name: 'server moved',
    breaking: true,
    kind: 'server-removed',
    change: (d) => {
      d.servers = [{ url: 'https://api2.example.com/partner' }];
    },
  },
  {
    name: 'server added',
    breaking: false,
    kind: 'server-added',
    change: (d) => {
      d.servers.push({ url: 'https://sandbox.example.com/partner' });
    },
  },
  {
    name: 'descriptions reworded',
    breaking: false,
    change: (d) => {
      d.info.description = 'Other words.';
      getPass(d).summary = 'Other words.';
      schemas(d).Pass.description = 'Other words.';
    },
  },
];

/** The two versions of a row, as documents. */
export function caseDocuments(row: DiffCase): { before: Doc; after: Doc } {
  const before = baseSpec();
  row.setup?.(before);
  const after = structuredClone(before);
  row.change(after);
  return { before, after };
}

/** Writes every row's two versions under a new temporary folder: `<dir>/<n>/{before,after}.yaml`. */
export function writeCases(rows: DiffCase[] = CASES): {
  dir: string;
  files: { before: string; after: string }[];
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'civic-spec-cases-'));
  const files = rows.map((row, index) => {
    const folder = path.join(dir, String(index));
    mkdirSync(folder);
    const { before, after } = caseDocuments(row);
    const pair = {
      before: path.join(folder, 'before.yaml'),
      after: path.join(folder, 'after.yaml'),
    };
    writeFileSync(pair.before, stringify(before));
    writeFileSync(pair.after, stringify(after));
    return pair;
  });
  return { dir, files };
}
