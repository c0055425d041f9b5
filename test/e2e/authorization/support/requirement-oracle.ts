// An oracle for "may this caller read this field?", written apart from the gateway's own
// authorization code: it reads @authenticated, @requiresScopes and @policy straight off the
// supergraph SDL's directive applications, decides the policies from the claims by itself, and
// judges a field of a concrete object type by its own rules, its type's and its return type's.
import { readFileSync } from 'node:fs';
import { Kind, parse, type ConstDirectiveNode, type ConstValueNode, type TypeNode } from 'graphql';

const SPECS: Readonly<Record<string, string>> = {
  authenticated: 'https://specs.apollo.dev/authenticated/v0.1',
  requiresScopes: 'https://specs.apollo.dev/requiresScopes/v0.1',
  policy: 'https://specs.apollo.dev/policy/v0.1',
};

const CLEARANCES = ['unclassified', 'cui', 'secret', 'top_secret'];
const SECTOR_LEAD_AGENCIES = new Set(['treasury', 'defense']);

/** One directive application: all of an element's conditions must hold. */
type Condition = { readonly kind: 'authenticated' } | { readonly kind: 'scopes' | 'policies'; readonly anyOf: readonly (readonly string[])[] };

export interface OracleCaller {
  readonly authenticated: boolean;
  readonly scopes: ReadonlySet<string>;
  /** Whether the caller holds a policy, decided from the claims. */
  holds(policy: string): boolean;
}

interface Agreement {
  readonly id: string;
  readonly sharesWith: readonly string[];
  readonly starts: string;
  readonly ends: string;
}

/** `[[T]]` with GraphQL input coercion: a lone value counts as a list of one. */
function dnf(value: ConstValueNode): string[][] {
  const list = (node: ConstValueNode): readonly ConstValueNode[] => (node.kind === Kind.LIST ? node.values : [node]);
  return list(value).map((inner) =>
    list(inner).map((item) => {
      if (item.kind !== Kind.STRING) throw new Error(`oracle: expected a string, found ${item.kind}`);
      return item.value;
    }),
  );
}

function conditionOf(directive: ConstDirectiveNode): Condition | null {
  const argument = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
  switch (directive.name.value) {
    case 'authenticated':
      return { kind: 'authenticated' };
    case 'requiresScopes':
      return { kind: 'scopes', anyOf: dnf(argument('scopes')!) };
    case 'policy':
      return { kind: 'policies', anyOf: dnf(argument('policies')!) };
    default:
      return null;
  }
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

export class RequirementOracle {
  private readonly conditions = new Map<string, Condition[]>();
  private readonly fieldTypes = new Map<string, string>();

  constructor(supergraphSdl: string) {
    const document = parse(supergraphSdl);
    // The oracle knows the directives by their default names only: refuse a supergraph that renames them.
    const links = document.definitions.flatMap((d) => (d.kind === Kind.SCHEMA_DEFINITION ? (d.directives ?? []) : []));
    for (const url of Object.values(SPECS)) {
      const link = links.find((l) => l.arguments?.some((a) => a.name.value === 'url' && a.value.kind === Kind.STRING && a.value.value === url));
      if (!link) throw new Error(`oracle: the supergraph does not link ${url}`);
      if (link.arguments?.some((a) => a.name.value === 'as' || a.name.value === 'import')) throw new Error(`oracle: ${url} is renamed`);
    }
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
      const typeName = definition.name.value;
      this.add(typeName, definition.directives);
      for (const field of definition.fields ?? []) {
        this.add(`${typeName}.${field.name.value}`, field.directives);
        this.fieldTypes.set(`${typeName}.${field.name.value}`, namedType(field.type));
      }
    }
  }

  private add(coordinate: string, directives: readonly ConstDirectiveNode[] | undefined): void {
    const found = (directives ?? []).map(conditionOf).filter((c): c is Condition => c !== null);
    if (found.length) this.conditions.set(coordinate, [...(this.conditions.get(coordinate) ?? []), ...found]);
  }

  private meets(caller: OracleCaller, coordinate: string): boolean {
    return (this.conditions.get(coordinate) ?? []).every((condition) => {
      if (condition.kind === 'authenticated') return caller.authenticated;
      const held = (item: string) => (condition.kind === 'scopes' ? caller.scopes.has(item) : caller.holds(item));
      return condition.anyOf.length === 0 || condition.anyOf.some((all) => all.every(held));
    });
  }

  /** May `caller` read `field` of an object whose concrete type is `typeName`? */
  mayRead(caller: OracleCaller, typeName: string, field: string): boolean {
    const returned = this.fieldTypes.get(`${typeName}.${field}`);
    if (returned === undefined) throw new Error(`oracle: no field ${typeName}.${field} in the supergraph`);
    return this.meets(caller, typeName) && this.meets(caller, `${typeName}.${field}`) && this.meets(caller, returned);
  }
}

/** The caller the oracle sees for some claims (null: anonymous), with the agreements of `agreementsFile` in force at `now`. */
export function oracleCaller(claims: Record<string, unknown> | null, agreementsFile: string, now: Date): OracleCaller {
  const agreements = (JSON.parse(readFileSync(agreementsFile, 'utf8')) as { agreements: Agreement[] }).agreements;
  const agency = typeof claims?.agency === 'string' ? claims.agency : null;
  const clearance = CLEARANCES.indexOf(typeof claims?.clearance === 'string' ? claims.clearance : 'unclassified');
  const scope = claims?.scope;
  const scopes = new Set(typeof scope === 'string' ? scope.split(' ').filter(Boolean) : Array.isArray(scope) ? (scope as string[]) : []);
  const holds = (policy: string): boolean => {
    const [family, value] = policy.split(':', 2) as [string, string | undefined];
    if (family === 'agency') return agency === value;
    if (family === 'clearance') return value !== undefined && CLEARANCES.includes(value) && clearance >= CLEARANCES.indexOf(value);
    if (policy === 'sector-partner') return agency === 'partner' && typeof claims?.sector === 'string' && claims.sector !== '';
    if (policy === 'sector-lead-agency') return agency !== null && SECTOR_LEAD_AGENCIES.has(agency);
    if (family === 'agreement') {
      const agreement = agreements.find((a) => a.id === value);
      return (
        agreement !== undefined &&
        agency !== null &&
        agreement.sharesWith.includes(agency) &&
        Date.parse(agreement.starts) <= now.getTime() &&
        now.getTime() < Date.parse(agreement.ends)
      );
    }
    return false;
  };
  return { authenticated: claims !== null, scopes, holds };
}
