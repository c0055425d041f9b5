// The fixture's pipeline cases as runs against a gateway: each variant's operation, claims and
// configuration (variant fields override the case's), with the configuration translated into the
// gateway's flags and the claims into what a token carries.
import type { RouterCase } from '../../../gateway/authorization/support/router-cases';

export interface RouterClaims {
  readonly authenticated?: boolean;
  readonly jwt_claims?: unknown;
  readonly scopes?: readonly string[];
  readonly policies_granted?: readonly string[];
}

interface RouterConfig {
  readonly authorization?: {
    readonly require_authentication?: boolean;
    readonly directives?: {
      readonly reject_unauthorized?: boolean;
      readonly dry_run?: boolean;
      readonly errors?: { readonly response?: 'errors' | 'extensions' | 'disabled' };
    };
  };
}

export interface PipelineRun {
  /** The case id, and the variant's number when the case has several. */
  readonly name: string;
  readonly routerCase: RouterCase;
  readonly operation: string;
  readonly claims: RouterClaims;
  /** Gateway flags for the case's configuration (`loadGatewayConfig` names). */
  readonly flags: Readonly<Record<string, string | boolean>>;
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** The variant's `expected`, as the fixture writes it. */
  readonly expected: Readonly<Record<string, unknown>>;
}

interface CaseFields {
  readonly operation?: string;
  readonly claims?: RouterClaims;
  readonly config?: RouterConfig;
  readonly request_headers?: Record<string, string>;
  readonly expected?: Record<string, unknown>;
}

export function gatewayFlags(config: RouterConfig | undefined): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = {};
  const authorization = config?.authorization;
  if (authorization?.require_authentication) flags['require-authentication'] = true;
  const directives = authorization?.directives;
  // Reject wins over dry run, as in the Router (the check comes after the passes).
  if (directives?.dry_run) flags['authorization-mode'] = 'dry-run';
  if (directives?.reject_unauthorized) flags['authorization-mode'] = 'reject';
  if (directives?.errors?.response) flags['authorization-errors'] = directives.errors.response;
  return flags;
}

export function pipelineRuns(routerCase: RouterCase): PipelineRun[] {
  const base = routerCase as RouterCase & CaseFields;
  const variants = (routerCase.variants ?? [{}]) as CaseFields[];
  return variants.map((variant, index) => {
    const operation = variant.operation ?? base.operation;
    const expected = variant.expected ?? base.expected;
    if (operation === undefined || expected === undefined) throw new Error(`case ${routerCase.id} has a variant without operation or expectation`);
    return {
      name: variants.length > 1 ? `${routerCase.id} #${index + 1}` : routerCase.id,
      routerCase,
      operation,
      claims: variant.claims ?? base.claims ?? {},
      flags: gatewayFlags(variant.config ?? base.config),
      requestHeaders: variant.request_headers ?? base.request_headers ?? {},
      expected,
    };
  });
}

/** Claims of the token the run's caller sends; null: the caller sends none. */
export function tokenClaims(claims: RouterClaims): Record<string, unknown> | null {
  const scopes = claims.scopes ?? [];
  const policies = claims.policies_granted ?? [];
  if (!claims.authenticated && scopes.length === 0 && policies.length === 0) return null;
  return {
    sub: 'router-case-caller',
    ...(scopes.length ? { scope: scopes.join(' ') } : {}),
    ...(policies.length ? { granted_policies: [...policies] } : {}),
  };
}
