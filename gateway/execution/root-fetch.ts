// A fetch without representations (a root query or mutation): its answer merges into the data
// at the cursor, and its errors are placed under the cursor's path.
import type { CompiledFetch } from './compiled-plan';
import { downstreamError } from './errors';
import type { FetchContext } from './fetch-context';
import { mergeInto } from './merge';
import { sendFetch, variablesJson } from './subgraph-request';

type Path = ReadonlyArray<string | number>;

export async function fetchRoot(
  context: FetchContext,
  fetch: CompiledFetch,
  targets: Record<string, unknown>[],
  cursorPath: Path,
): Promise<void> {
  const answer = await sendFetch(context, fetch, variablesJson(fetch, context.variables));
  if (!answer) return;
  for (const error of answer.errors ?? []) {
    const path = Array.isArray(error.path) ? [...cursorPath, ...(error.path as Path)] : undefined;
    context.errors.push(downstreamError(error, fetch.serviceName, path));
  }
  if (!answer.data) return;
  fetch.outputRewrites?.(answer.data);
  for (const target of targets) mergeInto(target, answer.data);
}
