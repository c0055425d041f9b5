// What an operation could be judged against: every scope and policy named by the requirements
// the filter may consult, and whether any of them is @authenticated. Unlike Apollo Router, this
// looks through interfaces to their implementing types (the Router's extraction does not, so a
// caller holding a scope that only an implementor field requires is filtered anyway).
//
// It runs for every request before the filter cache is consulted, so it is memoised per parsed
// document (the server's document cache hands back the same DocumentNode for the same text).
import {
  isAbstractType,
  isCompositeType,
  Kind,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { fieldChecks, possibleTypeChecks, typeChecks, type Check } from './checks';
import { AuthorizationError } from './errors';
import { fragmentsByName, selectedOperations } from './operation-parts';
import type { AuthorizationRules } from './rules';
import { compositeType, fieldReturnType, isMetaField, rootType } from './schema-lookup';
import type { OperationAnalysis } from './types';

const NOTHING: OperationAnalysis = Object.freeze({ authenticated: false, scopes: new Set<string>(), policies: new Set<string>() });

interface MemoEntry {
  readonly schema: GraphQLSchema;
  readonly rules: AuthorizationRules;
  readonly analysis: OperationAnalysis;
}

const memo = new WeakMap<DocumentNode, Map<string | undefined, MemoEntry>>();

function collect(schema: GraphQLSchema, rules: AuthorizationRules, document: DocumentNode, operationName?: string): OperationAnalysis {
  const fragments = fragmentsByName(document);
  const visitedFragments = new Set<string>();
  let authenticated = false;
  const scopes = new Set<string>();
  const policies = new Set<string>();

  const add = (checks: readonly Check[]) => {
    for (const { requirement } of checks) {
      authenticated ||= requirement.authenticated;
      for (const conjunct of requirement.scopes) for (const scope of conjunct) scopes.add(scope);
      for (const conjunct of requirement.policies) for (const policy of conjunct) policies.add(policy);
    }
  };
  const addTypeCondition = (type: GraphQLCompositeType) => {
    add(typeChecks(rules, type.name));
    if (isAbstractType(type)) add(possibleTypeChecks(rules, type.name));
  };
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (isMetaField(name)) continue;
        const returned = fieldReturnType(parent, name);
        add(fieldChecks(rules, parent.name, name, returned.name));
        if (isAbstractType(returned)) add(possibleTypeChecks(rules, returned.name));
        if (selection.selectionSet && isCompositeType(returned)) walk(selection.selectionSet, returned);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? compositeType(schema, selection.typeCondition.name.value) : parent;
        if (selection.typeCondition) addTypeCondition(type);
        walk(selection.selectionSet, type);
      } else {
        const name = selection.name.value;
        if (visitedFragments.has(name)) continue;
        visitedFragments.add(name);
        const fragment = fragments.get(name);
        if (!fragment) throw new AuthorizationError('INVALID_OPERATION', `unknown fragment "${name}"`);
        const type = compositeType(schema, fragment.typeCondition.name.value);
        addTypeCondition(type);
        walk(fragment.selectionSet, type);
      }
    }
  };

  for (const operation of selectedOperations(document, operationName)) {
    const root = rootType(schema, operation);
    add(typeChecks(rules, root.name));
    walk(operation.selectionSet, root);
  }
  return { authenticated, scopes, policies };
}

/**
 * The scopes and policies `operationName` (or, without a name, every operation of the
 * document) may be judged against, and whether it touches `@authenticated`.
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  rules: AuthorizationRules,
  document: DocumentNode,
  operationName?: string,
): OperationAnalysis {
  if (rules.isEmpty) return NOTHING;
  let byOperation = memo.get(document);
  const cached = byOperation?.get(operationName);
  if (cached && cached.schema === schema && cached.rules === rules) return cached.analysis;
  const analysis = collect(schema, rules, document, operationName);
  if (!byOperation) {
    byOperation = new Map();
    memo.set(document, byOperation);
  }
  byOperation.set(operationName, { schema, rules, analysis });
  return analysis;
}
