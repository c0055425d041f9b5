// Defense in depth: a subgraph enforces the access rules of its own schema on every field it
// resolves, so that a request reaching it without the gateway's filtering (a bug, a misrouted
// call, direct access in development) still cannot read a protected field. A field needs its
// own rule, its parent type's and its return type's, as at the gateway.
import { defaultFieldResolver, getNamedType, GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';
import { andRequirements, dnfSatisfied, hasRequirement, NO_REQUIREMENT } from '../../../gateway/authorization/requirement';
import { describeRequirement } from '../../../gateway/authorization/describe-requirement';
import type { PolicyEngine } from '../../../gateway/authorization/policies/engine';
import type { Requirement } from '../../../gateway/authorization/types';
import type { SubgraphContext } from '../context';
import type { SubgraphRules } from './subgraph-rules';

/** Fields every caller may use: the subgraph's SDL is the public schema. */
const PUBLIC_FIELDS = new Set(['Query._service']);

function unauthorized(coordinate: string, requirement: Requirement): GraphQLError {
  return new GraphQLError('Unauthorized field or type', {
    extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE', coordinate, rule: describeRequirement(requirement) },
  });
}

/** Whether the caller of this request meets `requirement`; policy decisions are made once per request. */
function meets(requirement: Requirement, ctx: SubgraphContext, policies: PolicyEngine): boolean {
  const { caller } = ctx;
  if (requirement.authenticated && !caller) return false;
  if (!dnfSatisfied(requirement.scopes, caller?.scopes ?? new Set())) return false;
  if (requirement.policies.length === 0) return true;
  const undecided = requirement.policies.flat().filter((name) => !ctx.policyDecisions.has(name));
  if (undecided.length) {
    const granted = policies.evaluate(undecided, { caller, now: new Date(), request: { variables: {} } });
    for (const name of undecided) ctx.policyDecisions.set(name, granted.has(name));
  }
  return requirement.policies.some((conjunct) => conjunct.every((name) => ctx.policyDecisions.get(name) === true));
}

/** Wraps the resolver of every protected field of `schema` in place. */
export function enforceAccess(schema: GraphQLSchema, rules: SubgraphRules, policies: PolicyEngine): void {
  const ruleOf = (coordinate: string) => rules.own.get(coordinate) ?? NO_REQUIREMENT;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (PUBLIC_FIELDS.has(coordinate)) continue;
      const requirement = andRequirements(
        andRequirements(ruleOf(coordinate), ruleOf(type.name)),
        ruleOf(getNamedType(field.type).name),
      );
      if (!hasRequirement(requirement)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx: SubgraphContext, info) => {
        if (!meets(requirement, ctx, policies)) throw unauthorized(coordinate, requirement);
        return resolve(source, args, ctx, info);
      };
    }
  }
}
