// Generated from spec/customer_api.yaml by scripts/generate.ts. Do not edit:
// change the spec and run `npm run generate`.
export interface paths {
  '/pass': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * List the passes you issued
     * @description Returns one page of the passes issued with your credentials, optionally narrowed by a
     *     filter. Pages are addressed with `limit` and `skip` over a stable order (oldest issued
     *     first), so paging through visits each pass once. The answer carries no total count: the
     *     last page is the first one that holds fewer than `limit` records. Recently issued passes
     *     may be missing until the chain has confirmed them.
     */
    post: operations['listPass'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pass/{chain}/{chainNetwork}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The chain's programming model.
         * @example ethereum
         */
        chain: components['parameters']['ChainParam'];
        /**
         * @description The network of that chain; it must belong to the chain (see `Chain`).
         * @example sepolia
         */
        chainNetwork: components['parameters']['ChainNetworkParam'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue a pass to a wallet
     * @description Starts issuing a pass to the wallet in the body and answers at once with the pending
     *     pass (state `REQUESTED`); the chain confirms it later. Issuing is not idempotent: do
     *     not repeat a request the server may have acted on.
     *
     *     Refused with 409 `PASS_EXISTS` while the wallet holds a pass on this chain and network
     *     (in any state but `REVOKED`), and with 409 `PASS_REVOKED` once its pass there was
     *     revoked: a revoked wallet never gets another pass on that chain and network. See the
     *     pass lifecycle in the introduction.
     */
    post: operations['issuePass'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pass/{chain}/{chainNetwork}/{wallet}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The chain's programming model.
         * @example ethereum
         */
        chain: components['parameters']['ChainParam'];
        /**
         * @description The network of that chain; it must belong to the chain (see `Chain`).
         * @example sepolia
         */
        chainNetwork: components['parameters']['ChainNetworkParam'];
        /**
         * @description The address of the wallet holding the pass.
         * @example 0xEA5Ce8F9C81b681876DC713d33371c3E262A5888
         */
        wallet: components['parameters']['WalletParam'];
      };
      cookie?: never;
    };
    /**
     * Read one pass with its event history
     * @description Returns the pass held by the wallet on this chain and network, with every event that
     *     has happened to it, oldest first. A pass issued moments ago may not be readable yet.
     */
    get: operations['getPass'];
    put?: never;
    post?: never;
    /**
     * Revoke a pass, for good
     * @description Starts revoking the pass. Revocation cannot be undone, and afterwards no pass can ever
     *     be issued again to the same chain, network and wallet.
     *
     *     | pass is | answer |
     *     | --- | --- |
     *     | `REQUESTED`, `ACTIVE` or `FROZEN` | 200, becomes `REVOKED` |
     *     | `REVOKED` | 409 `PASS_REVOKED` |
     *     | missing | 404 `PASS_NOT_FOUND` |
     */
    delete: operations['deletePass'];
    options?: never;
    head?: never;
    /**
     * Change a pass's state or expiry
     * @description Sets the pass's state (`FROZEN` to freeze it, `ACTIVE` to unfreeze it) and/or its expiry
     *     time; send at least one of the two. The change is applied on chain after the answer. To
     *     make a pass expire now, for instance so that its holder has to refresh it, set the
     *     expiry a few seconds ahead.
     *
     *     | pass is | freeze | unfreeze | set expiry |
     *     | --- | --- | --- | --- |
     *     | `REQUESTED` | 409 `INVALID_STATE_TRANSITION` | 409 `INVALID_STATE_TRANSITION` | 409 `INVALID_STATE_TRANSITION` |
     *     | `ACTIVE` | 200, becomes `FROZEN` | 200, no change, no event | 200 |
     *     | `FROZEN` | 200, no change, no event | 200, becomes `ACTIVE` | 200 |
     *     | `REVOKED` | 409 `PASS_REVOKED` | 409 `PASS_REVOKED` | 409 `PASS_REVOKED` |
     *     | missing | 404 `PASS_NOT_FOUND` | 404 `PASS_NOT_FOUND` | 404 `PASS_NOT_FOUND` |
     */
    patch: operations['patchPass'];
    trace?: never;
  };
  '/piirequest/{scopeRequestId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The id Civic gave you for the user's submission of personal data.
         * @example 9a7a77af-a58e-4e54-83c9-5daa96ccbf11
         */
        scopeRequestId: components['parameters']['ScopeRequestIdParam'];
      };
      cookie?: never;
    };
    /**
     * Read the personal data a user submitted
     * @description When a user has handed their personal data to Civic, you receive a scope request id.
     *     This returns the request's progress, the data Civic could verify, and links to the
     *     evidence (document images) the user provided, so you can review it before the pass is
     *     issued.
     */
    get: operations['getPii'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/piirequest/{scopeRequestId}/status': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The id Civic gave you for the user's submission of personal data.
         * @example 9a7a77af-a58e-4e54-83c9-5daa96ccbf11
         */
        scopeRequestId: components['parameters']['ScopeRequestIdParam'];
      };
      cookie?: never;
    };
    get?: never;
    /**
     * Approve or reject a user's personal data
     * @description Records your decision after reviewing the request: `partner-pass` lets the user's pass
     *     be issued, `partner-fail` blocks it. A request is decided once, and only after it
     *     reached `verification-success`: otherwise the answer is 409 `PII_ALREADY_DECIDED` or
     *     409 `PII_NOT_READY`.
     */
    put: operations['updatePiiReceipt'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/piirequest/{scopeRequestId}/evidence/{rel}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The id Civic gave you for the user's submission of personal data.
         * @example 9a7a77af-a58e-4e54-83c9-5daa96ccbf11
         */
        scopeRequestId: components['parameters']['ScopeRequestIdParam'];
        /**
         * @description Which piece of evidence to fetch, as named by the `rel` of a link in the PII request.
         * @example idDocumentFront
         */
        rel: string;
      };
      cookie?: never;
    };
    /**
     * Download one piece of evidence
     * @description Returns the file (usually an image of an identity document) behind one of the PII
     *     request's links. It needs the same bearer token as the other operations; fetch it from
     *     the API's own origin, never by sending the token to a link on another host.
     */
    get: operations['getPiiEvidence'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description A chain's programming model. Each EVM network is addressed under `ethereum`.
     * @example ethereum
     * @enum {string}
     */
    Chain: 'solana' | 'ethereum';
    /**
     * @description A network of a chain. `mainnet-beta` and `devnet` are Solana's; all others are EVM
     *     networks used with the `ethereum` chain.
     * @example sepolia
     * @enum {string}
     */
    ChainNetwork:
      | 'mainnet-beta'
      | 'devnet'
      | 'mainnet'
      | 'sepolia'
      | 'polygonAmoy'
      | 'polygonMainnet'
      | 'polygonZKEVM'
      | 'polygonZKEVMTestnet'
      | 'optimismSepolia'
      | 'optimismMainnet'
      | 'arbitrumSepolia'
      | 'arbitrumMainnet'
      | 'avalancheCChain'
      | 'avalancheCChainFuji'
      | 'xdcMainnet'
      | 'xdcApothem'
      | 'fantomMainnet'
      | 'fantomTestnet'
      | 'baseSepolia'
      | 'baseMainnet'
      | 'bscMainnet'
      | 'bscTestnet'
      | 'xlayerMainnet'
      | 'xlayerTestnet'
      | 'unichainMainnet'
      | 'unichainSepolia'
      | 'sonicMainnet'
      | 'sonicTestnet';
    /**
     * @description The networks of the `solana` chain (the same as `x-civic-chains.solana.networks`).
     * @example devnet
     * @enum {string}
     */
    SolanaNetwork: 'mainnet-beta' | 'devnet';
    /**
     * @description The EVM networks, all under the `ethereum` chain (the same as `x-civic-chains.ethereum.networks`).
     * @example sepolia
     * @enum {string}
     */
    EvmNetwork:
      | 'mainnet'
      | 'sepolia'
      | 'polygonAmoy'
      | 'polygonMainnet'
      | 'polygonZKEVM'
      | 'polygonZKEVMTestnet'
      | 'optimismSepolia'
      | 'optimismMainnet'
      | 'arbitrumSepolia'
      | 'arbitrumMainnet'
      | 'avalancheCChain'
      | 'avalancheCChainFuji'
      | 'xdcMainnet'
      | 'xdcApothem'
      | 'fantomMainnet'
      | 'fantomTestnet'
      | 'baseSepolia'
      | 'baseMainnet'
      | 'bscMainnet'
      | 'bscTestnet'
      | 'xlayerMainnet'
      | 'xlayerTestnet'
      | 'unichainMainnet'
      | 'unichainSepolia'
      | 'sonicMainnet'
      | 'sonicTestnet';
    /**
     * @description A wallet address, EVM (`0x` and 40 hex digits) or Solana (base58, 32 to 44 characters).
     * @example 0xEA5Ce8F9C81b681876DC713d33371c3E262A5888
     */
    WalletAddress: string;
    /**
     * @description A pass state to filter lists by. `REJECTED` appears only here (no pass answered by this
     *     API is in it, so filtering by it finds nothing).
     * @example ACTIVE
     * @enum {string}
     */
    State: 'ACTIVE' | 'REVOKED' | 'FROZEN' | 'REQUESTED' | 'REJECTED';
    /**
     * @description The state a `PATCH` can set: `FROZEN` freezes the pass, `ACTIVE` unfreezes it. Issue
     *     with `issuePass` and revoke with `deletePass`.
     * @example FROZEN
     * @enum {string}
     */
    TargetState: 'ACTIVE' | 'FROZEN';
    /**
     * @description The state Civic records for the pass, including a pending issuance (`REQUESTED`).
     * @example ACTIVE
     * @enum {string}
     */
    PassState: 'ACTIVE' | 'FROZEN' | 'REVOKED' | 'REQUESTED';
    /**
     * @description The state the pass has on chain, as last confirmed.
     * @example ACTIVE
     * @enum {string}
     */
    OnChainState: 'ACTIVE' | 'FROZEN' | 'REVOKED';
    /**
     * @description What happened. `_INITIATED` events record that Civic sent the transaction; the event
     *     without the suffix records its confirmation.
     * @example TOKEN_ISSUED
     * @enum {string}
     */
    PassEventType:
      | 'TOKEN_ISSUED_INITIATED'
      | 'TOKEN_ISSUED'
      | 'TOKEN_FROZEN_INITIATED'
      | 'TOKEN_FROZEN'
      | 'TOKEN_EXPIRY_CHANGED_INITIATED'
      | 'TOKEN_EXPIRY_CHANGED'
      | 'TOKEN_UNFROZEN_INITIATED'
      | 'TOKEN_UNFROZEN'
      | 'TOKEN_REVOKED_INITIATED'
      | 'TOKEN_REVOKED';
    /**
     * @description How far the chain transaction got.
     * @example confirmed
     * @enum {string}
     */
    TransactionStatus: 'sent' | 'confirmed' | 'failed';
    /** @description The chain transaction behind an event. */
    PassTransaction: {
      /**
       * @description The transaction's hash or signature on its chain.
       * @example 0x5d3c4f1b8a7e6d9c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c
       */
      identifier: string;
      status?: components['schemas']['TransactionStatus'];
    };
    /** @description One entry of a pass's history. */
    PassEvent: {
      eventType: components['schemas']['PassEventType'];
      /**
       * @description When it happened, in seconds since the Unix epoch.
       * @example 1732780800
       */
      timestamp: number;
      transaction?: components['schemas']['PassTransaction'];
    };
    /**
     * @description Where the pass lives: a chain and one of its networks. `oneOf` ties the two, so
     *     `solana` with `sepolia` does not validate.
     * @example {
     *       "type": "ethereum",
     *       "network": "sepolia"
     *     }
     */
    PassChain: components['schemas']['SolanaPassChain'] | components['schemas']['EvmPassChain'];
    /** @description A pass on Solana. */
    SolanaPassChain: {
      /**
       * @description Always `solana`.
       * @example solana
       * @enum {string}
       */
      type: 'solana';
      network: components['schemas']['SolanaNetwork'];
    };
    /** @description A pass on an EVM network, all of which are addressed under `ethereum`. */
    EvmPassChain: {
      /**
       * @description Always `ethereum`.
       * @example ethereum
       * @enum {string}
       */
      type: 'ethereum';
      network: components['schemas']['EvmNetwork'];
    };
    /**
     * @description A Civic Pass held by one wallet on one chain and network.
     * @example {
     *       "id": "6748a1c0e4b0a1f2c3d4e5f6",
     *       "chain": {
     *         "type": "ethereum",
     *         "network": "sepolia"
     *       },
     *       "gatekeeperNetwork": "tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf",
     *       "walletAddress": "0xEA5Ce8F9C81b681876DC713d33371c3E262A5888",
     *       "state": "ACTIVE",
     *       "onChainState": "ACTIVE",
     *       "expiryTimestamp": 1764316800,
     *       "events": [
     *         {
     *           "eventType": "TOKEN_ISSUED_INITIATED",
     *           "timestamp": 1732780800,
     *           "transaction": {
     *             "identifier": "0x5d3c4f1b8a7e6d9c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c",
     *             "status": "sent"
     *           }
     *         },
     *         {
     *           "eventType": "TOKEN_ISSUED",
     *           "timestamp": 1732780815,
     *           "transaction": {
     *             "identifier": "0x5d3c4f1b8a7e6d9c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c",
     *             "status": "confirmed"
     *           }
     *         }
     *       ]
     *     }
     */
    Pass: {
      /**
       * @description Civic's own identifier of the pass.
       * @example 6748a1c0e4b0a1f2c3d4e5f6
       */
      id: string;
      chain: components['schemas']['PassChain'];
      /**
       * @description Address of the gatekeeper network (the kind of pass) it was issued for; Civic's
       *     sandbox pass is `tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf`.
       * @example tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf
       */
      gatekeeperNetwork: string;
      walletAddress: components['schemas']['WalletAddress'];
      state: components['schemas']['PassState'];
      onChainState: components['schemas']['OnChainState'];
      /**
       * @description When the pass expires, in seconds since the Unix epoch; absent when it never
       *     expires. A pass past its expiry keeps its `state` (there is no `EXPIRED` state).
       * @example 1764316800
       */
      expiryTimestamp?: number;
      /** @description Everything that happened to the pass, oldest first; every action appends one. */
      events: components['schemas']['PassEvent'][];
    };
    /** @description Which wallet receives the pass. */
    IssuePassRequest: {
      walletAddress: components['schemas']['WalletAddress'];
    };
    /**
     * @description The changes to make; send at least one of the two.
     * @example {
     *       "state": "FROZEN"
     *     }
     */
    UpdatePassRequest: {
      state?: components['schemas']['TargetState'];
      /**
       * @description The new expiry, in seconds (not milliseconds) since the Unix epoch.
       * @example 1764316800
       */
      expiryTimestamp?: number;
    };
    /** @description Acknowledgement of an accepted change. */
    UpdatePassResponse: {
      /**
       * @description Always `ok` when the change was accepted.
       * @example ok
       */
      status: string;
    };
    /** @description Narrows the list; every given field must match. */
    ListPassFilter: {
      state?: components['schemas']['State'];
      /**
       * @description Only the passes held by this wallet (EVM or Solana format, as `WalletAddress`).
       * @example 4v4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ
       */
      walletAddress?: string;
    };
    /** @description Which page of passes to return, and an optional filter. */
    ListPassRequest: {
      /**
       * @description The page size, the most records to return (1 to 100).
       * @default 20
       * @example 20
       */
      limit?: number;
      /**
       * @description How many matching records to skip before the page starts.
       * @default 0
       * @example 0
       */
      skip?: number;
      filter?: components['schemas']['ListPassFilter'];
    };
    /** @description One page of passes. */
    ListPassResponse: {
      /** @description The passes on this page; fewer than `limit` means this is the last page. */
      records: components['schemas']['Pass'][];
    };
    /**
     * @description Where the PII request stands. The data is complete once it reaches
     *     `verification-success`; `partner-pass` and `partner-fail` record your decision.
     * @example verification-success
     * @enum {string}
     */
    PiiStatus:
      | 'awaiting-user'
      | 'user-acknowledged'
      | 'verification-success'
      | 'verification-failed'
      | 'user-cancelled'
      | 'partner-pass'
      | 'partner-fail';
    /** @description A link to one piece of evidence. */
    PiiLink: {
      /**
       * @description What the evidence is, for example `idDocumentFront` or `idDocumentBack`; `self` links the request itself.
       * @example idDocumentFront
       */
      rel: string;
      /**
       * @description Where the server says it is. Send the bearer token only if this is on the API's own origin.
       * @example https://api.civic.com/partner/piirequest/9a7a77af-a58e-4e54-83c9-5daa96ccbf11/evidence/idDocumentFront
       */
      href: string;
    };
    /**
     * @description A user's submission of personal data, as far as Civic has verified it.
     * @example {
     *       "id": "9a7a77af-a58e-4e54-83c9-5daa96ccbf11",
     *       "type": "gatekeeperProofOfIdentityWithIdDocument-v3",
     *       "updateDate": "2024-11-28T08:00:00.000Z",
     *       "status": "verification-success",
     *       "verifiedInformation": {
     *         "email": "user@example.com",
     *         "name": "Ada Example Lovelace",
     *         "dateOfBirth": "1990-01-01",
     *         "documentType": "passport",
     *         "documentNumber": "0123456789",
     *         "issueCountry": "GBR",
     *         "dateOfExpiry": "2035-05-28",
     *         "address": "0xEA5Ce8F9C81b681876DC713d33371c3E262A5888"
     *       },
     *       "links": [
     *         {
     *           "rel": "self",
     *           "href": "https://api.civic.com/partner/piirequest/9a7a77af-a58e-4e54-83c9-5daa96ccbf11"
     *         },
     *         {
     *           "rel": "idDocumentFront",
     *           "href": "https://api.civic.com/partner/piirequest/9a7a77af-a58e-4e54-83c9-5daa96ccbf11/evidence/idDocumentFront"
     *         }
     *       ]
     *     }
     */
    PiiRequest: {
      /**
       * @description The request's id (the scope request id).
       * @example 9a7a77af-a58e-4e54-83c9-5daa96ccbf11
       */
      id?: string;
      /**
       * @description Which kind of verification collected the data.
       * @example gatekeeperProofOfIdentityWithIdDocument-v3
       */
      type?: string;
      /**
       * Format: date-time
       * @description When the request last changed (RFC 3339 date and time).
       * @example 2024-11-28T08:00:00.000Z
       */
      updateDate?: string;
      status?: components['schemas']['PiiStatus'];
      /**
       * @description The personal data Civic could verify. Which fields appear depends on your pass's
       *     configuration.
       * @example {
       *       "email": "user@example.com",
       *       "name": "Ada Example Lovelace",
       *       "dateOfBirth": "1990-01-01",
       *       "documentType": "passport",
       *       "documentNumber": "0123456789",
       *       "issueCountry": "GBR",
       *       "dateOfExpiry": "2035-05-28",
       *       "address": "0xEA5Ce8F9C81b681876DC713d33371c3E262A5888"
       *     }
       */
      verifiedInformation?: {
        [key: string]: unknown;
      };
      /** @description Links to the evidence the user provided. */
      links?: components['schemas']['PiiLink'][];
    };
    /**
     * @description Your decision on a PII request.
     * @example partner-pass
     * @enum {string}
     */
    PiiDecision: 'partner-pass' | 'partner-fail';
    /** @description Your decision on the PII request. */
    UpdatePiiReceiptRequest: {
      status: components['schemas']['PiiDecision'];
    };
    /**
     * Format: binary
     * @description The evidence file's bytes (an image, usually).
     */
    EvidenceFile: Blob;
    /**
     * @description What went wrong: a stable `code` for programs, a `message` for people, and the input at
     *     fault in `field` when there is one. Other properties may appear.
     */
    ErrorBody: {
      /**
       * @description What went wrong, stable: `INVALID_REQUEST`, `UNPROCESSABLE`, `UNAUTHORIZED`,
       *     `INSUFFICIENT_SCOPE`, `PASS_NOT_FOUND`, `PII_REQUEST_NOT_FOUND`,
       *     `EVIDENCE_NOT_FOUND`, `ROUTE_NOT_FOUND`, `METHOD_NOT_ALLOWED`, `PASS_EXISTS`,
       *     `PASS_REVOKED`, `INVALID_STATE_TRANSITION`, `PII_ALREADY_DECIDED`, `PII_NOT_READY`,
       *     `RATE_LIMITED`, `INTERNAL` or `UNAVAILABLE`. New codes may be added, so handle an
       *     unknown one by its status.
       * @example PASS_NOT_FOUND
       */
      code: string;
      /**
       * @description A human-readable explanation; its wording may change.
       * @example No pass for this wallet on ethereum/sepolia
       */
      message: string;
      /**
       * @description The input at fault, for example `walletAddress`, `limit` or `chainNetwork`.
       * @example walletAddress
       */
      field?: string;
    } & {
      [key: string]: unknown;
    };
  };
  responses: {
    /**
     * @description `INVALID_REQUEST`: the input breaks a rule of this document (a wrong type, a missing
     *     property, a pattern, an unknown enum value, a network of another chain, a number out of
     *     range, malformed JSON). `field` names the input at fault.
     */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "INVALID_REQUEST",
         *       "message": "walletAddress is not an address of the ethereum chain",
         *       "field": "walletAddress"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /**
     * @description `UNPROCESSABLE`: the same inputs as 400, as a validating gateway or mock in front of the
     *     API refuses them. The API itself answers 400.
     */
    Unprocessable: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "UNPROCESSABLE",
         *       "message": "The request does not match the API description"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description `UNAUTHORIZED`: the bearer token is missing, malformed, unknown or expired. */
    Unauthorized: {
      headers: {
        'WWW-Authenticate': components['headers']['WwwAuthenticate'];
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "UNAUTHORIZED",
         *       "message": "The bearer token has expired"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description `INSUFFICIENT_SCOPE`: the token is valid but lacks the scope this operation needs. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "INSUFFICIENT_SCOPE",
         *       "message": "This operation needs the scope update:pass"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description `ROUTE_NOT_FOUND`: the path matches no operation (check that the base URL ends in `/partner`). */
    RouteNotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "ROUTE_NOT_FOUND",
         *       "message": "No route matches POST /pas"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /**
     * @description `PASS_NOT_FOUND`: you have issued no pass to this wallet on this chain and network
     *     (`ROUTE_NOT_FOUND` when the path matches no operation at all).
     */
    PassNotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "PASS_NOT_FOUND",
         *       "message": "No pass for this wallet on ethereum/sepolia"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /**
     * @description `PII_REQUEST_NOT_FOUND`: no PII request has this id (`ROUTE_NOT_FOUND` when the path
     *     matches no operation at all).
     */
    PiiRequestNotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "PII_REQUEST_NOT_FOUND",
         *       "message": "No PII request with this id"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /**
     * @description `EVIDENCE_NOT_FOUND`: the request has no evidence under this name;
     *     `PII_REQUEST_NOT_FOUND`: no PII request has this id.
     */
    EvidenceNotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "EVIDENCE_NOT_FOUND",
         *       "message": "This PII request has no evidence named idDocumentBack"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /**
     * @description The pass's state forbids the change (see the pass lifecycle): `PASS_EXISTS` (issuing
     *     while the wallet holds a pass), `PASS_REVOKED` (any change to, or new issue after, a
     *     revoked pass), `INVALID_STATE_TRANSITION` (a change the current state does not allow).
     */
    PassConflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "PASS_REVOKED",
         *       "message": "The pass was revoked; it cannot be changed or issued again"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /**
     * @description `PII_ALREADY_DECIDED`: a decision was recorded already; `PII_NOT_READY`: the request
     *     has not reached `verification-success`.
     */
    PiiConflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "PII_ALREADY_DECIDED",
         *       "message": "This PII request was decided already"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description `RATE_LIMITED`: too many requests; wait as long as `Retry-After` says. */
    TooManyRequests: {
      headers: {
        'Retry-After': components['headers']['RetryAfter'];
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "RATE_LIMITED",
         *       "message": "Too many requests; retry in 30 seconds"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description `INTERNAL`: a fault of the server. Whether a change was made is unknown. */
    InternalError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "INTERNAL",
         *       "message": "Internal error"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
    /** @description `UNAVAILABLE`: the service cannot answer for a while; retry later. */
    Unavailable: {
      headers: {
        /** @description How many seconds to wait before retrying, when the server knows. */
        'Retry-After'?: number;
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "code": "UNAVAILABLE",
         *       "message": "Service unavailable; retry later"
         *     }
         */
        'application/json': components['schemas']['ErrorBody'];
      };
    };
  };
  parameters: {
    /**
     * @description The chain's programming model.
     * @example ethereum
     */
    ChainParam: components['schemas']['Chain'];
    /**
     * @description The network of that chain; it must belong to the chain (see `Chain`).
     * @example sepolia
     */
    ChainNetworkParam: components['schemas']['ChainNetwork'];
    /**
     * @description The address of the wallet holding the pass.
     * @example 0xEA5Ce8F9C81b681876DC713d33371c3E262A5888
     */
    WalletParam: components['schemas']['WalletAddress'];
    /**
     * @description The id Civic gave you for the user's submission of personal data.
     * @example 9a7a77af-a58e-4e54-83c9-5daa96ccbf11
     */
    ScopeRequestIdParam: string;
  };
  requestBodies: never;
  headers: {
    /** @description How many seconds to wait before sending the request again. */
    RetryAfter: number;
    /** @description The authentication scheme the API expects, `Bearer` (RFC 6750). */
    WwwAuthenticate: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listPass: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ListPassRequest'];
      };
    };
    responses: {
      /** @description One page of passes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ListPassResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['RouteNotFound'];
      422: components['responses']['Unprocessable'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  issuePass: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The chain's programming model.
         * @example ethereum
         */
        chain: components['parameters']['ChainParam'];
        /**
         * @description The network of that chain; it must belong to the chain (see `Chain`).
         * @example sepolia
         */
        chainNetwork: components['parameters']['ChainNetworkParam'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IssuePassRequest'];
      };
    };
    responses: {
      /** @description Issuance accepted; the pass is pending confirmation on chain. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "6748a1c0e4b0a1f2c3d4e5f6",
           *       "chain": {
           *         "type": "ethereum",
           *         "network": "sepolia"
           *       },
           *       "gatekeeperNetwork": "tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf",
           *       "walletAddress": "0xEA5Ce8F9C81b681876DC713d33371c3E262A5888",
           *       "state": "REQUESTED",
           *       "onChainState": "ACTIVE",
           *       "events": [
           *         {
           *           "eventType": "TOKEN_ISSUED_INITIATED",
           *           "timestamp": 1732780800,
           *           "transaction": {
           *             "identifier": "0x5d3c4f1b8a7e6d9c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c",
           *             "status": "sent"
           *           }
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Pass'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['RouteNotFound'];
      409: components['responses']['PassConflict'];
      422: components['responses']['Unprocessable'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getPass: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The chain's programming model.
         * @example ethereum
         */
        chain: components['parameters']['ChainParam'];
        /**
         * @description The network of that chain; it must belong to the chain (see `Chain`).
         * @example sepolia
         */
        chainNetwork: components['parameters']['ChainNetworkParam'];
        /**
         * @description The address of the wallet holding the pass.
         * @example 0xEA5Ce8F9C81b681876DC713d33371c3E262A5888
         */
        wallet: components['parameters']['WalletParam'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The wallet's pass. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Pass'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['PassNotFound'];
      422: components['responses']['Unprocessable'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  deletePass: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The chain's programming model.
         * @example ethereum
         */
        chain: components['parameters']['ChainParam'];
        /**
         * @description The network of that chain; it must belong to the chain (see `Chain`).
         * @example sepolia
         */
        chainNetwork: components['parameters']['ChainNetworkParam'];
        /**
         * @description The address of the wallet holding the pass.
         * @example 0xEA5Ce8F9C81b681876DC713d33371c3E262A5888
         */
        wallet: components['parameters']['WalletParam'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revocation accepted; it completes on chain later. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['PassNotFound'];
      409: components['responses']['PassConflict'];
      422: components['responses']['Unprocessable'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  patchPass: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The chain's programming model.
         * @example ethereum
         */
        chain: components['parameters']['ChainParam'];
        /**
         * @description The network of that chain; it must belong to the chain (see `Chain`).
         * @example sepolia
         */
        chainNetwork: components['parameters']['ChainNetworkParam'];
        /**
         * @description The address of the wallet holding the pass.
         * @example 0xEA5Ce8F9C81b681876DC713d33371c3E262A5888
         */
        wallet: components['parameters']['WalletParam'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePassRequest'];
      };
    };
    responses: {
      /** @description The change was accepted. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpdatePassResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['PassNotFound'];
      409: components['responses']['PassConflict'];
      422: components['responses']['Unprocessable'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getPii: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The id Civic gave you for the user's submission of personal data.
         * @example 9a7a77af-a58e-4e54-83c9-5daa96ccbf11
         */
        scopeRequestId: components['parameters']['ScopeRequestIdParam'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The PII request. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PiiRequest'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['PiiRequestNotFound'];
      422: components['responses']['Unprocessable'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  updatePiiReceipt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The id Civic gave you for the user's submission of personal data.
         * @example 9a7a77af-a58e-4e54-83c9-5daa96ccbf11
         */
        scopeRequestId: components['parameters']['ScopeRequestIdParam'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePiiReceiptRequest'];
      };
    };
    responses: {
      /** @description The decision was recorded. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['PiiRequestNotFound'];
      409: components['responses']['PiiConflict'];
      422: components['responses']['Unprocessable'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
  getPiiEvidence: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The id Civic gave you for the user's submission of personal data.
         * @example 9a7a77af-a58e-4e54-83c9-5daa96ccbf11
         */
        scopeRequestId: components['parameters']['ScopeRequestIdParam'];
        /**
         * @description Which piece of evidence to fetch, as named by the `rel` of a link in the PII request.
         * @example idDocumentFront
         */
        rel: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The evidence file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': components['schemas']['EvidenceFile'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['EvidenceNotFound'];
      422: components['responses']['Unprocessable'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalError'];
      503: components['responses']['Unavailable'];
    };
  };
}
