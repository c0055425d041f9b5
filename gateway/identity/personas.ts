// Development personas: one typical caller per role, for `npm run token -- <persona>`.
//
// Claims follow the domain's token shape: `sub`, `agency` (treasury | defense | cyber |
// partner), `scope` (space-separated), `clearance` (unclassified < cui < secret < top_secret),
// and for partners `org` and `sector` (a critical-infrastructure sector code).
//
// Scopes the schema uses, and what each one grants:
//   treasury:read       Treasury's records: model intake details, partners, early-access grants,
//                       financial-stability assessments, developer contacts and commercial terms
//   treasury:write      changes to those records
//   defense:read        Defense's national-security assessments (unclassified parts)
//   defense:write       changes to those assessments
//   defense:classified  classified findings (together with a secret clearance)
//   cyber:read          the cyber office's sectors, vulnerabilities, infrastructure-impact assessments
//   cyber:write         changes to those records
//   partner:read        what a trusted partner may read: models it holds an early-access grant for
//   audit:read          the audit trail of accesses to protected data
//
// A partner's `org` is its partner id: the seed data's partners must use the same ids.
import type { Agency, Clearance } from './caller';

// A type alias rather than an interface, so that it is assignable to Record<string, unknown>.
export type PersonaClaims = {
  readonly sub: string;
  readonly agency?: Agency;
  readonly scope: string;
  readonly clearance: Clearance;
  readonly org?: string;
  readonly sector?: string;
};

export interface Persona {
  readonly description: string;
  readonly claims: PersonaClaims;
}

export const PERSONAS: Readonly<Record<string, Persona>> = {
  'treasury-analyst': {
    description: 'AI cybersecurity hub analyst at Treasury: model intake, partners, grants, financial-stability assessments',
    claims: { sub: 'dev:treasury-analyst', agency: 'treasury', scope: 'treasury:read treasury:write', clearance: 'cui' },
  },
  'defense-analyst': {
    description: 'Defense national-security assessor with a secret clearance: sees classified findings',
    claims: {
      sub: 'dev:defense-analyst',
      agency: 'defense',
      scope: 'defense:read defense:write defense:classified',
      clearance: 'secret',
    },
  },
  'defense-senior-analyst': {
    description: 'Defense national-security assessor with a top-secret clearance: sees every classified finding',
    claims: {
      sub: 'dev:defense-senior-analyst',
      agency: 'defense',
      scope: 'defense:read defense:write defense:classified',
      clearance: 'top_secret',
    },
  },
  'cyber-analyst': {
    description: 'National cyber office analyst: sectors, vulnerabilities (with exploit details), infrastructure impact',
    claims: { sub: 'dev:cyber-analyst', agency: 'cyber', scope: 'cyber:read cyber:write', clearance: 'cui' },
  },
  'energy-partner': {
    description: 'Trusted partner, an electric utility in the energy sector: reads only models it holds a grant for',
    claims: {
      sub: 'dev:energy-partner',
      agency: 'partner',
      scope: 'partner:read',
      clearance: 'unclassified',
      org: 'partner-gridline-energy',
      sector: 'ENERGY',
    },
  },
  'bank-partner': {
    description: 'Trusted partner, a bank in the financial-services sector: a second sector to compare with',
    claims: {
      sub: 'dev:bank-partner',
      agency: 'partner',
      scope: 'partner:read',
      clearance: 'unclassified',
      org: 'partner-harbor-bank',
      sector: 'FINANCIAL_SERVICES',
    },
  },
  auditor: {
    description: 'Oversight auditor: reads every agency\'s unclassified records and the audit trail, changes nothing',
    claims: {
      sub: 'dev:auditor',
      scope: 'treasury:read defense:read cyber:read audit:read',
      clearance: 'cui',
    },
  },
};

export function findPersona(name: string): Persona | undefined {
  return Object.hasOwn(PERSONAS, name) ? PERSONAS[name] : undefined;
}
