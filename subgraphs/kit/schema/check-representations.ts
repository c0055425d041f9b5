// `_entities` takes representations from its caller. One naming a type that is not an entity of
// this subgraph, or without the fields of its key, is the caller's mistake: answer it as
// BAD_USER_INPUT, where Apollo's subgraph library would report an internal error.
import { GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';

export function checkRepresentations(schema: GraphQLSchema, entityTypes: ReadonlySet<string>): void {
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) return;
  const resolve = field.resolve;
  field.resolve = (source, args: { representations?: unknown }, ctx, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    representations.forEach((representation, index) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typename !== 'string' || !entityTypes.has(typename) || !isObjectType(schema.getType(typename))) {
        throw new GraphQLError(`representations[${index}] does not name an entity type of this subgraph`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'representations' },
        });
      }
    });
    return resolve(source, args, ctx, info);
  };
}
