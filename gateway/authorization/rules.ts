// The authorization rules of one supergraph: what each type and field requires, its
// classification, and the shape facts (implementors, field types) the filter needs to judge
// abstract types. Built once per supergraph by readAuthorizationRules; read-only afterwards.
import { higherClassification, type ClassificationLevel } from './classification';
import { NO_REQUIREMENT } from './requirement';
import type { Requirement } from './types';

export interface RulesData {
  /** Type name -> its own requirement (only types that have one). */
  readonly typeRequirements: ReadonlyMap<string, Requirement>;
  /** `Type.field` -> the field's own requirement (only fields that have one). */
  readonly fieldRequirements: ReadonlyMap<string, Requirement>;
  /** Type name or `Type.field` -> the marking written on it. */
  readonly classifications: ReadonlyMap<string, ClassificationLevel>;
  /** Interface or union name -> the object types that can appear in its place. */
  readonly possibleTypes: ReadonlyMap<string, readonly string[]>;
  /** `Type.field` -> the named type it returns (lists and non-null unwrapped). */
  readonly fieldTypes: ReadonlyMap<string, string>;
}

function policiesOf(requirement: Requirement): string[] {
  return requirement.policies.flat();
}

export class AuthorizationRules {
  private readonly data: RulesData;
  private readonly policies: ReadonlySet<string>;
  private readonly coordinates: ReadonlySet<string>;

  constructor(data: RulesData) {
    this.data = data;
    const all = [...data.typeRequirements.values(), ...data.fieldRequirements.values()];
    this.policies = new Set(all.flatMap(policiesOf));
    this.coordinates = new Set([...data.typeRequirements.keys(), ...data.fieldRequirements.keys()]);
  }

  /** True when the supergraph declares no requirement at all: nothing to analyse or filter. */
  get isEmpty(): boolean {
    return this.coordinates.size === 0;
  }

  /** The type's own requirement. */
  typeRequirement(typeName: string): Requirement {
    return this.data.typeRequirements.get(typeName) ?? NO_REQUIREMENT;
  }

  /** The field's own requirement (not its type's, not its parent's). */
  fieldRequirement(typeName: string, fieldName: string): Requirement {
    return this.data.fieldRequirements.get(`${typeName}.${fieldName}`) ?? NO_REQUIREMENT;
  }

  /** Every policy name used anywhere, so that the gateway can report unknown ones at start-up. */
  policyNames(): ReadonlySet<string> {
    return this.policies;
  }

  /** Every `Type` and `Type.field` that carries a requirement of its own. */
  protectedCoordinates(): ReadonlySet<string> {
    return this.coordinates;
  }

  /** The classification of `Type` or `Type.field`: a field's is the higher of its own and its parent type's. */
  classification(coordinate: string): ClassificationLevel {
    const typeName = coordinate.split('.', 1)[0]!;
    const own = this.data.classifications.get(coordinate) ?? 'UNCLASSIFIED';
    const parent = this.data.classifications.get(typeName) ?? 'UNCLASSIFIED';
    return higherClassification(own, parent);
  }

  /** Object types that can stand in for an interface or union, as the supergraph declares them. */
  possibleTypes(typeName: string): readonly string[] {
    return this.data.possibleTypes.get(typeName) ?? [];
  }

  /** The named type `Type.field` returns in the supergraph, if the field exists there. */
  fieldTypeName(typeName: string, fieldName: string): string | undefined {
    return this.data.fieldTypes.get(`${typeName}.${fieldName}`);
  }
}
