// Generated from spec/customer_api.yaml by scripts/generate.ts. Do not edit:
// change the spec and run `npm run generate`.
/** The OpenAPI document itself, for validating responses against its schemas at run time. */
export const openapiDocument: { readonly [key: string]: unknown } = {
  openapi: '3.0.3',
  info: {
    title: 'Civic Pass Customer API',
    version: '1.0.0',
    description:
      "Manage the Civic Passes your dApp issues to its users' wallets, and review the personal\ndata (PII) a user submitted before their pass is issued.\n\n## Chains and networks\nA pass lives on a `chain` (the programming model: `solana` or `ethereum`) and on one\n`chainNetwork` of that chain. Solana has two networks, `mainnet-beta` and `devnet`; every\nother network in the `ChainNetwork` list is an EVM network and is addressed under\n`ethereum`, for example `/pass/ethereum/polygonAmoy`. The enums alone do not say which\nnetwork belongs to which chain, so the `Chain` schema carries that pairing, and the wallet\naddress format of each chain, in its `x-civic-chains` extension.\n\n## Authentication\nEvery operation needs a bearer token obtained with the OAuth 2.0 client credentials grant\nfrom the token endpoint of the `pass_auth` scheme, requested for the audience given in its\n`x-audience` extension. Tokens are valid for a day (`expires_in: 86400`); fetch one, keep\nit until shortly before it expires, and share it between requests.\n\n## Consistency\nIssuing, updating and revoking are asynchronous: the API answers once the change is\naccepted, and the blockchain confirms it later. A pass can take from seconds to minutes to\nshow up in reads after it was issued.",
    termsOfService: 'https://www.civic.com/legal/terms-of-service-civic-pass-v1/',
    contact: {
      email: 'devsupport@civic.com',
    },
  },
  servers: [
    {
      url: 'https://api.civic.com/partner',
      description: "Civic's production API (testnet networks included)",
    },
  ],
  tags: [
    {
      name: 'pass',
      description: 'Issue, look up, update and revoke Civic Passes.',
    },
    {
      name: 'piirequest',
      description: 'Review the personal data a user submitted, and approve or reject it.',
    },
  ],
  paths: {
    '/pass': {
      post: {
        tags: ['pass'],
        operationId: 'listPass',
        summary: 'List the passes you issued',
        description:
          'Returns one page of the passes issued with your credentials, optionally narrowed by a\nfilter. Pages are addressed with `limit` and `skip`. The answer carries no total count:\nthe last page is the first one that holds fewer than `limit` records. Recently issued\npasses may be missing until the chain has confirmed them.',
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ListPassRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'One page of passes.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ListPassResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
        security: [
          {
            pass_auth: ['write:token', 'read:token'],
          },
        ],
      },
    },
    '/pass/{chain}/{chainNetwork}': {
      parameters: [
        {
          $ref: '#/components/parameters/ChainParam',
        },
        {
          $ref: '#/components/parameters/ChainNetworkParam',
        },
      ],
      post: {
        tags: ['pass'],
        operationId: 'issuePass',
        summary: 'Issue a pass to a wallet',
        description:
          'Starts issuing a pass to the wallet in the body and answers at once with the pending\npass (state `REQUESTED`); the chain confirms it later. Issuing is not idempotent: do\nnot repeat a request the server may have acted on.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IssuePassRequest',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Issuance accepted; the pass is pending confirmation on chain.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Pass',
                },
                example: {
                  id: '6748a1c0e4b0a1f2c3d4e5f6',
                  chain: {
                    type: 'ethereum',
                    network: 'sepolia',
                  },
                  gatekeeperNetwork: 'tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf',
                  walletAddress: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
                  state: 'REQUESTED',
                  onChainState: 'ACTIVE',
                  events: [
                    {
                      eventType: 'TOKEN_ISSUED_INITIATED',
                      timestamp: 1732780800,
                      transaction: {
                        identifier:
                          '0x5d3c4f1b8a7e6d9c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c',
                        status: 'sent',
                      },
                    },
                  ],
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
        security: [
          {
            pass_auth: ['write:token', 'read:token'],
          },
        ],
      },
    },
    '/pass/{chain}/{chainNetwork}/{wallet}': {
      parameters: [
        {
          $ref: '#/components/parameters/ChainParam',
        },
        {
          $ref: '#/components/parameters/ChainNetworkParam',
        },
        {
          $ref: '#/components/parameters/WalletParam',
        },
      ],
      get: {
        tags: ['pass'],
        operationId: 'getPass',
        summary: 'Read one pass with its event history',
        description:
          'Returns the pass held by the wallet on this chain and network, with every event that\nhas happened to it, oldest first. A pass issued moments ago may not be readable yet.',
        responses: {
          '200': {
            description: "The wallet's pass.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Pass',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            description: 'You have issued no pass to this wallet on this chain and network.',
          },
        },
        security: [
          {
            pass_auth: ['write:token', 'read:token'],
          },
        ],
      },
      patch: {
        tags: ['pass'],
        operationId: 'patchPass',
        summary: "Change a pass's state or expiry",
        description:
          "Sets the pass's state (`FROZEN` to freeze it, `ACTIVE` to unfreeze it) and/or its expiry\ntime. The change is applied on chain after the answer. To make a pass expire now, for\ninstance so that its holder has to refresh it, set the expiry a few seconds ahead.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/UpdatePassRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The change was accepted.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UpdatePassResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
        security: [
          {
            pass_auth: ['write:token', 'read:token'],
          },
        ],
      },
      delete: {
        tags: ['pass'],
        operationId: 'deletePass',
        summary: 'Revoke a pass, for good',
        description:
          'Starts revoking the pass. Revocation cannot be undone, and afterwards no pass can ever\nbe issued again to the same chain, network and wallet.',
        responses: {
          '200': {
            description: 'Revocation accepted; it completes on chain later.',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
        security: [
          {
            pass_auth: ['write:token', 'read:token'],
          },
        ],
      },
    },
    '/piirequest/{scopeRequestId}': {
      parameters: [
        {
          $ref: '#/components/parameters/ScopeRequestIdParam',
        },
      ],
      get: {
        tags: ['piirequest'],
        operationId: 'getPii',
        summary: 'Read the personal data a user submitted',
        description:
          "When a user has handed their personal data to Civic, you receive a scope request id.\nThis returns the request's progress, the data Civic could verify, and links to the\nevidence (document images) the user provided, so you can review it before the pass is\nissued.",
        responses: {
          '200': {
            description: 'The PII request.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PiiRequest',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
        security: [
          {
            pass_auth: ['get:pii'],
          },
        ],
      },
    },
    '/piirequest/{scopeRequestId}/status': {
      parameters: [
        {
          $ref: '#/components/parameters/ScopeRequestIdParam',
        },
      ],
      put: {
        tags: ['piirequest'],
        operationId: 'updatePiiReceipt',
        summary: "Approve or reject a user's personal data",
        description:
          "Records your decision after reviewing the request: `partner-pass` lets the user's pass\nbe issued, `partner-fail` blocks it.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/UpdatePiiReceiptRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The decision was recorded.',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
        security: [
          {
            pass_auth: ['put:piirequest'],
          },
        ],
      },
    },
    '/piirequest/{scopeRequestId}/evidence/{rel}': {
      parameters: [
        {
          $ref: '#/components/parameters/ScopeRequestIdParam',
        },
        {
          name: 'rel',
          in: 'path',
          required: true,
          description:
            'Which piece of evidence to fetch, as named by the `rel` of a link in the PII request.',
          example: 'idDocumentFront',
          schema: {
            type: 'string',
            pattern: '^[A-Za-z0-9_-]+$',
          },
        },
      ],
      get: {
        tags: ['piirequest'],
        operationId: 'getPiiEvidence',
        summary: 'Download one piece of evidence',
        description:
          "Returns the file (usually an image of an identity document) behind one of the PII\nrequest's links. It needs the same bearer token as the other operations; fetch it from\nthe API's own origin, never by sending the token to a link on another host.",
        responses: {
          '200': {
            description: 'The evidence file.',
            content: {
              'application/octet-stream': {
                schema: {
                  $ref: '#/components/schemas/EvidenceFile',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            description: 'The request has no evidence under this name.',
          },
        },
        security: [
          {
            pass_auth: ['get:pii'],
          },
        ],
      },
    },
  },
  components: {
    securitySchemes: {
      pass_auth: {
        type: 'oauth2',
        description:
          "OAuth 2.0 client credentials. Civic's guides send `client_id` and `client_secret` in the\nbody (`client_secret_post`); HTTP Basic (`client_secret_basic`) works too. The token\nrequest must name the audience in `x-audience`.",
        'x-audience': 'https://api.civic.com/pass',
        flows: {
          clientCredentials: {
            tokenUrl: 'https://auth0.civic.com/oauth/token',
            scopes: {
              'write:token':
                'Change passes (required, together with read:token, by every pass operation).',
              'read:token':
                'Read passes (required, together with write:token, by every pass operation).',
              'issue:pass': 'Issue passes (granted to partner tokens).',
              'search:pass': 'List and read passes (granted to partner tokens).',
              'update:pass':
                'Freeze, unfreeze, expire and revoke passes (granted to partner tokens).',
              'get:pii': 'Read PII requests and their evidence.',
              'put:piirequest': 'Approve or reject PII requests.',
            },
          },
        },
      },
    },
    parameters: {
      ChainParam: {
        name: 'chain',
        in: 'path',
        required: true,
        description: "The chain's programming model.",
        example: 'ethereum',
        schema: {
          $ref: '#/components/schemas/Chain',
        },
      },
      ChainNetworkParam: {
        name: 'chainNetwork',
        in: 'path',
        required: true,
        description: 'The network of that chain; it must belong to the chain (see `Chain`).',
        example: 'sepolia',
        schema: {
          $ref: '#/components/schemas/ChainNetwork',
        },
      },
      WalletParam: {
        name: 'wallet',
        in: 'path',
        required: true,
        description: 'The address of the wallet holding the pass.',
        example: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
        schema: {
          $ref: '#/components/schemas/WalletAddress',
        },
      },
      ScopeRequestIdParam: {
        name: 'scopeRequestId',
        in: 'path',
        required: true,
        description: "The id Civic gave you for the user's submission of personal data.",
        example: '9a7a77af-a58e-4e54-83c9-5daa96ccbf11',
        schema: {
          type: 'string',
          pattern: '^[A-Za-z0-9_-]+$',
        },
      },
    },
    responses: {
      BadRequest: {
        description:
          'The request was refused, for example a wallet address the chain does not accept.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              message: 'Invalid wallet address',
            },
          },
        },
      },
      Unauthorized: {
        description: 'The bearer token is missing, expired or invalid.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              message: 'Unauthorized',
            },
          },
        },
      },
      Forbidden: {
        description: 'The token is valid but lacks a scope this operation needs.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              message: 'Insufficient scope',
            },
          },
        },
      },
    },
    schemas: {
      Chain: {
        type: 'string',
        description: "A chain's programming model. Each EVM network is addressed under `ethereum`.",
        enum: ['solana', 'ethereum'],
        example: 'ethereum',
        'x-civic-chains': {
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
        },
      },
      ChainNetwork: {
        type: 'string',
        description:
          "A network of a chain. `mainnet-beta` and `devnet` are Solana's; all others are EVM\nnetworks used with the `ethereum` chain.",
        enum: [
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
        ],
        example: 'sepolia',
      },
      WalletAddress: {
        type: 'string',
        description:
          'A wallet address, EVM (`0x` and 40 hex digits) or Solana (base58, 32 to 44 characters).',
        pattern: '^(0x[0-9a-fA-F]{40}|[1-9A-HJ-NP-Za-km-z]{32,44})$',
        example: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
      },
      State: {
        type: 'string',
        description:
          'A pass state, as used to set a state (`PATCH`) and to filter lists. `REJECTED` appears\nonly as a filter value.',
        enum: ['ACTIVE', 'REVOKED', 'FROZEN', 'REQUESTED', 'REJECTED'],
        example: 'ACTIVE',
      },
      PassState: {
        type: 'string',
        description:
          'The state Civic records for the pass, including a pending issuance (`REQUESTED`).',
        enum: ['ACTIVE', 'FROZEN', 'REVOKED', 'REQUESTED'],
        example: 'ACTIVE',
      },
      OnChainState: {
        type: 'string',
        description: 'The state the pass has on chain, as last confirmed.',
        enum: ['ACTIVE', 'FROZEN', 'REVOKED'],
        example: 'ACTIVE',
      },
      PassEventType: {
        type: 'string',
        description:
          'What happened. `_INITIATED` events record that Civic sent the transaction; the event\nwithout the suffix records its confirmation.',
        enum: [
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
        ],
        example: 'TOKEN_ISSUED',
      },
      TransactionStatus: {
        type: 'string',
        description: 'How far the chain transaction got.',
        enum: ['sent', 'confirmed', 'failed'],
        example: 'confirmed',
      },
      PassTransaction: {
        type: 'object',
        description: 'The chain transaction behind an event.',
        required: ['identifier'],
        properties: {
          identifier: {
            type: 'string',
            description: "The transaction's hash or signature on its chain.",
            example: '0x5d3c4f1b8a7e6d9c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c',
          },
          status: {
            $ref: '#/components/schemas/TransactionStatus',
          },
        },
      },
      PassEvent: {
        type: 'object',
        description: "One entry of a pass's history.",
        required: ['eventType', 'timestamp'],
        properties: {
          eventType: {
            $ref: '#/components/schemas/PassEventType',
          },
          timestamp: {
            type: 'number',
            description: 'When it happened, in seconds since the Unix epoch.',
            example: 1732780800,
          },
          transaction: {
            $ref: '#/components/schemas/PassTransaction',
          },
        },
      },
      PassChain: {
        type: 'object',
        description: 'Where the pass lives.',
        required: ['type', 'network'],
        properties: {
          type: {
            $ref: '#/components/schemas/Chain',
          },
          network: {
            $ref: '#/components/schemas/ChainNetwork',
          },
        },
      },
      Pass: {
        type: 'object',
        description: 'A Civic Pass held by one wallet on one chain and network.',
        required: [
          'chain',
          'gatekeeperNetwork',
          'walletAddress',
          'events',
          'id',
          'onChainState',
          'state',
        ],
        properties: {
          id: {
            type: 'string',
            description: "Civic's own identifier of the pass.",
            example: '6748a1c0e4b0a1f2c3d4e5f6',
          },
          chain: {
            $ref: '#/components/schemas/PassChain',
          },
          gatekeeperNetwork: {
            type: 'string',
            description:
              "Address of the gatekeeper network (the kind of pass) it was issued for; Civic's\nsandbox pass is `tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf`.",
            example: 'tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf',
          },
          walletAddress: {
            $ref: '#/components/schemas/WalletAddress',
          },
          state: {
            $ref: '#/components/schemas/PassState',
          },
          onChainState: {
            $ref: '#/components/schemas/OnChainState',
          },
          events: {
            type: 'array',
            description:
              'Everything that happened to the pass, oldest first; every action appends one.',
            items: {
              $ref: '#/components/schemas/PassEvent',
            },
          },
        },
        example: {
          id: '6748a1c0e4b0a1f2c3d4e5f6',
          chain: {
            type: 'ethereum',
            network: 'sepolia',
          },
          gatekeeperNetwork: 'tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf',
          walletAddress: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
          state: 'ACTIVE',
          onChainState: 'ACTIVE',
          events: [
            {
              eventType: 'TOKEN_ISSUED_INITIATED',
              timestamp: 1732780800,
              transaction: {
                identifier: '0x5d3c4f1b8a7e6d9c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c',
                status: 'sent',
              },
            },
            {
              eventType: 'TOKEN_ISSUED',
              timestamp: 1732780815,
              transaction: {
                identifier: '0x5d3c4f1b8a7e6d9c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c',
                status: 'confirmed',
              },
            },
          ],
        },
      },
      IssuePassRequest: {
        type: 'object',
        description: 'Which wallet receives the pass.',
        required: ['walletAddress'],
        properties: {
          walletAddress: {
            $ref: '#/components/schemas/WalletAddress',
          },
        },
      },
      UpdatePassRequest: {
        type: 'object',
        description: 'The changes to make; send at least one of the two.',
        properties: {
          state: {
            $ref: '#/components/schemas/State',
          },
          expiryTimestamp: {
            type: 'number',
            description: 'The new expiry, in seconds (not milliseconds) since the Unix epoch.',
            example: 1764316800,
          },
        },
      },
      UpdatePassResponse: {
        type: 'object',
        description: 'Acknowledgement of an accepted change.',
        required: ['status'],
        properties: {
          status: {
            type: 'string',
            description: 'Always `ok` when the change was accepted.',
            example: 'ok',
          },
        },
      },
      ListPassFilter: {
        type: 'object',
        description: 'Narrows the list; every given field must match.',
        properties: {
          state: {
            $ref: '#/components/schemas/State',
          },
          walletAddress: {
            type: 'string',
            description: 'Only the passes held by this wallet.',
            example: '4v4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ',
          },
        },
      },
      ListPassRequest: {
        type: 'object',
        description: 'Which page of passes to return, and an optional filter.',
        properties: {
          limit: {
            type: 'number',
            default: 20,
            description: 'The page size, the most records to return.',
            example: 20,
          },
          skip: {
            type: 'number',
            default: 0,
            description: 'How many matching records to skip before the page starts.',
            example: 0,
          },
          filter: {
            $ref: '#/components/schemas/ListPassFilter',
          },
        },
      },
      ListPassResponse: {
        type: 'object',
        description: 'One page of passes.',
        required: ['records'],
        properties: {
          records: {
            type: 'array',
            description: 'The passes on this page; fewer than `limit` means this is the last page.',
            items: {
              $ref: '#/components/schemas/Pass',
            },
          },
        },
      },
      PiiStatus: {
        type: 'string',
        description:
          'Where the PII request stands. The data is complete once it reaches\n`verification-success`; `partner-pass` and `partner-fail` record your decision.',
        enum: [
          'awaiting-user',
          'user-acknowledged',
          'verification-success',
          'verification-failed',
          'user-cancelled',
          'partner-pass',
          'partner-fail',
        ],
        example: 'verification-success',
      },
      PiiLink: {
        type: 'object',
        description: 'A link to one piece of evidence.',
        required: ['rel', 'href'],
        properties: {
          rel: {
            type: 'string',
            description:
              'What the evidence is, for example `idDocumentFront` or `idDocumentBack`; `self` links the request itself.',
            pattern: '^[A-Za-z0-9_-]+$',
            example: 'idDocumentFront',
          },
          href: {
            type: 'string',
            description:
              "Where the server says it is. Send the bearer token only if this is on the API's own origin.",
            example:
              'https://api.civic.com/partner/piirequest/9a7a77af-a58e-4e54-83c9-5daa96ccbf11/evidence/idDocumentFront',
          },
        },
      },
      PiiRequest: {
        type: 'object',
        description: "A user's submission of personal data, as far as Civic has verified it.",
        properties: {
          id: {
            type: 'string',
            description: "The request's id (the scope request id).",
            example: '9a7a77af-a58e-4e54-83c9-5daa96ccbf11',
          },
          type: {
            type: 'string',
            description: 'Which kind of verification collected the data.',
            example: 'gatekeeperProofOfIdentityWithIdDocument-v3',
          },
          updateDate: {
            type: 'string',
            description: 'When the request last changed (ISO 8601).',
            example: '2024-11-28T08:00:00.000Z',
          },
          status: {
            $ref: '#/components/schemas/PiiStatus',
          },
          verifiedInformation: {
            type: 'object',
            description:
              "The personal data Civic could verify. Which fields appear depends on your pass's\nconfiguration.",
            additionalProperties: true,
            example: {
              email: 'user@example.com',
              name: 'Ada Example Lovelace',
              dateOfBirth: '1990-01-01',
              documentType: 'passport',
              documentNumber: '0123456789',
              issueCountry: 'GBR',
              dateOfExpiry: '2035-05-28',
              address: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
            },
          },
          links: {
            type: 'array',
            description: 'Links to the evidence the user provided.',
            items: {
              $ref: '#/components/schemas/PiiLink',
            },
          },
        },
        example: {
          id: '9a7a77af-a58e-4e54-83c9-5daa96ccbf11',
          type: 'gatekeeperProofOfIdentityWithIdDocument-v3',
          updateDate: '2024-11-28T08:00:00.000Z',
          status: 'verification-success',
          verifiedInformation: {
            email: 'user@example.com',
            name: 'Ada Example Lovelace',
            dateOfBirth: '1990-01-01',
            documentType: 'passport',
            documentNumber: '0123456789',
            issueCountry: 'GBR',
            dateOfExpiry: '2035-05-28',
            address: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
          },
          links: [
            {
              rel: 'self',
              href: 'https://api.civic.com/partner/piirequest/9a7a77af-a58e-4e54-83c9-5daa96ccbf11',
            },
            {
              rel: 'idDocumentFront',
              href: 'https://api.civic.com/partner/piirequest/9a7a77af-a58e-4e54-83c9-5daa96ccbf11/evidence/idDocumentFront',
            },
          ],
        },
      },
      PiiDecision: {
        type: 'string',
        description: 'Your decision on a PII request.',
        enum: ['partner-pass', 'partner-fail'],
        example: 'partner-pass',
      },
      UpdatePiiReceiptRequest: {
        type: 'object',
        description: 'Your decision on the PII request.',
        required: ['status'],
        properties: {
          status: {
            $ref: '#/components/schemas/PiiDecision',
          },
        },
      },
      EvidenceFile: {
        type: 'string',
        format: 'binary',
        description: "The evidence file's bytes (an image, usually).",
      },
      ErrorBody: {
        type: 'object',
        description:
          'What the API says went wrong. Its shape is not documented by Civic, so every field is\noptional and others may appear.',
        additionalProperties: true,
        properties: {
          message: {
            type: 'string',
            description: 'A human-readable explanation.',
            example: 'Unauthorized',
          },
          error: {
            type: 'string',
            description: 'A short error code.',
            example: 'unauthorized',
          },
        },
      },
    },
  },
};
