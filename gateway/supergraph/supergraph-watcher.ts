// Notices a new supergraph: a file is watched (its folder, so that an atomic rename or a
// Kubernetes ConfigMap's symlink swap is seen too) and read again at an interval as a safety
// net; a URL is polled at the interval. Bursts of file events are debounced into one read, and
// a text already seen (same hash) is not news, so the gateway is handed each version once.
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { readSupergraph } from './read-supergraph';

export interface SupergraphWatcherOptions {
  /** File path or http(s) URL. */
  readonly location: string;
  /** Time between reads (ms). */
  readonly pollIntervalMs: number;
  /** Quiet time after the last file event before reading (ms, default 150). */
  readonly debounceMs?: number;
  /** The text being served now: the same text again is ignored. */
  readonly currentSdl: string;
  /** Called with each new text, one call at a time. */
  readonly onChange: (sdl: string) => void | Promise<void>;
  /** Called when the supergraph cannot be read (again only when the reason changes), or onChange failed. */
  readonly onError: (error: Error) => void;
}

export interface SupergraphWatcher {
  /** Reads the supergraph now (after any read in progress). */
  check(): Promise<void>;
  close(): void;
}

export function sdlHash(sdl: string): string {
  return createHash('sha256').update(sdl).digest('hex');
}

function isUrl(location: string): boolean {
  return /^https?:\/\//.test(location);
}

export function watchSupergraph(options: SupergraphWatcherOptions): SupergraphWatcher {
  let lastHash = sdlHash(options.currentSdl);
  let lastReadError: string | null = null;
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  let debounce: NodeJS.Timeout | undefined;

  async function readOnce(): Promise<void> {
    let sdl: string;
    try {
      sdl = await readSupergraph(options.location);
    } catch (error) {
      const message = (error as Error).message;
      if (message !== lastReadError) options.onError(error as Error);
      lastReadError = message;
      return;
    }
    lastReadError = null;
    const hash = sdlHash(sdl);
    if (hash === lastHash || closed) return;
    lastHash = hash;
    try {
      await options.onChange(sdl);
    } catch (error) {
      options.onError(error as Error);
    }
  }

  function check(): Promise<void> {
    if (running) {
      // A read is under way: read once more after it, for whatever changed meanwhile.
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await readOnce();
      } while (again && !closed);
    })().finally(() => (running = null));
    return running;
  }

  const timer = setInterval(() => void check(), options.pollIntervalMs);
  timer.unref();
  let watcher: FSWatcher | null = null;
  if (!isUrl(options.location)) {
    // Without a watch (no inotify instance left, a folder that went away) the interval still reads.
    try {
      watcher = watch(path.dirname(options.location), { persistent: false }, () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => void check(), options.debounceMs ?? 150);
      });
      watcher.on('error', () => watcher?.close());
    } catch {
      watcher = null;
    }
  }

  return {
    check,
    close() {
      closed = true;
      clearInterval(timer);
      clearTimeout(debounce);
      watcher?.close();
    },
  };
}
