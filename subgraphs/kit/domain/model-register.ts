// Defense and the cyber office write about models whose records live in Treasury's intake. Before
// such a write they ask Treasury, on the caller's behalf (with the gateway's token for this
// request), whether the model exists: a record never refers to a model that does not. If
// Treasury cannot answer, the write is refused and nothing is written.
import { GraphQLError } from 'graphql';
import { notFound } from '../errors/user-errors';

/** The headers that make a call on the caller's behalf (the gateway's token for this request). */
type OnBehalf = Readonly<Record<string, string>>;

export interface ModelRegister {
  /** Resolves when the model exists (and the caller may see it); throws NOT_FOUND or MODEL_REGISTER_UNAVAILABLE. */
  assertExists(modelId: string, onBehalf: OnBehalf): Promise<void>;
}

const LOOKUP = 'query ModelExists($r: [_Any!]!) { _entities(representations: $r) { ... on Model { id } } }';

function unavailable(reason: string): GraphQLError {
  return new GraphQLError(`Treasury's model intake could not confirm the model (${reason}); nothing was written`, {
    extensions: { code: 'MODEL_REGISTER_UNAVAILABLE' },
  });
}

export function treasuryModelRegister(url: string, timeoutMs = 5_000): ModelRegister {
  return {
    async assertExists(modelId, onBehalf) {
      let body: { data?: { _entities?: Array<{ id?: string } | null> }; errors?: Array<{ message: string }> };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...onBehalf },
          body: JSON.stringify({ query: LOOKUP, variables: { r: [{ __typename: 'Model', id: modelId }] } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = (await response.json()) as typeof body;
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      } catch (error) {
        throw unavailable((error as Error).message);
      }
      const entities = body.data?._entities;
      if (!Array.isArray(entities)) throw unavailable(body.errors?.map((e) => e.message).join('; ') ?? 'no answer');
      if (entities[0]?.id !== modelId) throw notFound('Model', modelId);
    },
  };
}

/** Checks the model with the configured register; without one, the write is refused (fail closed). */
export async function assertModelExists(
  modelId: string,
  ctx: { readonly models: ModelRegister | null; readonly onBehalf: OnBehalf },
): Promise<void> {
  if (!ctx.models) throw unavailable('no model register is configured');
  await ctx.models.assertExists(modelId, ctx.onBehalf);
}
