// Security findings between the current and the proposed supergraph: a type or field that some
// caller may read under the proposed rules but not under the current ones, and classification
// markings lowered. Each needs an explicit override to pass a check.
//
// A field is read under its own requirement AND its parent type's AND its return type's (as the
// gateway filters). A type whose own requirement weakens is one finding; its fields are reported
// only for what they lose beyond that, so one override covers one decision. Likewise a field
// whose marking only follows its type's lowered marking is covered by the type's finding.
import { getNamedType, isEnumType, isInterfaceType, isObjectType, isScalarType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import {
  CLASSIFICATION_LEVELS,
  describeRequirement,
  type AuthorizationRules,
  type ClassificationLevel,
  type Requirement,
} from '../../../gateway/authorization';
import { andRequirements } from '../../../gateway/authorization/requirement';
import { describeCaller, newlyAdmitted } from './requirement-implication';
import type { SupergraphSnapshot } from './supergraph-snapshot';

export type SecurityFindingKind = 'access-weakened' | 'classification-lowered';

export interface SecurityFinding {
  readonly kind: SecurityFindingKind;
  /** `Type` or `Type.field`: what `--accept-weaker-access` names to accept it. */
  readonly coordinate: string;
  /** The requirement (or marking) now and as proposed. */
  readonly current: string;
  readonly proposed: string;
  /** Who gains access (access-weakened only). */
  readonly newlyAdmitted?: string;
}

/** Types a requirement can sit on, present in both API schemas. */
function sharedTypes(current: GraphQLSchema, proposed: GraphQLSchema): Array<[GraphQLNamedType, GraphQLNamedType]> {
  const pairs: Array<[GraphQLNamedType, GraphQLNamedType]> = [];
  for (const type of Object.values(current.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!(isObjectType(type) || isInterfaceType(type) || isScalarType(type) || isEnumType(type))) continue;
    const next = proposed.getType(type.name);
    if (next) pairs.push([type, next]);
  }
  return pairs;
}

function lowered(current: ClassificationLevel, proposed: ClassificationLevel): boolean {
  return CLASSIFICATION_LEVELS.indexOf(proposed) < CLASSIFICATION_LEVELS.indexOf(current);
}

export function securityFindings(current: SupergraphSnapshot, proposed: SupergraphSnapshot): SecurityFinding[] {
  const findings: SecurityFinding[] = [];
  const weakenedTypes = new Set<string>();

  const compare = (coordinate: string, was: Requirement, now: Requirement, baseline: Requirement = was) => {
    const admitted = newlyAdmitted(baseline, now);
    if (admitted === null) return false;
    findings.push({
      kind: 'access-weakened',
      coordinate,
      current: describeRequirement(was),
      proposed: describeRequirement(now),
      newlyAdmitted: describeCaller(admitted),
    });
    return true;
  };
  const loweredTypes = new Set<string>();
  const compareClassification = (coordinate: string, typeName: string) => {
    const was = current.rules.classification(coordinate);
    const now = proposed.rules.classification(coordinate);
    if (!lowered(was, now)) return;
    if (coordinate === typeName) loweredTypes.add(typeName);
    else if (loweredTypes.has(typeName) && now === proposed.rules.classification(typeName)) return;
    findings.push({ kind: 'classification-lowered', coordinate, current: was, proposed: now });
  };

  const types = sharedTypes(current.apiSchema, proposed.apiSchema);
  for (const [type] of types) {
    if (compare(type.name, current.rules.typeRequirement(type.name), proposed.rules.typeRequirement(type.name))) {
      weakenedTypes.add(type.name);
    }
    compareClassification(type.name, type.name);
  }

  // A type's weakening, already reported, is the baseline for its fields and the fields returning it.
  const typeBaseline = (name: string) =>
    (weakenedTypes.has(name) ? proposed : current).rules.typeRequirement(name);
  for (const [type, next] of types) {
    if (!(isObjectType(type) || isInterfaceType(type)) || !(isObjectType(next) || isInterfaceType(next))) continue;
    const nextFields = next.getFields();
    for (const field of Object.values(type.getFields())) {
      const nextField = nextFields[field.name];
      if (!nextField) continue;
      const coordinate = `${type.name}.${field.name}`;
      const returned = getNamedType(field.type).name;
      const returnedNext = getNamedType(nextField.type).name;
      const effective = (rules: AuthorizationRules, returnType: string) =>
        andRequirements(
          andRequirements(rules.fieldRequirement(type.name, field.name), rules.typeRequirement(type.name)),
          rules.typeRequirement(returnType),
        );
      const baseline = andRequirements(
        andRequirements(current.rules.fieldRequirement(type.name, field.name), typeBaseline(type.name)),
        returned === returnedNext ? typeBaseline(returned) : current.rules.typeRequirement(returned),
      );
      compare(coordinate, effective(current.rules, returned), effective(proposed.rules, returnedNext), baseline);
      compareClassification(coordinate, type.name);
    }
  }
  return findings;
}
