// Sends the representations of one or more entity fetches of the same operation (see
// EntityBatcher) as one `_entities` request, then fans the answer back out: each slot of
// `_entities` is merged into every entity that sent that representation, and each error about a
// slot is reported at the path of every such entity.
import type { CompiledFetch } from './compiled-plan';
import { downstreamError, subgraphFailure } from './errors';
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

    // Every target, with the slot of `_entities` that answers it.
    const targets: Array<{ member: EntityFetchMember; index: number; slot: number }> = [];
    members.forEach((member, m) => {
      const { slots } = member.representations;
      for (let k = 0; k < slots.length; k++) targets.push({ member, index: k, slot: slotMaps ? slotMaps[m][slots[k]] : slots[k] });
    });

    if (answer.errors) {
      const pathsByMember = new Map<EntityFetchMember, Path[]>();
      const entityPath = (member: EntityFetchMember, index: number): Path => {
        let paths = pathsByMember.get(member);
        if (!paths) pathsByMember.set(member, (paths = entityPathsAt(context.data, member.cursorPath)));
        return paths[member.representations.entityIndexes[index]];
      };
      for (const error of answer.errors) {
        const errorPath = Array.isArray(error.path) ? (error.path as Path) : undefined;
        if (errorPath && typeof errorPath[1] === 'number') {
          const rest = errorPath.slice(2);
          const hit = targets.filter((t) => t.slot === errorPath[1]);
          if (hit.length === 0) context.errors.push(downstreamError(error, fetch.serviceName, rest));
          for (const t of hit) context.errors.push(downstreamError(error, fetch.serviceName, [...entityPath(t.member, t.index), ...rest]));
        } else {
          const path = errorPath ? [...members[0].cursorPath, ...errorPath] : undefined;
          context.errors.push(downstreamError(error, fetch.serviceName, path));
        }
      }
    }

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
    for (const { member, index, slot } of targets) {
      const entity = received[slot];
      if (!isObject(entity)) continue;
      const target = member.representations.targets[index];
      if (!prepared[slot]) {
        prepared[slot] = 1;
        if (!entity.__typename) entity.__typename = target.__typename;
        fetch.outputRewrites?.(entity);
      }
      mergeInto(target, entity);
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
