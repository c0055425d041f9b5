// The callers of the persona matrix: the development personas, an anonymous caller, and callers
// with exactly the claims a rule turns on (what a persona does not show on its own).
export type CallerClaims = Record<string, unknown>;

/** A persona name (gateway/identity/personas.ts), exact claims, or null for anonymous. */
export type Caller = string | CallerClaims | null;

export const CALLERS: Readonly<Record<string, Caller>> = {
  anonymous: null,
  'treasury-analyst': 'treasury-analyst',
  'defense-analyst': 'defense-analyst',
  'cyber-analyst': 'cyber-analyst',
  'energy-partner': 'energy-partner',
  'bank-partner': 'bank-partner',
  auditor: 'auditor',
  'defense analyst without defense:classified': {
    sub: 'test:defense-unclassified',
    agency: 'defense',
    scope: 'defense:read defense:write',
    clearance: 'secret',
  },
  'CUI-cleared defense analyst': {
    sub: 'test:defense-cui',
    agency: 'defense',
    scope: 'defense:read defense:write defense:classified',
    clearance: 'cui',
  },
  'top-secret defense analyst': {
    sub: 'test:defense-top-secret',
    agency: 'defense',
    scope: 'defense:read defense:write defense:classified',
    clearance: 'top_secret',
  },
  // Treasury's scopes without Treasury membership: the agency policy still says no.
  'defense analyst holding Treasury scopes': {
    sub: 'test:defense-with-treasury-scopes',
    agency: 'defense',
    scope: 'defense:read treasury:read treasury:write',
    clearance: 'secret',
  },
};

export type CallerName = keyof typeof CALLERS;
