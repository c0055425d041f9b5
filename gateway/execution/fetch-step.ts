// Runs one Fetch node: sends its operation (with deduplicated representations for an entity
// fetch), maps the subgraph's errors to response paths, and merges what came back into the data.
// A failure becomes one error for the fetch and leaves the data it would have filled missing.
import { GraphQLError } from 'graphql';
import type { CompiledFetch } from './compiled-plan';
import { downstreamError, subgraphFailure, type SubgraphErrorBody } from './errors';
import type { FetchContext } from './fetch-context';
import { mergeInto } from './merge';
import { dedupeRepresentations, type DedupedRepresentations } from './representation-dedupe';
import { entityPathsAt } from './response-paths';
import { decodeSubgraphResponse } from './subgraph-response';

type Entity = Record<string, unknown>;
type Path = ReadonlyArray<string | number>;

function isObject(value: unknown): value is Entity {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The variables the fetch uses, as JSON text, among those the client gave. */
function variablesJson(fetch: CompiledFetch, given: Readonly<Record<string, unknown>>): string {
  if (fetch.variableUsages.length === 0) return '{}';
  const picked: Record<string, unknown> = {};
  for (const name of fetch.variableUsages) {
    if (Object.prototype.hasOwnProperty.call(given, name) && given[name] !== undefined) picked[name] = given[name];
  }
  return JSON.stringify(picked);
}

async function send(
  context: FetchContext,
  fetch: CompiledFetch,
  variables: string,
): Promise<{ data: Entity | null; errors: readonly SubgraphErrorBody[] | null } | null> {
  const client = context.clients.get(fetch.serviceName);
  if (!client) {
    context.errors.push(subgraphFailure('SUBGRAPH_UNAVAILABLE', fetch.serviceName, `Unknown subgraph "${fetch.serviceName}"`));
    return null;
  }
  if (context.stats) context.stats.subgraphRequests++;
  const answer = await client.post(`${fetch.bodyHead}${variables}}`, {
    headers: context.headersFor?.(fetch.serviceName),
    timeoutMs: context.timeoutMs,
    signal: context.signal,
    retryStaleConnection: fetch.repeatable,
  });
  if (!answer.ok) {
    context.errors.push(subgraphFailure(answer.code, fetch.serviceName, answer.message));
    return null;
  }
  const decoded = decodeSubgraphResponse(fetch.serviceName, answer.status, answer.body);
  if (!decoded.ok) {
    context.errors.push(subgraphFailure('SUBGRAPH_BAD_RESPONSE', fetch.serviceName, decoded.message));
    return null;
  }
  return decoded;
}

async function fetchRoot(context: FetchContext, fetch: CompiledFetch, targets: Entity[], cursorPath: Path): Promise<void> {
  const response = await send(context, fetch, variablesJson(fetch, context.variables));
  if (!response) return;
  for (const error of response.errors ?? []) {
    const path = Array.isArray(error.path) ? [...cursorPath, ...(error.path as Path)] : undefined;
    context.errors.push(downstreamError(error, fetch.serviceName, path));
  }
  if (!response.data) return;
  fetch.outputRewrites?.(response.data);
  for (const target of targets) mergeInto(target, response.data);
}

/** Where a subgraph's `_entities.<slot>...` error lands: once for each entity that shared the slot. */
function entityErrorPaths(
  errorPath: Path,
  deduped: DedupedRepresentations,
  entityPaths: () => Path[],
): Path[] {
  const slot = errorPath[1] as number;
  const rest = errorPath.slice(2);
  const paths: Path[] = [];
  for (let k = 0; k < deduped.slots.length; k++) {
    if (deduped.slots[k] === slot) paths.push([...entityPaths()[deduped.entityIndexes[k]], ...rest]);
  }
  return paths.length > 0 ? paths : [rest];
}

async function fetchEntities(
  context: FetchContext,
  fetch: CompiledFetch,
  entities: Entity[],
  cursorPath: Path,
): Promise<void> {
  const writer = fetch.representations as NonNullable<CompiledFetch['representations']>;
  const deduped = dedupeRepresentations(entities, writer);
  if (deduped.unique.length === 0) return;
  if (context.stats) {
    context.stats.representationsBeforeDedupe += deduped.targets.length;
    context.stats.representations += deduped.unique.length;
  }
  if (fetch.variableUsages.includes('representations')) {
    context.errors.push(
      new GraphQLError('Variables cannot contain key "representations"', { extensions: { code: 'BAD_USER_INPUT' } }),
    );
    return;
  }
  const others = variablesJson(fetch, context.variables);
  const representations = `"representations":[${deduped.unique.join(',')}]}`;
  const variables = others === '{}' ? `{${representations}` : `${others.slice(0, -1)},${representations}`;
  const response = await send(context, fetch, variables);
  if (!response) return;

  let paths: Path[] | null = null;
  const entityPaths = (): Path[] => (paths ??= entityPathsAt(context.data, cursorPath));
  for (const error of response.errors ?? []) {
    const errorPath = Array.isArray(error.path) ? (error.path as Path) : undefined;
    if (errorPath && typeof errorPath[1] === 'number') {
      for (const path of entityErrorPaths(errorPath, deduped, entityPaths)) {
        context.errors.push(downstreamError(error, fetch.serviceName, path));
      }
    } else {
      context.errors.push(downstreamError(error, fetch.serviceName, errorPath ? [...cursorPath, ...errorPath] : undefined));
    }
  }
  if (!response.data) return;
  const received = response.data._entities;
  if (!Array.isArray(received) || received.length !== deduped.unique.length) {
    context.errors.push(
      subgraphFailure(
        'SUBGRAPH_BAD_RESPONSE',
        fetch.serviceName,
        `Subgraph "${fetch.serviceName}" sent an invalid response: expected "data._entities" to be a list of ${deduped.unique.length} elements`,
      ),
    );
    return;
  }
  const rewritten = new Uint8Array(received.length);
  for (let k = 0; k < deduped.targets.length; k++) {
    const slot = deduped.slots[k];
    const entity = received[slot];
    if (!isObject(entity)) continue;
    const target = deduped.targets[k];
    if (!rewritten[slot]) {
      rewritten[slot] = 1;
      if (!entity.__typename) entity.__typename = target.__typename;
      fetch.outputRewrites?.(entity);
    }
    mergeInto(target, entity);
  }
}

/** Runs a fetch against `entities` (the root object for a top-level fetch). Never throws. */
export async function runFetch(context: FetchContext, fetch: CompiledFetch, entities: Entity[], cursorPath: Path): Promise<void> {
  if (entities.length === 0) return;
  try {
    if (fetch.representations) {
      await fetchEntities(context, fetch, entities, cursorPath);
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
