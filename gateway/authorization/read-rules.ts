// Reads the authorization rules and classification markings from a supergraph's SDL.
import {
  GraphQLError,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type TypeNode,
} from 'graphql';
import { higherClassification, isClassificationLevel, type ClassificationLevel } from './classification';
import { AuthorizationError } from './errors';
import { assertNoArguments, readDnfArgument, readStringArgument } from './requirement-arguments';
import { andRequirements, hasRequirement, NO_REQUIREMENT } from './requirement';
import { AuthorizationRules } from './rules';
import { sanitizeSupergraphSdl } from './sanitize-supergraph';
import { readSpecLinks, resolveLinkedDirectiveNames, type LinkedDirectiveNames } from './spec-links';
import type { Requirement } from './types';

export interface ReadRulesResult {
  readonly rules: AuthorizationRules;
  /** The same supergraph without `for: SECURITY` on the authorization links, for `Supergraph.build`. */
  readonly sanitizedSupergraphSdl: string;
}

function parseSupergraph(supergraphSdl: string): DocumentNode {
  try {
    return parse(supergraphSdl);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : String(error);
    throw new AuthorizationError('INVALID_SUPERGRAPH', `the supergraph does not parse: ${message}`);
  }
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** Reads the directives of one schema element into the maps being built. */
class RulesBuilder {
  readonly typeRequirements = new Map<string, Requirement>();
  readonly fieldRequirements = new Map<string, Requirement>();
  readonly classifications = new Map<string, ClassificationLevel>();
  readonly possibleTypes = new Map<string, string[]>();
  readonly fieldTypes = new Map<string, string>();
  private readonly allNames: ReadonlySet<string>;
  private readonly classificationNames: ReadonlySet<string>;

  constructor(private readonly names: LinkedDirectiveNames) {
    const linked = (list: Array<string | null>) => new Set(list.filter((name): name is string => name !== null));
    this.allNames = linked([names.authenticated, names.requiresScopes, names.policy, names.classification]);
    this.classificationNames = linked([names.classification]);
  }

  private requirementOf(directives: readonly ConstDirectiveNode[], where: string): Requirement {
    let requirement = NO_REQUIREMENT;
    for (const directive of directives) {
      const name = directive.name.value;
      let found: Requirement | null = null;
      if (name === this.names.authenticated) {
        assertNoArguments(directive, where);
        found = { authenticated: true, scopes: [], policies: [] };
      } else if (name === this.names.requiresScopes) {
        found = { authenticated: false, scopes: readDnfArgument(directive, 'scopes', where), policies: [] };
      } else if (name === this.names.policy) {
        found = { authenticated: false, scopes: [], policies: readDnfArgument(directive, 'policies', where) };
      }
      // Several directives on one element (or a type and its extensions) must all hold.
      if (found !== null) requirement = andRequirements(requirement, found);
    }
    return requirement;
  }

  private classificationOf(directives: readonly ConstDirectiveNode[], where: string): ClassificationLevel | null {
    let level: ClassificationLevel | null = null;
    for (const directive of directives) {
      if (directive.name.value !== this.names.classification) continue;
      const written = readStringArgument(directive, 'level', where);
      if (!isClassificationLevel(written)) {
        throw new AuthorizationError(
          'INVALID_DIRECTIVE_ARGUMENT',
          `@${directive.name.value} on ${where}: unknown level "${written}" (expected UNCLASSIFIED, CUI, SECRET or TOP_SECRET)`,
        );
      }
      level = level === null ? written : higherClassification(level, written);
    }
    return level;
  }

  /** Directives where they cannot mean anything are refused, not ignored. */
  private refuse(directives: readonly ConstDirectiveNode[] | undefined, refused: ReadonlySet<string>, where: string): void {
    const found = (directives ?? []).find((directive) => refused.has(directive.name.value));
    if (found) throw new AuthorizationError('MISPLACED_DIRECTIVE', `@${found.name.value} cannot be applied to ${where}`);
  }

  private refuseAll(directives: readonly ConstDirectiveNode[] | undefined, where: string): void {
    this.refuse(directives, this.allNames, where);
  }

  /** `@classification` is declared `on FIELD_DEFINITION | OBJECT`. */
  private refuseClassification(directives: readonly ConstDirectiveNode[] | undefined, where: string): void {
    this.refuse(directives, this.classificationNames, where);
  }

  addTypeRequirement(typeName: string, directives: readonly ConstDirectiveNode[] | undefined): void {
    const requirement = this.requirementOf(directives ?? [], typeName);
    if (!hasRequirement(requirement)) return;
    this.typeRequirements.set(typeName, andRequirements(this.typeRequirements.get(typeName) ?? NO_REQUIREMENT, requirement));
  }

  addClassification(coordinate: string, directives: readonly ConstDirectiveNode[] | undefined): void {
    const level = this.classificationOf(directives ?? [], coordinate);
    if (level === null) return;
    const previous = this.classifications.get(coordinate);
    this.classifications.set(coordinate, previous === undefined ? level : higherClassification(previous, level));
  }

  addField(typeName: string, field: FieldDefinitionNode): void {
    const coordinate = `${typeName}.${field.name.value}`;
    this.fieldTypes.set(coordinate, namedType(field.type));
    const requirement = this.requirementOf(field.directives ?? [], coordinate);
    if (hasRequirement(requirement)) {
      this.fieldRequirements.set(coordinate, andRequirements(this.fieldRequirements.get(coordinate) ?? NO_REQUIREMENT, requirement));
    }
    this.addClassification(coordinate, field.directives);
    for (const arg of field.arguments ?? []) this.refuseAll(arg.directives, `argument ${coordinate}(${arg.name.value}:)`);
  }

  addPossibleType(abstractName: string, objectName: string): void {
    const list = this.possibleTypes.get(abstractName) ?? [];
    if (!list.includes(objectName)) list.push(objectName);
    this.possibleTypes.set(abstractName, list);
  }

  addDefinition(definition: DefinitionNode): void {
    switch (definition.kind) {
      case Kind.SCHEMA_DEFINITION:
      case Kind.SCHEMA_EXTENSION:
        this.refuseAll(definition.directives, 'the schema');
        return;
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION: {
        const name = definition.name.value;
        this.addTypeRequirement(name, definition.directives);
        this.addClassification(name, definition.directives);
        for (const field of definition.fields ?? []) this.addField(name, field);
        for (const implemented of definition.interfaces ?? []) this.addPossibleType(implemented.name.value, name);
        return;
      }
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION: {
        const name = definition.name.value;
        this.refuseClassification(definition.directives, `interface ${name}`);
        this.addTypeRequirement(name, definition.directives);
        for (const field of definition.fields ?? []) this.addField(name, field);
        return;
      }
      case Kind.UNION_TYPE_DEFINITION:
      case Kind.UNION_TYPE_EXTENSION: {
        const name = definition.name.value;
        // Not a location of these directives; a union's members are judged through fragments.
        this.refuseAll(definition.directives, `union ${name}`);
        for (const member of definition.types ?? []) this.addPossibleType(name, member.name.value);
        return;
      }
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
        this.refuseClassification(definition.directives, `scalar ${definition.name.value}`);
        this.addTypeRequirement(definition.name.value, definition.directives);
        return;
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION: {
        const name = definition.name.value;
        this.refuseClassification(definition.directives, `enum ${name}`);
        this.addTypeRequirement(name, definition.directives);
        for (const value of definition.values ?? []) this.refuseAll(value.directives, `enum value ${name}.${value.name.value}`);
        return;
      }
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION: {
        const name = definition.name.value;
        this.refuseAll(definition.directives, `input type ${name}`);
        for (const field of definition.fields ?? []) this.refuseAll(field.directives, `input field ${name}.${field.name.value}`);
        return;
      }
      default:
        return;
    }
  }
}

/**
 * Reads what every type and field of the supergraph requires (`@authenticated`,
 * `@requiresScopes`, `@policy`, recognised through their `@link`s) and how it is classified
 * (`@classification`), and returns the supergraph text that `@apollo/gateway` accepts.
 * Throws AuthorizationError when the rules cannot be read exactly.
 */
export function readAuthorizationRules(supergraphSdl: string): ReadRulesResult {
  const document = parseSupergraph(supergraphSdl);
  const links = readSpecLinks(document);
  const builder = new RulesBuilder(resolveLinkedDirectiveNames(links));
  for (const definition of document.definitions) builder.addDefinition(definition);
  const rules = new AuthorizationRules({
    typeRequirements: builder.typeRequirements,
    fieldRequirements: builder.fieldRequirements,
    classifications: builder.classifications,
    possibleTypes: builder.possibleTypes,
    fieldTypes: builder.fieldTypes,
  });
  return { rules, sanitizedSupergraphSdl: sanitizeSupergraphSdl(supergraphSdl, links) };
}
