// The shapes that the authorization layer hands to the rest of the gateway.
import type { ASTNode, DocumentNode } from 'graphql';

/**
 * What one schema element (type or field) requires, read from the supergraph.
 * `scopes` and `policies` are in disjunctive normal form: the outer list is OR, each
 * inner list is AND. An empty outer list means "no requirement" (as Apollo Router reads it).
 */
export interface Requirement {
  readonly authenticated: boolean;
  readonly scopes: ReadonlyArray<ReadonlyArray<string>>;
  readonly policies: ReadonlyArray<ReadonlyArray<string>>;
}

/** What the caller holds, restricted to what the operation involves. */
export interface AccessContext {
  readonly authenticated: boolean;
  /** Granted scopes that the operation mentions. */
  readonly scopes: ReadonlySet<string>;
  /** Policies that the operation mentions and that the policy engine granted. */
  readonly policies: ReadonlySet<string>;
}

/** One selection removed from the operation, and why. */
export interface Denial {
  /** Schema coordinate that failed: `Type.field`, or `Type` for a fragment on an unauthorized type. */
  readonly coordinate: string;
  /**
   * Where the removed selection sits in the response, by response keys (aliases, not field
   * names), without list indices and without fragment segments. `[]` = the whole operation.
   */
  readonly responsePath: ReadonlyArray<string>;
  /** The requirement that was not met, printed as the directive a reader would recognise. */
  readonly rule: string;
  /** The removed node of the ORIGINAL document (Field, InlineFragment, FragmentSpread or OperationDefinition). */
  readonly node: ASTNode;
}

export interface FilterResult {
  /** The document to plan, or null when nothing the caller may read is left. */
  readonly document: DocumentNode | null;
  readonly denials: ReadonlyArray<Denial>;
  /**
   * Nodes of the original document that were removed (identity set over `denials[].node` and silent
   * removals), including fragment and variable definitions that only removed selections used.
   */
  readonly removed: ReadonlySet<ASTNode>;
}

/** What an operation may be judged against, found before the filter runs (see analyzeOperation). */
export interface OperationAnalysis {
  /** Some requirement the operation may meet is `@authenticated`. */
  readonly authenticated: boolean;
  /** Every scope named by a requirement the operation may meet. */
  readonly scopes: ReadonlySet<string>;
  /** Every policy named by a requirement the operation may meet: the ones to ask the policy engine about. */
  readonly policies: ReadonlySet<string>;
}
