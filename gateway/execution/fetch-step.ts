// Runs one Fetch node. A root fetch is sent at once; an entity fetch writes its deduplicated
// representations and joins the batch of identical fetches that are ready at the same time.
// Failures become errors in the context, never exceptions.
import { GraphQLError } from 'graphql';
import type { CompiledFetch } from './compiled-plan';
import type { EntityBatcher } from './entity-batcher';
import { sendEntityFetch, type EntityFetchMember } from './entity-fetch';
import { subgraphFailure } from './errors';
import type { FetchContext } from './fetch-context';
import { dedupeRepresentations } from './representation-dedupe';
import { fetchRoot } from './root-fetch';
import { variablesJson } from './subgraph-request';

type Entity = Record<string, unknown>;
type Path = ReadonlyArray<string | number>;

function fetchEntities(
  context: FetchContext,
  batcher: EntityBatcher<EntityFetchMember>,
  fetch: CompiledFetch,
  entities: Entity[],
  cursorPath: Path,
): Promise<void> {
  if (fetch.variableUsages.includes('representations')) {
    context.errors.push(
      new GraphQLError('Variables cannot contain key "representations"', { extensions: { code: 'BAD_USER_INPUT' } }),
    );
    return Promise.resolve();
  }
  const representations = dedupeRepresentations(entities, fetch.representations as NonNullable<CompiledFetch['representations']>);
  if (representations.unique.length === 0) return Promise.resolve();
  if (context.stats) context.stats.representationsBeforeDedupe += representations.count;
  const member = { fetch, cursorPath, representations };
  // Mutations are never combined: each runs on its own, in the plan's order.
  if (!fetch.batchKey) return sendEntityFetch(context, [member]);
  return batcher.join(`${fetch.batchKey}\u0000${variablesJson(fetch, context.variables)}`, member);
}

/** Runs a fetch against `entities` (the root object for a top-level fetch). Never throws. */
export async function runFetch(
  context: FetchContext,
  batcher: EntityBatcher<EntityFetchMember>,
  fetch: CompiledFetch,
  entities: Entity[],
  cursorPath: Path,
): Promise<void> {
  if (entities.length === 0) return;
  try {
    if (fetch.representations) {
      await fetchEntities(context, batcher, fetch, entities, cursorPath);
    } else {
      await fetchRoot(context, fetch, entities, cursorPath);
    }
  } catch (error) {
    context.errors.push(
      subgraphFailure(
        'SUBGRAPH_BAD_RESPONSE',
        fetch.serviceName,
        `Could not use the response of subgraph "${fetch.serviceName}": ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }
}
