// The access rules the three agencies declare in their schemas, written once so that every
// subgraph states them in the same words. They compose into the supergraph, where the gateway
// enforces them before planning; each subgraph enforces them again on its own fields.
//
// Scopes: <agency>:read and <agency>:write for each agency's records, defense:classified for
// classified findings, partner:read for trusted partners, audit:read for the audit trail.
// Policies (decided by the gateway's policy engine): clearance:<level>, agency:<agency>,
// sector-lead-agency, sector-partner, agreement:<id>.

/** Everything needs an authenticated caller: anonymous callers see nothing but the schema. */
export const AUTHENTICATED = '@authenticated';

/** Analysts of any of the three agencies (not partners): assessments are shared between agencies. */
export const AGENCY_ANALYSTS = '@requiresScopes(scopes: [["treasury:read"], ["defense:read"], ["cyber:read"]])';

/** Agency analysts and trusted partners (partners' rows are narrowed further in the subgraph). */
export const ANALYSTS_AND_PARTNERS =
  '@requiresScopes(scopes: [["treasury:read"], ["defense:read"], ["cyber:read"], ["partner:read"]])';

/** Treasury's own business: developer contacts, commercial terms. */
export const TREASURY_ONLY = ['@requiresScopes(scopes: [["treasury:read"]])', '@policy(policies: [["agency:treasury"]])'];

/** The trusted-partner programme: Treasury, and partners for their own records (a row filter in treasury). */
export const PARTNER_PROGRAMME = '@requiresScopes(scopes: [["treasury:read"], ["partner:read"]])';

/** Defense's assessments: Defense, or an agency under an active data-sharing agreement with Defense. */
export const DEFENSE_OR_AGREEMENT = '@policy(policies: [["agency:defense"], ["agreement:defense-risk-sharing"]])';

/** Classified findings: Defense's classified scope and at least a secret clearance. */
export const CLASSIFIED = ['@requiresScopes(scopes: [["defense:classified"]])', '@policy(policies: [["clearance:secret"]])'];

/**
 * Exploit details are need-to-know: the cyber office, the lead agency of the sector concerned,
 * or a partner in that sector with an active grant. The gateway decides the policies from the
 * claims; the cyber subgraph checks the row (which sector, which grant).
 */
export const NEED_TO_KNOW = '@policy(policies: [["agency:cyber"], ["sector-lead-agency"], ["sector-partner"]])';

/** Writes: the agency's write scope, and the caller must belong to that agency. */
export function writeAccess(agency: 'treasury' | 'defense' | 'cyber'): string[] {
  return [`@requiresScopes(scopes: [["${agency}:write"]])`, `@policy(policies: [["agency:${agency}"]])`];
}

/** A classification marking; the gateway reports the highest one a response carries. */
export function classification(level: 'CUI' | 'SECRET' | 'TOP_SECRET'): string {
  return `@classification(level: "${level}")`;
}
