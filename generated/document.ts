// Generated from spec/customer_api.yaml by scripts/generate.ts. Do not edit:
// change the spec and run `npm run generate`.
/** The OpenAPI document itself, for validating responses against its schemas at run time. */
export const openapiDocument: { readonly [key: string]: unknown } = {
  openapi: '3.0.3',
  info: {
    title: 'Civic Pass Customer API',
    version: '1.1.0',
    description:
      'Manage the Civic Passes your dApp issues to its users\' wallets, and review the personal\ndata (PII) a user submitted before their pass is issued.\n\n## Chains and networks\nA pass lives on a `chain` (the programming model: `solana` or `ethereum`) and on one\n`chainNetwork` of that chain. Solana has two networks, `mainnet-beta` and `devnet`; every\nother network in the `ChainNetwork` list is an EVM network and is addressed under\n`ethereum`, for example `/pass/ethereum/polygonAmoy`. Where an answer carries chain and\nnetwork together (`PassChain`), its schema ties them with `oneOf`. OpenAPI 3.0 has no way\nto tie two path parameters to each other, so for the `{chain}/{chainNetwork}` paths the\npairing, and the wallet address format of each chain, live in the `x-civic-chains`\nextension of the `Chain` schema: a generic validator accepts `/pass/solana/sepolia`, the\nAPI answers it with `400 INVALID_REQUEST` (`field: chainNetwork`).\n\n## Authentication\nEvery operation needs a bearer token obtained with the OAuth 2.0 client credentials grant\nfrom the token endpoint of the `pass_auth` scheme, requested for the audience given in its\n`x-audience` extension. Tokens are valid for a day (`expires_in: 86400`); fetch one, keep\nit until shortly before it expires, and share it between requests. Each operation needs\none scope: `search:pass` to list and read passes, `issue:pass` to issue, `update:pass` to\nfreeze, unfreeze, expire and revoke, `get:pii` to read PII requests and their evidence,\n`put:piirequest` to decide on them.\n\n## Consistency\nIssuing, updating and revoking are asynchronous: the API answers once the change is\naccepted, and the blockchain confirms it later. A pass can take from seconds to minutes to\nshow up in reads after it was issued.\n\n## Pass lifecycle\nA pass is `REQUESTED` from the moment it is issued until the chain confirms it, then\n`ACTIVE`; freezing makes it `FROZEN`, unfreezing `ACTIVE` again, revoking `REVOKED` for\ngood. What each action does from each state (200/202: accepted; 409 and 404: refused, with\nthe error `code`):\n\n| from \\ action | freeze (`state: FROZEN`) | unfreeze (`state: ACTIVE`) | set `expiryTimestamp` | revoke (`DELETE`) | issue |\n| --- | --- | --- | --- | --- | --- |\n| `REQUESTED` | 409 `INVALID_STATE_TRANSITION` | 409 `INVALID_STATE_TRANSITION` | 409 `INVALID_STATE_TRANSITION` | 200, becomes `REVOKED` | 409 `PASS_EXISTS` |\n| `ACTIVE` | 200, becomes `FROZEN` | 200, nothing changes, no event | 200 | 200, becomes `REVOKED` | 409 `PASS_EXISTS` |\n| `FROZEN` | 200, nothing changes, no event | 200, becomes `ACTIVE` | 200 | 200, becomes `REVOKED` | 409 `PASS_EXISTS` |\n| `REVOKED` | 409 `PASS_REVOKED` | 409 `PASS_REVOKED` | 409 `PASS_REVOKED` | 409 `PASS_REVOKED` | 409 `PASS_REVOKED` |\n| no pass | 404 `PASS_NOT_FOUND` | 404 `PASS_NOT_FOUND` | 404 `PASS_NOT_FOUND` | 404 `PASS_NOT_FOUND` | 202, becomes `REQUESTED` |\n\nA PATCH that sets both `state` and `expiryTimestamp` is refused as a whole when either part\nis. Every accepted change appends two events to the pass: `<EVENT>_INITIATED` at once (its\ntransaction `sent`), then `<EVENT>` when the chain confirms it (`confirmed`, same\ntransaction identifier). `state` changes at once, except `REQUESTED` to `ACTIVE`, which\nwaits for the confirmation; `onChainState` changes on confirmation. The events are\n`TOKEN_ISSUED`, `TOKEN_FROZEN`, `TOKEN_UNFROZEN`, `TOKEN_EXPIRY_CHANGED` and\n`TOKEN_REVOKED`.\n\n## Expiry\nA pass\'s `expiryTimestamp` (seconds since the Unix epoch) is absent while it never\nexpires. Once that moment has passed the pass is expired, but its `state` stays what it\nwas: there is no `EXPIRED` state, as there is none on chain. Compare `expiryTimestamp`\nwith the current time to tell.\n\n## Errors\nEvery error answer is JSON, `{ "code": "...", "message": "..." }`, plus `field` naming the\ninput at fault when there is one. `code` is stable and meant for programs; `message` is\nfor people and may change. The codes:\n\n| status | code | when |\n| --- | --- | --- |\n| 400 | `INVALID_REQUEST` | the input breaks the rules of this document: malformed JSON, a wrong type, a missing property, a pattern, an unknown enum value, a network of another chain, `limit`/`skip` out of range, a PATCH with nothing to change |\n| 401 | `UNAUTHORIZED` | the bearer token is missing, malformed, unknown or expired (with `WWW-Authenticate: Bearer`) |\n| 403 | `INSUFFICIENT_SCOPE` | the token lacks the operation\'s scope |\n| 404 | `PASS_NOT_FOUND` | no pass for this chain, network and wallet |\n| 404 | `PII_REQUEST_NOT_FOUND` / `EVIDENCE_NOT_FOUND` | no PII request with this id / no evidence under this name |\n| 404 | `ROUTE_NOT_FOUND` | the path matches no operation, for example a base URL without `/partner` |\n| 405 | `METHOD_NOT_ALLOWED` | the path exists but not with this method (with an `Allow` header) |\n| 409 | `PASS_EXISTS` / `PASS_REVOKED` / `INVALID_STATE_TRANSITION` | see the pass lifecycle |\n| 409 | `PII_ALREADY_DECIDED` / `PII_NOT_READY` | the PII request was decided already / is not `verification-success` yet |\n| 422 | `UNPROCESSABLE` | what a validating gateway or mock answers instead of 400 to the same inputs |\n| 429 | `RATE_LIMITED` | too many requests; `Retry-After` says how many seconds to wait |\n| 500 | `INTERNAL` | a fault of the server |\n| 503 | `UNAVAILABLE` | the service is down for a while; retry later |\n\nEach operation documents the statuses it can answer. The one exception is 405: OpenAPI\ndescribes the methods a path has, not the answer to the methods it lacks, so no operation\nlists it; a method this document does not list on a path is answered with 405, an `Allow`\nheader naming the methods it does list, and the error body above.',
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
          'Returns one page of the passes issued with your credentials, optionally narrowed by a\nfilter. Pages are addressed with `limit` and `skip` over a stable order (oldest issued\nfirst), so paging through visits each pass once. The answer carries no total count: the\nlast page is the first one that holds fewer than `limit` records. Recently issued passes\nmay be missing until the chain has confirmed them.',
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
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/RouteNotFound',
          },
          '422': {
            $ref: '#/components/responses/Unprocessable',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
          '503': {
            $ref: '#/components/responses/Unavailable',
          },
        },
        security: [
          {
            pass_auth: ['search:pass'],
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
          'Starts issuing a pass to the wallet in the body and answers at once with the pending\npass (state `REQUESTED`); the chain confirms it later. Issuing is not idempotent: do\nnot repeat a request the server may have acted on.\n\nRefused with 409 `PASS_EXISTS` while the wallet holds a pass on this chain and network\n(in any state but `REVOKED`), and with 409 `PASS_REVOKED` once its pass there was\nrevoked: a revoked wallet never gets another pass on that chain and network. See the\npass lifecycle in the introduction.',
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
          '404': {
            $ref: '#/components/responses/RouteNotFound',
          },
          '409': {
            $ref: '#/components/responses/PassConflict',
          },
          '422': {
            $ref: '#/components/responses/Unprocessable',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
          '503': {
            $ref: '#/components/responses/Unavailable',
          },
        },
        security: [
          {
            pass_auth: ['issue:pass'],
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
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/PassNotFound',
          },
          '422': {
            $ref: '#/components/responses/Unprocessable',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
          '503': {
            $ref: '#/components/responses/Unavailable',
          },
        },
        security: [
          {
            pass_auth: ['search:pass'],
          },
        ],
      },
      patch: {
        tags: ['pass'],
        operationId: 'patchPass',
        summary: "Change a pass's state or expiry",
        description:
          "Sets the pass's state (`FROZEN` to freeze it, `ACTIVE` to unfreeze it) and/or its expiry\ntime; send at least one of the two. The change is applied on chain after the answer. To\nmake a pass expire now, for instance so that its holder has to refresh it, set the\nexpiry a few seconds ahead.\n\n| pass is | freeze | unfreeze | set expiry |\n| --- | --- | --- | --- |\n| `REQUESTED` | 409 `INVALID_STATE_TRANSITION` | 409 `INVALID_STATE_TRANSITION` | 409 `INVALID_STATE_TRANSITION` |\n| `ACTIVE` | 200, becomes `FROZEN` | 200, no change, no event | 200 |\n| `FROZEN` | 200, no change, no event | 200, becomes `ACTIVE` | 200 |\n| `REVOKED` | 409 `PASS_REVOKED` | 409 `PASS_REVOKED` | 409 `PASS_REVOKED` |\n| missing | 404 `PASS_NOT_FOUND` | 404 `PASS_NOT_FOUND` | 404 `PASS_NOT_FOUND` |",
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
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/PassNotFound',
          },
          '409': {
            $ref: '#/components/responses/PassConflict',
          },
          '422': {
            $ref: '#/components/responses/Unprocessable',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
          '503': {
            $ref: '#/components/responses/Unavailable',
          },
        },
        security: [
          {
            pass_auth: ['update:pass'],
          },
        ],
      },
      delete: {
        tags: ['pass'],
        operationId: 'deletePass',
        summary: 'Revoke a pass, for good',
        description:
          'Starts revoking the pass. Revocation cannot be undone, and afterwards no pass can ever\nbe issued again to the same chain, network and wallet.\n\n| pass is | answer |\n| --- | --- |\n| `REQUESTED`, `ACTIVE` or `FROZEN` | 200, becomes `REVOKED` |\n| `REVOKED` | 409 `PASS_REVOKED` |\n| missing | 404 `PASS_NOT_FOUND` |',
        responses: {
          '200': {
            description: 'Revocation accepted; it completes on chain later.',
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
          '404': {
            $ref: '#/components/responses/PassNotFound',
          },
          '409': {
            $ref: '#/components/responses/PassConflict',
          },
          '422': {
            $ref: '#/components/responses/Unprocessable',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
          '503': {
            $ref: '#/components/responses/Unavailable',
          },
        },
        security: [
          {
            pass_auth: ['update:pass'],
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
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/PiiRequestNotFound',
          },
          '422': {
            $ref: '#/components/responses/Unprocessable',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
          '503': {
            $ref: '#/components/responses/Unavailable',
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
          "Records your decision after reviewing the request: `partner-pass` lets the user's pass\nbe issued, `partner-fail` blocks it. A request is decided once, and only after it\nreached `verification-success`: otherwise the answer is 409 `PII_ALREADY_DECIDED` or\n409 `PII_NOT_READY`.",
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
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/PiiRequestNotFound',
          },
          '409': {
            $ref: '#/components/responses/PiiConflict',
          },
          '422': {
            $ref: '#/components/responses/Unprocessable',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
          '503': {
            $ref: '#/components/responses/Unavailable',
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
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/EvidenceNotFound',
          },
          '422': {
            $ref: '#/components/responses/Unprocessable',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
          '500': {
            $ref: '#/components/responses/InternalError',
          },
          '503': {
            $ref: '#/components/responses/Unavailable',
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
          "OAuth 2.0 client credentials. Civic's guides send `client_id` and `client_secret` in the\nbody (`client_secret_post`); HTTP Basic (`client_secret_basic`) works too. The token\nrequest must name the audience in `x-audience`. Each operation requires exactly one of\nthese scopes.",
        'x-audience': 'https://api.civic.com/pass',
        flows: {
          clientCredentials: {
            tokenUrl: 'https://auth0.civic.com/oauth/token',
            scopes: {
              'issue:pass': 'Issue passes.',
              'search:pass': 'List and read passes.',
              'update:pass': 'Freeze, unfreeze, expire and revoke passes.',
              'get:pii': 'Read PII requests and download their evidence.',
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
    headers: {
      RetryAfter: {
        description: 'How many seconds to wait before sending the request again.',
        required: true,
        schema: {
          type: 'integer',
          minimum: 0,
          example: 30,
        },
      },
      WwwAuthenticate: {
        description: 'The authentication scheme the API expects, `Bearer` (RFC 6750).',
        required: true,
        schema: {
          type: 'string',
          example: 'Bearer',
        },
      },
    },
    responses: {
      BadRequest: {
        description:
          '`INVALID_REQUEST`: the input breaks a rule of this document (a wrong type, a missing\nproperty, a pattern, an unknown enum value, a network of another chain, a number out of\nrange, malformed JSON). `field` names the input at fault.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'INVALID_REQUEST',
              message: 'walletAddress is not an address of the ethereum chain',
              field: 'walletAddress',
            },
          },
        },
      },
      Unprocessable: {
        description:
          '`UNPROCESSABLE`: the same inputs as 400, as a validating gateway or mock in front of the\nAPI refuses them. The API itself answers 400.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'UNPROCESSABLE',
              message: 'The request does not match the API description',
            },
          },
        },
      },
      Unauthorized: {
        description: '`UNAUTHORIZED`: the bearer token is missing, malformed, unknown or expired.',
        headers: {
          'WWW-Authenticate': {
            $ref: '#/components/headers/WwwAuthenticate',
          },
        },
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'UNAUTHORIZED',
              message: 'The bearer token has expired',
            },
          },
        },
      },
      Forbidden: {
        description:
          '`INSUFFICIENT_SCOPE`: the token is valid but lacks the scope this operation needs.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'INSUFFICIENT_SCOPE',
              message: 'This operation needs the scope update:pass',
            },
          },
        },
      },
      RouteNotFound: {
        description:
          '`ROUTE_NOT_FOUND`: the path matches no operation (check that the base URL ends in `/partner`).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'ROUTE_NOT_FOUND',
              message: 'No route matches POST /pas',
            },
          },
        },
      },
      PassNotFound: {
        description:
          '`PASS_NOT_FOUND`: you have issued no pass to this wallet on this chain and network\n(`ROUTE_NOT_FOUND` when the path matches no operation at all).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'PASS_NOT_FOUND',
              message: 'No pass for this wallet on ethereum/sepolia',
            },
          },
        },
      },
      PiiRequestNotFound: {
        description:
          '`PII_REQUEST_NOT_FOUND`: no PII request has this id (`ROUTE_NOT_FOUND` when the path\nmatches no operation at all).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'PII_REQUEST_NOT_FOUND',
              message: 'No PII request with this id',
            },
          },
        },
      },
      EvidenceNotFound: {
        description:
          '`EVIDENCE_NOT_FOUND`: the request has no evidence under this name;\n`PII_REQUEST_NOT_FOUND`: no PII request has this id.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'EVIDENCE_NOT_FOUND',
              message: 'This PII request has no evidence named idDocumentBack',
            },
          },
        },
      },
      PassConflict: {
        description:
          "The pass's state forbids the change (see the pass lifecycle): `PASS_EXISTS` (issuing\nwhile the wallet holds a pass), `PASS_REVOKED` (any change to, or new issue after, a\nrevoked pass), `INVALID_STATE_TRANSITION` (a change the current state does not allow).",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'PASS_REVOKED',
              message: 'The pass was revoked; it cannot be changed or issued again',
            },
          },
        },
      },
      PiiConflict: {
        description:
          '`PII_ALREADY_DECIDED`: a decision was recorded already; `PII_NOT_READY`: the request\nhas not reached `verification-success`.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'PII_ALREADY_DECIDED',
              message: 'This PII request was decided already',
            },
          },
        },
      },
      TooManyRequests: {
        description: '`RATE_LIMITED`: too many requests; wait as long as `Retry-After` says.',
        headers: {
          'Retry-After': {
            $ref: '#/components/headers/RetryAfter',
          },
        },
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'RATE_LIMITED',
              message: 'Too many requests; retry in 30 seconds',
            },
          },
        },
      },
      InternalError: {
        description: '`INTERNAL`: a fault of the server. Whether a change was made is unknown.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'INTERNAL',
              message: 'Internal error',
            },
          },
        },
      },
      Unavailable: {
        description: '`UNAVAILABLE`: the service cannot answer for a while; retry later.',
        headers: {
          'Retry-After': {
            description: 'How many seconds to wait before retrying, when the server knows.',
            schema: {
              type: 'integer',
              minimum: 0,
              example: 30,
            },
          },
        },
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorBody',
            },
            example: {
              code: 'UNAVAILABLE',
              message: 'Service unavailable; retry later',
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
      SolanaNetwork: {
        type: 'string',
        description:
          'The networks of the `solana` chain (the same as `x-civic-chains.solana.networks`).',
        enum: ['mainnet-beta', 'devnet'],
        example: 'devnet',
      },
      EvmNetwork: {
        type: 'string',
        description:
          'The EVM networks, all under the `ethereum` chain (the same as `x-civic-chains.ethereum.networks`).',
        enum: [
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
          'A pass state to filter lists by. `REJECTED` appears only here (no pass answered by this\nAPI is in it, so filtering by it finds nothing).',
        enum: ['ACTIVE', 'REVOKED', 'FROZEN', 'REQUESTED', 'REJECTED'],
        example: 'ACTIVE',
      },
      TargetState: {
        type: 'string',
        description:
          'The state a `PATCH` can set: `FROZEN` freezes the pass, `ACTIVE` unfreezes it. Issue\nwith `issuePass` and revoke with `deletePass`.',
        enum: ['ACTIVE', 'FROZEN'],
        example: 'FROZEN',
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
        description:
          'Where the pass lives: a chain and one of its networks. `oneOf` ties the two, so\n`solana` with `sepolia` does not validate.',
        oneOf: [
          {
            $ref: '#/components/schemas/SolanaPassChain',
          },
          {
            $ref: '#/components/schemas/EvmPassChain',
          },
        ],
        example: {
          type: 'ethereum',
          network: 'sepolia',
        },
      },
      SolanaPassChain: {
        type: 'object',
        description: 'A pass on Solana.',
        required: ['type', 'network'],
        properties: {
          type: {
            type: 'string',
            description: 'Always `solana`.',
            enum: ['solana'],
            example: 'solana',
          },
          network: {
            $ref: '#/components/schemas/SolanaNetwork',
          },
        },
      },
      EvmPassChain: {
        type: 'object',
        description: 'A pass on an EVM network, all of which are addressed under `ethereum`.',
        required: ['type', 'network'],
        properties: {
          type: {
            type: 'string',
            description: 'Always `ethereum`.',
            enum: ['ethereum'],
            example: 'ethereum',
          },
          network: {
            $ref: '#/components/schemas/EvmNetwork',
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
          expiryTimestamp: {
            type: 'integer',
            minimum: 0,
            description:
              'When the pass expires, in seconds since the Unix epoch; absent when it never\nexpires. A pass past its expiry keeps its `state` (there is no `EXPIRED` state).',
            example: 1764316800,
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
          expiryTimestamp: 1764316800,
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
        minProperties: 1,
        properties: {
          state: {
            $ref: '#/components/schemas/TargetState',
          },
          expiryTimestamp: {
            type: 'integer',
            minimum: 0,
            description: 'The new expiry, in seconds (not milliseconds) since the Unix epoch.',
            example: 1764316800,
          },
        },
        example: {
          state: 'FROZEN',
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
            description:
              'Only the passes held by this wallet (EVM or Solana format, as `WalletAddress`).',
            pattern: '^(0x[0-9a-fA-F]{40}|[1-9A-HJ-NP-Za-km-z]{32,44})$',
            example: '4v4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ',
          },
        },
      },
      ListPassRequest: {
        type: 'object',
        description: 'Which page of passes to return, and an optional filter.',
        properties: {
          limit: {
            type: 'integer',
            minimum: 1,
            maximum: 100,
            default: 20,
            description: 'The page size, the most records to return (1 to 100).',
            example: 20,
          },
          skip: {
            type: 'integer',
            minimum: 0,
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
            format: 'date-time',
            description: 'When the request last changed (RFC 3339 date and time).',
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
          'What went wrong: a stable `code` for programs, a `message` for people, and the input at\nfault in `field` when there is one. Other properties may appear.',
        required: ['code', 'message'],
        additionalProperties: true,
        properties: {
          code: {
            type: 'string',
            description:
              'What went wrong, stable: `INVALID_REQUEST`, `UNPROCESSABLE`, `UNAUTHORIZED`,\n`INSUFFICIENT_SCOPE`, `PASS_NOT_FOUND`, `PII_REQUEST_NOT_FOUND`,\n`EVIDENCE_NOT_FOUND`, `ROUTE_NOT_FOUND`, `METHOD_NOT_ALLOWED`, `PASS_EXISTS`,\n`PASS_REVOKED`, `INVALID_STATE_TRANSITION`, `PII_ALREADY_DECIDED`, `PII_NOT_READY`,\n`RATE_LIMITED`, `INTERNAL` or `UNAVAILABLE`. New codes may be added, so handle an\nunknown one by its status.',
            example: 'PASS_NOT_FOUND',
          },
          message: {
            type: 'string',
            description: 'A human-readable explanation; its wording may change.',
            example: 'No pass for this wallet on ethereum/sepolia',
          },
          field: {
            type: 'string',
            description:
              'The input at fault, for example `walletAddress`, `limit` or `chainNetwork`.',
            example: 'walletAddress',
          },
        },
      },
    },
  },
};
