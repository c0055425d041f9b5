// Live reload: each new supergraph the watcher notices is built whole and swapped in; one that
// does not parse, does not validate as a supergraph, or cannot be built (authorization rules,
// planner, subgraph URLs) is refused with one log line, and the last good one keeps serving.
import type { LoadedSupergraph } from './loaded-supergraph';
import type { StructuredLog } from './structured-log';
import { sdlHash, watchSupergraph, type SupergraphWatcher } from './supergraph-watcher';

/** What a reload swaps: the gateway (AccordGateway). */
export interface ReloadTarget {
  readonly supergraph: LoadedSupergraph;
  /** Builds and swaps in a supergraph; throws, keeping the current one, when it cannot be built. */
  update(supergraphSdl: string): LoadedSupergraph;
}

export interface SupergraphReloaderOptions {
  readonly target: ReloadTarget;
  /** File path or http(s) URL. */
  readonly location: string;
  readonly pollIntervalMs: number;
  readonly log: StructuredLog;
}

/** The short id a supergraph's text goes by in logs and audit records (as LoadedSupergraph.id). */
function versionId(sdl: string): string {
  return sdlHash(sdl).slice(0, 12);
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'INVALID_SUPERGRAPH';
}

export function reloadSupergraphOnChange(options: SupergraphReloaderOptions): SupergraphWatcher {
  const { target, location, log } = options;
  return watchSupergraph({
    location,
    pollIntervalMs: options.pollIntervalMs,
    currentSdl: target.supergraph.sdl,
    onChange(sdl) {
      const previous = target.supergraph;
      // Back to the text being served (after a refused version, say): nothing to do.
      if (sdl === previous.sdl) return;
      let next: LoadedSupergraph;
      try {
        next = target.update(sdl);
      } catch (error) {
        log('error', 'supergraph refused', {
          source: location,
          supergraph: versionId(sdl),
          serving: previous.id,
          code: codeOf(error),
          reason: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      log('info', 'supergraph reloaded', { source: location, supergraph: next.id, previous: previous.id });
      if (next.unknownPolicies.length) {
        log('warn', 'the supergraph uses policies this gateway does not know; they always deny', {
          supergraph: next.id,
          policies: next.unknownPolicies,
        });
      }
    },
    onError(error) {
      log('error', 'supergraph unreadable', { source: location, serving: target.supergraph.id, reason: error.message });
    },
  });
}
