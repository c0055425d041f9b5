// Rows carry their own classification (a finding marked TOP_SECRET in a type marked SECRET). Each
// subgraph notes the highest marking among the rows it returns and reports it in the response's
// `extensions.classification`; the gateway's banner takes the higher of that and the schema's.
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { CLASSIFICATION_ORDER } from '../schema/enums';
import type { SubgraphContext } from '../context';

/** Records of these types have a `classificationRank` (an index into CLASSIFICATION_ORDER). */
interface MarkedRecord {
  readonly classificationRank?: unknown;
}

/** Wraps every field of the marked types so that resolving any of them notes its row's marking. */
export function noteRowMarkings(schema: GraphQLSchema, markedTypes: readonly string[]): void {
  for (const name of markedTypes) {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`marked type ${name} is not an object type of this subgraph`);
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source: MarkedRecord, args, ctx: SubgraphContext, info) => {
        const rank = source?.classificationRank;
        if (typeof rank === 'number' && rank > ctx.marking.highest) ctx.marking.highest = rank;
        return resolve(source, args, ctx, info);
      };
    }
  }
}

/** Puts the highest marking noted for the request into the response, when above UNCLASSIFIED. */
export function rowMarkingsPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, response }) => {
        const rank = contextValue.marking.highest;
        if (rank <= 0 || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, classification: CLASSIFICATION_ORDER[rank] };
      },
    }),
  };
}
