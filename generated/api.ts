// Generated from spec/customer_api.yaml by scripts/generate.ts. Do not edit:
// change the spec and run `npm run generate`.
/** Title of the API, from the spec's `info`. */
export const API_TITLE = 'Civic Pass Customer API' as const;
/** Version of the API description, from the spec's `info`. */
export const API_VERSION = '1.1.0' as const;
/** The API's base URL: the spec's first server. */
export const DEFAULT_BASE_URL = 'https://api.civic.com/partner' as const;
/** The OAuth 2.0 token endpoint of the client credentials flow. */
export const DEFAULT_TOKEN_URL = 'https://auth0.civic.com/oauth/token' as const;
/** The audience to request tokens for (`x-audience` of the security scheme). */
export const DEFAULT_AUDIENCE = 'https://api.civic.com/pass' as const;
/** Every OAuth scope the security scheme declares. */
export const OAUTH_SCOPES = [
  'issue:pass',
  'search:pass',
  'update:pass',
  'get:pii',
  'put:piirequest',
] as const;
/** Every value of the `Chain` enum, in the spec's order. */
export const CHAIN_VALUES = ['solana', 'ethereum'] as const;
/** Every value of the `ChainNetwork` enum, in the spec's order. */
export const CHAIN_NETWORK_VALUES = [
  'mainnet-beta',
  'devnet',
  'mainnet',
  'sepolia',
  'polygonAmoy',
  'polygonMainnet',
  'polygonZKEVM',
  'polygonZKEVMTestnet',
  'optimismSepolia',
  'optimismMainnet',
  'arbitrumSepolia',
  'arbitrumMainnet',
  'avalancheCChain',
  'avalancheCChainFuji',
  'xdcMainnet',
  'xdcApothem',
  'fantomMainnet',
  'fantomTestnet',
  'baseSepolia',
  'baseMainnet',
  'bscMainnet',
  'bscTestnet',
  'xlayerMainnet',
  'xlayerTestnet',
  'unichainMainnet',
  'unichainSepolia',
  'sonicMainnet',
  'sonicTestnet',
] as const;
/** Every value of the `SolanaNetwork` enum, in the spec's order. */
export const SOLANA_NETWORK_VALUES = ['mainnet-beta', 'devnet'] as const;
/** Every value of the `EvmNetwork` enum, in the spec's order. */
export const EVM_NETWORK_VALUES = [
  'mainnet',
  'sepolia',
  'polygonAmoy',
  'polygonMainnet',
  'polygonZKEVM',
  'polygonZKEVMTestnet',
  'optimismSepolia',
  'optimismMainnet',
  'arbitrumSepolia',
  'arbitrumMainnet',
  'avalancheCChain',
  'avalancheCChainFuji',
  'xdcMainnet',
  'xdcApothem',
  'fantomMainnet',
  'fantomTestnet',
  'baseSepolia',
  'baseMainnet',
  'bscMainnet',
  'bscTestnet',
  'xlayerMainnet',
  'xlayerTestnet',
  'unichainMainnet',
  'unichainSepolia',
  'sonicMainnet',
  'sonicTestnet',
] as const;
/** Every value of the `State` enum, in the spec's order. */
export const STATE_VALUES = ['ACTIVE', 'REVOKED', 'FROZEN', 'REQUESTED', 'REJECTED'] as const;
/** Every value of the `TargetState` enum, in the spec's order. */
export const TARGET_STATE_VALUES = ['ACTIVE', 'FROZEN'] as const;
/** Every value of the `PassState` enum, in the spec's order. */
export const PASS_STATE_VALUES = ['ACTIVE', 'FROZEN', 'REVOKED', 'REQUESTED'] as const;
/** Every value of the `OnChainState` enum, in the spec's order. */
export const ON_CHAIN_STATE_VALUES = ['ACTIVE', 'FROZEN', 'REVOKED'] as const;
/** Every value of the `PassEventType` enum, in the spec's order. */
export const PASS_EVENT_TYPE_VALUES = [
  'TOKEN_ISSUED_INITIATED',
  'TOKEN_ISSUED',
  'TOKEN_FROZEN_INITIATED',
  'TOKEN_FROZEN',
  'TOKEN_EXPIRY_CHANGED_INITIATED',
  'TOKEN_EXPIRY_CHANGED',
  'TOKEN_UNFROZEN_INITIATED',
  'TOKEN_UNFROZEN',
  'TOKEN_REVOKED_INITIATED',
  'TOKEN_REVOKED',
] as const;
/** Every value of the `TransactionStatus` enum, in the spec's order. */
export const TRANSACTION_STATUS_VALUES = ['sent', 'confirmed', 'failed'] as const;
/** Every value of the `PiiStatus` enum, in the spec's order. */
export const PII_STATUS_VALUES = [
  'awaiting-user',
  'user-acknowledged',
  'verification-success',
  'verification-failed',
  'user-cancelled',
  'partner-pass',
  'partner-fail',
] as const;
/** Every value of the `PiiDecision` enum, in the spec's order. */
export const PII_DECISION_VALUES = ['partner-pass', 'partner-fail'] as const;
/** What the spec says about each chain: its networks and its wallet address format. */
export const CHAINS = {
  solana: {
    networks: ['mainnet-beta', 'devnet'],
    walletPattern: '^[1-9A-HJ-NP-Za-km-z]{32,44}$',
    walletFormat: 'a base58 address of 32 to 44 characters',
  },
  ethereum: {
    networks: [
      'mainnet',
      'sepolia',
      'polygonAmoy',
      'polygonMainnet',
      'polygonZKEVM',
      'polygonZKEVMTestnet',
      'optimismSepolia',
      'optimismMainnet',
      'arbitrumSepolia',
      'arbitrumMainnet',
      'avalancheCChain',
      'avalancheCChainFuji',
      'xdcMainnet',
      'xdcApothem',
      'fantomMainnet',
      'fantomTestnet',
      'baseSepolia',
      'baseMainnet',
      'bscMainnet',
      'bscTestnet',
      'xlayerMainnet',
      'xlayerTestnet',
      'unichainMainnet',
      'unichainSepolia',
      'sonicMainnet',
      'sonicTestnet',
    ],
    walletPattern: '^0x[0-9a-fA-F]{40}$',
    walletFormat: '0x followed by 40 hexadecimal digits',
  },
} as const;
/** The pattern the spec gives each path parameter, checked by the client before sending. */
export const PATH_PARAMETER_PATTERNS = {
  wallet: '^(0x[0-9a-fA-F]{40}|[1-9A-HJ-NP-Za-km-z]{32,44})$',
  scopeRequestId: '^[A-Za-z0-9_-]+$',
  rel: '^[A-Za-z0-9_-]+$',
} as const;
/** The type and bounds of each numeric property of the named schemas (`Schema.property`). */
export const NUMBER_BOUNDS = {
  'PassEvent.timestamp': {
    integer: false,
    minimum: null,
    maximum: null,
  },
  'Pass.expiryTimestamp': {
    integer: true,
    minimum: 0,
    maximum: null,
  },
  'UpdatePassRequest.expiryTimestamp': {
    integer: true,
    minimum: 0,
    maximum: null,
  },
  'ListPassRequest.limit': {
    integer: true,
    minimum: 1,
    maximum: 100,
  },
  'ListPassRequest.skip': {
    integer: true,
    minimum: 0,
    maximum: null,
  },
} as const;
/** Every operation of the spec, in the spec's order. */
export const OPERATIONS = [
  {
    operationId: 'listPass',
    method: 'POST',
    path: '/pass',
    tag: 'pass',
    summary: 'List the passes you issued',
    statusCodes: [200, 400, 401, 403, 404, 422, 429, 500, 503],
    scopes: ['search:pass'],
    requestBody: {
      required: false,
      contentTypes: ['application/json'],
      properties: ['limit', 'skip', 'filter'],
    },
    responseContentTypes: {
      '200': ['application/json'],
      '400': ['application/json'],
      '401': ['application/json'],
      '403': ['application/json'],
      '404': ['application/json'],
      '422': ['application/json'],
      '429': ['application/json'],
      '500': ['application/json'],
      '503': ['application/json'],
    },
  },
  {
    operationId: 'issuePass',
    method: 'POST',
    path: '/pass/{chain}/{chainNetwork}',
    tag: 'pass',
    summary: 'Issue a pass to a wallet',
    statusCodes: [202, 400, 401, 403, 404, 409, 422, 429, 500, 503],
    scopes: ['issue:pass'],
    requestBody: {
      required: true,
      contentTypes: ['application/json'],
      properties: ['walletAddress'],
    },
    responseContentTypes: {
      '202': ['application/json'],
      '400': ['application/json'],
      '401': ['application/json'],
      '403': ['application/json'],
      '404': ['application/json'],
      '409': ['application/json'],
      '422': ['application/json'],
      '429': ['application/json'],
      '500': ['application/json'],
      '503': ['application/json'],
    },
  },
  {
    operationId: 'getPass',
    method: 'GET',
    path: '/pass/{chain}/{chainNetwork}/{wallet}',
    tag: 'pass',
    summary: 'Read one pass with its event history',
    statusCodes: [200, 400, 401, 403, 404, 422, 429, 500, 503],
    scopes: ['search:pass'],
    requestBody: null,
    responseContentTypes: {
      '200': ['application/json'],
      '400': ['application/json'],
      '401': ['application/json'],
      '403': ['application/json'],
      '404': ['application/json'],
      '422': ['application/json'],
      '429': ['application/json'],
      '500': ['application/json'],
      '503': ['application/json'],
    },
  },
  {
    operationId: 'patchPass',
    method: 'PATCH',
    path: '/pass/{chain}/{chainNetwork}/{wallet}',
    tag: 'pass',
    summary: "Change a pass's state or expiry",
    statusCodes: [200, 400, 401, 403, 404, 409, 422, 429, 500, 503],
    scopes: ['update:pass'],
    requestBody: {
      required: true,
      contentTypes: ['application/json'],
      properties: ['state', 'expiryTimestamp'],
    },
    responseContentTypes: {
      '200': ['application/json'],
      '400': ['application/json'],
      '401': ['application/json'],
      '403': ['application/json'],
      '404': ['application/json'],
      '409': ['application/json'],
      '422': ['application/json'],
      '429': ['application/json'],
      '500': ['application/json'],
      '503': ['application/json'],
    },
  },
  {
    operationId: 'deletePass',
    method: 'DELETE',
    path: '/pass/{chain}/{chainNetwork}/{wallet}',
    tag: 'pass',
    summary: 'Revoke a pass, for good',
    statusCodes: [200, 400, 401, 403, 404, 409, 422, 429, 500, 503],
    scopes: ['update:pass'],
    requestBody: null,
    responseContentTypes: {
      '200': [],
      '400': ['application/json'],
      '401': ['application/json'],
      '403': ['application/json'],
      '404': ['application/json'],
      '409': ['application/json'],
      '422': ['application/json'],
      '429': ['application/json'],
      '500': ['application/json'],
      '503': ['application/json'],
    },
  },
  {
    operationId: 'getPii',
    method: 'GET',
    path: '/piirequest/{scopeRequestId}',
    tag: 'piirequest',
    summary: 'Read the personal data a user submitted',
    statusCodes: [200, 400, 401, 403, 404, 422, 429, 500, 503],
    scopes: ['get:pii'],
    requestBody: null,
    responseContentTypes: {
      '200': ['application/json'],
      '400': ['application/json'],
      '401': ['application/json'],
      '403': ['application/json'],
      '404': ['application/json'],
      '422': ['application/json'],
      '429': ['application/json'],
      '500': ['application/json'],
      '503': ['application/json'],
    },
  },
  {
    operationId: 'updatePiiReceipt',
    method: 'PUT',
    path: '/piirequest/{scopeRequestId}/status',
    tag: 'piirequest',
    summary: "Approve or reject a user's personal data",
    statusCodes: [200, 400, 401, 403, 404, 409, 422, 429, 500, 503],
    scopes: ['put:piirequest'],
    requestBody: {
      required: true,
      contentTypes: ['application/json'],
      properties: ['status'],
    },
    responseContentTypes: {
      '200': [],
      '400': ['application/json'],
      '401': ['application/json'],
      '403': ['application/json'],
      '404': ['application/json'],
      '409': ['application/json'],
      '422': ['application/json'],
      '429': ['application/json'],
      '500': ['application/json'],
      '503': ['application/json'],
    },
  },
  {
    operationId: 'getPiiEvidence',
    method: 'GET',
    path: '/piirequest/{scopeRequestId}/evidence/{rel}',
    tag: 'piirequest',
    summary: 'Download one piece of evidence',
    statusCodes: [200, 400, 401, 403, 404, 422, 429, 500, 503],
    scopes: ['get:pii'],
    requestBody: null,
    responseContentTypes: {
      '200': ['application/octet-stream'],
      '400': ['application/json'],
      '401': ['application/json'],
      '403': ['application/json'],
      '404': ['application/json'],
      '422': ['application/json'],
      '429': ['application/json'],
      '500': ['application/json'],
      '503': ['application/json'],
    },
  },
] as const;
/** The operationId of every operation in the spec. */
export type OperationId = (typeof OPERATIONS)[number]['operationId'];
/**
 * Where each operation's JSON success answer holds an enum (`events[].eventType`), and its
 * values. The client's opt-in `strictEnums` checks answers against these.
 */
