// Sends the representations of one or more entity fetches of the same operation (see
// EntityBatcher) as one `_entities` request, then fans the answer back out: each slot of
// `_entities` is merged into every entity that sent that representation, and each error about a
// slot is reported at the path of every such entity.
import type { CompiledFetch } from './compiled-plan';
import { downstreamError, subgraphFailure, type SubgraphErrorBody } from './errors';
import type { FetchContext } from './fetch-context';
import { mergeInto } from './merge';
import type { DedupedRepresentations } from './representation-dedupe';
import { entityPathsAt } from './response-paths';
import { sendFetch, variablesJson } from './subgraph-request';

type Path = ReadonlyArray<string | number>;

/** One Flatten(Fetch) node's part of a request. */
export interface EntityFetchMember {
  readonly fetch: CompiledFetch;
  readonly cursorPath: Path;
  readonly representations: DedupedRepresentations;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The members' distinct representations together, and for each member where its own slots went. */
function combine(members: readonly EntityFetchMember[]): { unique: string[]; slotMaps: number[][] | null } {
  if (members.length === 1) return { unique: members[0].representations.unique, slotMaps: null };
  const unique: string[] = [];
  const slotOf = new Map<string, number>();
  const slotMaps = members.map(({ representations }) =>
    representations.unique.map((text) => {
      let slot = slotOf.get(text);
      if (slot === undefined) {
        slot = unique.length;
        unique.push(text);
        slotOf.set(text, slot);
      }
      return slot;
    }),
  );
  return { unique, slotMaps };
}

/**
 * A subgraph's errors, at the response paths they concern: an error about `_entities.<slot>`
 * once for every entity that sent that representation.
 */
function reportErrors(
  context: FetchContext,
  members: readonly EntityFetchMember[],
  slotMaps: number[][] | null,
  errors: readonly SubgraphErrorBody[],
): void {
  const { serviceName } = members[0].fetch;
  const pathsByMember = new Map<EntityFetchMember, Path[]>();
  const pathsOf = (member: EntityFetchMember): Path[] => {
    let paths = pathsByMember.get(member);
    if (!paths) pathsByMember.set(member, (paths = entityPathsAt(context.data, member.cursorPath)));
    return paths;
  };
  for (const error of errors) {
    const errorPath = Array.isArray(error.path) ? (error.path as Path) : undefined;
    if (!errorPath || typeof errorPath[1] !== 'number') {
      const path = errorPath ? [...members[0].cursorPath, ...errorPath] : undefined;
      context.errors.push(downstreamError(error, serviceName, path));
      continue;
    }
    const rest = errorPath.slice(2);
    let reported = false;
    members.forEach((member, m) => {
      const { count, entityIndexes, slots } = member.representations;
      for (let k = 0; k < count; k++) {
        if ((slotMaps ? slotMaps[m][slots[k]] : slots[k]) !== errorPath[1]) continue;
        context.errors.push(downstreamError(error, serviceName, [...pathsOf(member)[entityIndexes[k]], ...rest]));
        reported = true;
      }
    });
    if (!reported) context.errors.push(downstreamError(error, serviceName, rest));
  }
}

export async function sendEntityFetch(context: FetchContext, members: readonly EntityFetchMember[]): Promise<void> {
  const { fetch } = members[0];
  try {
    const { unique, slotMaps } = combine(members);
    if (context.stats) context.stats.representations += unique.length;
    const others = variablesJson(fetch, context.variables);
    const representations = `"representations":[${unique.join(',')}]}`;
    const answer = await sendFetch(
      context,
      fetch,
      others === '{}' ? `{${representations}` : `${others.slice(0, -1)},${representations}`,
    );
    if (!answer) return;
    if (answer.errors) reportErrors(context, members, slotMaps, answer.errors);
    if (!answer.data) return;
    const received = answer.data._entities;
    if (!Array.isArray(received) || received.length !== unique.length) {
      context.errors.push(
        subgraphFailure(
          'SUBGRAPH_BAD_RESPONSE',
          fetch.serviceName,
          `Subgraph "${fetch.serviceName}" sent an invalid response: expected "data._entities" to be a list of ${unique.length} elements`,
        ),
      );
      return;
    }
    const prepared = new Uint8Array(received.length);
    members.forEach(({ representations: { entities, count, entityIndexes, slots } }, m) => {
      for (let k = 0; k < count; k++) {
        const slot = slotMaps ? slotMaps[m][slots[k]] : slots[k];
        const entity = received[slot];
        if (!isObject(entity)) continue;
        const target = entities[entityIndexes[k]];
        if (!prepared[slot]) {
          prepared[slot] = 1;
          if (!entity.__typename) entity.__typename = target.__typename;
          fetch.outputRewrites?.(entity);
        }
        mergeInto(target, entity);
      }
    });
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
