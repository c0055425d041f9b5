// The verified identity of whoever sent a request. The gateway builds it from the client's
// token; each subgraph rebuilds it from the gateway's own token. `null` means anonymous.

export const AGENCIES = ['treasury', 'defense', 'cyber', 'partner'] as const;
export type Agency = (typeof AGENCIES)[number];

/** Ordered from lowest to highest: comparisons use the index. */
export const CLEARANCES = ['unclassified', 'cui', 'secret', 'top_secret'] as const;
export type Clearance = (typeof CLEARANCES)[number];

export interface Caller {
  /** `sub` claim. */
  readonly subject: string;
  /** `agency` claim; null when absent or not one of AGENCIES. */
  readonly agency: Agency | null;
  /** `scope` claim: a space-separated string or an array of strings. */
  readonly scopes: ReadonlySet<string>;
  /** `clearance` claim; `unclassified` when absent. */
  readonly clearance: Clearance;
  /** Partners only: their organisation id and critical-infrastructure sector code. */
  readonly org: string | null;
  readonly sector: string | null;
  /** The verified claims as they came, for policies that read other claims. */
  readonly claims: Readonly<Record<string, unknown>>;
}

export class ClaimsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimsError';
  }
}

function optionalString(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ClaimsError(`claim "${name}" must be a string`);
  return value;
}

function readScopes(value: unknown): Set<string> {
  if (value === undefined || value === null) return new Set();
  if (typeof value === 'string') return new Set(value.split(' ').filter((s) => s.length > 0));
  if (Array.isArray(value) && value.every((s) => typeof s === 'string')) {
    return new Set((value as string[]).filter((s) => s.length > 0));
  }
  throw new ClaimsError('claim "scope" must be a space-separated string or an array of strings');
}

/** Builds a Caller from claims whose signature was already verified. Throws ClaimsError on malformed claims. */
export function callerFromClaims(claims: Record<string, unknown>): Caller {
  const subject = optionalString(claims, 'sub');
  if (!subject) throw new ClaimsError('claim "sub" is required');
  const agency = optionalString(claims, 'agency');
  const clearance = optionalString(claims, 'clearance') ?? 'unclassified';
  if (!(CLEARANCES as readonly string[]).includes(clearance)) {
    throw new ClaimsError(`claim "clearance" must be one of ${CLEARANCES.join(', ')}`);
  }
  return {
    subject,
    agency: agency !== null && (AGENCIES as readonly string[]).includes(agency) ? (agency as Agency) : null,
    scopes: readScopes(claims.scope),
    clearance: clearance as Clearance,
    org: optionalString(claims, 'org'),
    sector: optionalString(claims, 'sector'),
    claims: Object.freeze({ ...claims }),
  };
}

export function clearanceAtLeast(caller: Caller | null, level: Clearance): boolean {
  if (!caller) return false;
  return CLEARANCES.indexOf(caller.clearance) >= CLEARANCES.indexOf(level);
}
