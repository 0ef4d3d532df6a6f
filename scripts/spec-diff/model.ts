/**
 * The vocabulary of spec:diff: what a change is, and the two rules every schema comparison
 * follows. A request may only widen (accept more) and a response may only narrow (promise
 * less) without breaking a client that regenerates; everything else in the classifier is a
 * named exception to that, written where it is decided.
 */

/** Which side of the exchange a change touches: what the client sends, or what it must accept. */
export type Direction = 'request' | 'response' | 'both';
export type Severity = 'breaking' | 'non-breaking';

/** One classified difference between two versions of a spec. */
export interface Change {
  /** A stable name of the rule that classified it, e.g. `property-required`. */
  kind: string;
  /** Where: `issuePass request body.walletAddress`, `pass_auth clientCredentials tokenUrl`. */
  location: string;
  direction: Direction;
  severity: Severity;
  /** What changed and why that verdict, without the location. */
  message: string;
}

/** The whole verdict, as `--format json` prints it. */
export interface SpecDiffReport {
  breaking: boolean;
  changes: Change[];
}

/** Collects changes; one per call of `add`. */
export class Changes {
  readonly list: Change[] = [];

  add(
    kind: string,
    location: string,
    direction: Direction,
    severity: Severity,
    message: string,
  ): void {
    this.list.push({ kind, location, direction, severity, message });
  }
}

/**
 * The verdict on a change that lets more values through: fine for what the client sends (the
 * server accepts all it accepted before), breaking for what it receives (values its code and
 * types were promised it would never see).
 */
export const widening = (direction: 'request' | 'response'): Severity =>
  direction === 'request' ? 'non-breaking' : 'breaking';

/** The verdict on a change that lets fewer values through: the mirror of {@link widening}. */
export const narrowing = (direction: 'request' | 'response'): Severity =>
  direction === 'request' ? 'breaking' : 'non-breaking';

export type Node = Record<string, unknown>;

export const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asNode = (value: unknown): Node => (isNode(value) ? value : {});
export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
