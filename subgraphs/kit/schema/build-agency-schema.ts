// Turns an agency's type-graphql classes into a Federation 2 subgraph schema and its SDL.
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse, type GraphQLSchema } from 'graphql';
import { DateTime } from './date-time';
import { validateInput } from './validate-input';
import { useInternalEnumDefaults } from './enum-defaults';
import { AUTHENTICATED } from '../authorization/access-rules';
import { SCHEMA_LINK_HEADER } from './federation-link';
import type { SubgraphContext } from '../context';

/** `__resolveReference` per entity type: type-graphql has no decorator for it. */
export type ReferenceResolvers = Record<
  string,
  (reference: Record<string, unknown>, context: SubgraphContext) => unknown
>;

export interface AgencySchemaParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a root field (interface implementations, entity stubs). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly orphanedTypes?: Function[];
  readonly references: ReferenceResolvers;
}

export interface AgencySchema {
  readonly schema: GraphQLSchema;
  /** The subgraph's SDL as composition reads it. */
  readonly sdl: string;
}

/** Identical in every subgraph, so that composition keeps them as they are. */
const ROOT_DESCRIPTIONS = {
  Query: 'What can be read. Every field needs an authenticated caller; many need more (see each type).',
  Mutation: "Changes to the review records. Each needs the owning agency's write scope and membership of that agency.",
};

export async function buildAgencySchema(parts: AgencySchemaParts): Promise<AgencySchema> {
  const typeSchema = await buildSchema({
    resolvers: parts.resolvers,
    orphanedTypes: parts.orphanedTypes ?? [],
    scalarsMap: [{ type: Date, scalar: DateTime }],
    // Inputs are validated with class-validator; problems come back as one BAD_USER_INPUT error.
    validateFn: (argValue) => validateInput(argValue),
    emitSchemaFile: false,
  });
  // graphql-js' printSchema drops directives; this printer keeps @key, @shareable and the rest.
  // Everything needs an authenticated caller: the root types say so (see access-rules.ts).
  const roots = [typeSchema.getQueryType(), typeSchema.getMutationType()].filter((type) => type !== null && type !== undefined);
  for (const root of roots) root.description = ROOT_DESCRIPTIONS[root.name as keyof typeof ROOT_DESCRIPTIONS];
  const rootRules = roots.map((type) => `extend type ${type.name} ${AUTHENTICATED}`).join('\n');
  const sdl = `${SCHEMA_LINK_HEADER}\n${printSchemaWithDirectives(typeSchema)}\n\n${rootRules}\n`;
  const resolvers = createResolversMap(typeSchema) as GraphQLResolverMap<SubgraphContext>;
  for (const [typeName, resolveReference] of Object.entries(parts.references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), __resolveReference: resolveReference } as never;
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  useInternalEnumDefaults(schema);
  return { schema, sdl };
}
