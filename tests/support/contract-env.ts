/** What the contract project's globalSetup hands to its tests through `provide`/`inject`. */
export interface ContractEnvironment {
  /** Prism serving the spec's examples. */
  staticUrl: string;
  /** Prism generating bodies from the schemas with a fixed seed. */
  dynamicUrl: string;
  dynamicSeed: number;
  /** The local token endpoint, and the credentials it accepts. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    contract: ContractEnvironment;
  }
}
