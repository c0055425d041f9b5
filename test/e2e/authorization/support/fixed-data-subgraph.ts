// Turns a subgraph's SDL into a running schema whose resolvers serve fixed data: root fields from
// a table of answers, entities by key from a table per type, everything else read off the objects
// (which hold every field, whichever subgraph owns it, so all subgraphs tell the same story).
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';

export type RootAnswer = (args: Record<string, unknown>) => unknown;

export interface FixedData {
  /** Answers of root fields (Query and Mutation), by field name. */
  readonly root: Readonly<Record<string, RootAnswer>>;
  /** Entities by type name, then by the value of their `id` key. */
  readonly entities: Readonly<Record<string, Readonly<Record<string, object>>>>;
}

interface ResolverMap {
  [typeName: string]: Record<string, unknown>;
}

function resolversFor(document: DocumentNode, data: FixedData): ResolverMap {
  const resolvers: ResolverMap = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
        definition.kind !== Kind.INTERFACE_TYPE_DEFINITION && definition.kind !== Kind.UNION_TYPE_DEFINITION) {
      continue;
    }
    const name = definition.name.value;
    const own = (resolvers[name] ??= {});
    if (definition.kind === Kind.INTERFACE_TYPE_DEFINITION || definition.kind === Kind.UNION_TYPE_DEFINITION) {
      own.__resolveType = (value: { __typename?: string }) => value.__typename;
      continue;
    }
    if (name === 'Query' || name === 'Mutation') {
      for (const field of definition.fields ?? []) {
        const answer = data.root[field.name.value];
        if (answer) own[field.name.value] = (_: unknown, args: Record<string, unknown>) => answer(args);
      }
      continue;
    }
    if (definition.directives?.some((directive) => directive.name.value === 'key')) {
      own.__resolveReference = (reference: { id?: unknown }) => {
        const entity = data.entities[name]?.[String(reference.id)];
        return entity ? { ...reference, ...entity } : null;
      };
    }
  }
  return resolvers;
}

export function fixedDataSubgraph(sdl: string, data: FixedData): GraphQLSchema {
  const document = parse(sdl);
  return buildSubgraphSchema({ typeDefs: document, resolvers: resolversFor(document, data) as never });
}