export const RESPONSE_ENUMS: Readonly<
  Record<OperationId, Readonly<Record<string, readonly string[]>>>
> = {
  listPass: {
    'records[].chain.type': CHAIN_VALUES,
    'records[].chain.network': CHAIN_NETWORK_VALUES,
    'records[].state': PASS_STATE_VALUES,
    'records[].onChainState': ON_CHAIN_STATE_VALUES,
    'records[].events[].eventType': PASS_EVENT_TYPE_VALUES,
    'records[].events[].transaction.status': TRANSACTION_STATUS_VALUES,
  },
  issuePass: {
    'chain.type': CHAIN_VALUES,
    'chain.network': CHAIN_NETWORK_VALUES,
    state: PASS_STATE_VALUES,
    onChainState: ON_CHAIN_STATE_VALUES,
    'events[].eventType': PASS_EVENT_TYPE_VALUES,
    'events[].transaction.status': TRANSACTION_STATUS_VALUES,
  },
  getPass: {
    'chain.type': CHAIN_VALUES,
    'chain.network': CHAIN_NETWORK_VALUES,
    state: PASS_STATE_VALUES,
    onChainState: ON_CHAIN_STATE_VALUES,
    'events[].eventType': PASS_EVENT_TYPE_VALUES,
    'events[].transaction.status': TRANSACTION_STATUS_VALUES,
  },
  patchPass: {},
  deletePass: {},
  getPii: { status: PII_STATUS_VALUES },
  updatePiiReceipt: {},
  getPiiEvidence: {},
};
