// Runs an execution once for every identical request (same execution key) that arrives while it
// runs, and optionally keeps its answer for a while (response cache). Both are off by default.
// A shared execution stops its subgraph calls only when every request waiting for it has been
// abandoned by its client; one request going away does not cut the others' answer short.
import { ResponseCache } from './response-cache';

export interface SharingOptions {
  /** 0: no response cache. */
  readonly responseCacheTtlMs: number;
  readonly responseCacheSize: number;
  readonly shareIdenticalRequests: boolean;
  readonly now?: () => number;
}

export interface SharingStats {
  /** Executions run. */
  readonly executed: number;
  /** Requests answered by an execution another request started. */
  readonly shared: number;
  /** Requests answered from the response cache. */
  readonly cached: number;
}

interface InFlight<T> {
  readonly result: Promise<T>;
  readonly controller: AbortController;
  waiting: number;
}

export class SharedExecutions<T> {
  private readonly inFlight = new Map<string, InFlight<T>>();
  private readonly cache: ResponseCache<T> | null;
  private readonly now: () => number;
  private executed = 0;
  private shared = 0;
  private cached = 0;

  constructor(private readonly options: SharingOptions) {
    this.cache = options.responseCacheTtlMs > 0 ? new ResponseCache<T>(options.responseCacheTtlMs, options.responseCacheSize) : null;
    this.now = options.now ?? Date.now;
  }

  /** True when neither the cache nor sharing is on: callers may skip building keys. */
  get off(): boolean {
    return this.cache === null && !this.options.shareIdenticalRequests;
  }

  get stats(): SharingStats {
    return { executed: this.executed, shared: this.shared, cached: this.cached };
  }

  /**
   * The answer for `key`: cached, shared with a running execution, or from `execute`.
   * `cacheable` decides whether an answer may be kept (e.g. not when a subgraph failed).
   */
  async run(key: string, signal: AbortSignal | undefined, execute: (signal: AbortSignal) => Promise<T>, cacheable: (value: T) => boolean): Promise<T> {
    const hit = this.cache?.get(key, this.now());
    if (hit !== undefined) {
      this.cached++;
      return hit;
    }
    let flight = this.options.shareIdenticalRequests ? this.inFlight.get(key) : undefined;
    // An execution every waiter abandoned is being stopped: a new request starts afresh.
    if (flight && !flight.controller.signal.aborted) {
      this.shared++;
    } else {
      flight = this.start(key, execute, cacheable);
    }
    return this.wait(flight, signal);
  }

  private start(key: string, execute: (signal: AbortSignal) => Promise<T>, cacheable: (value: T) => boolean): InFlight<T> {
    this.executed++;
    const controller = new AbortController();
    const result = execute(controller.signal).then((value) => {
      if (this.cache && cacheable(value)) this.cache.set(key, value, this.now());
      return value;
    });
    const flight: InFlight<T> = { result, controller, waiting: 0 };
    if (this.options.shareIdenticalRequests) {
      this.inFlight.set(key, flight);
      const done = () => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
      };
      result.then(done, done);
    }
    return flight;
  }

  private async wait(flight: InFlight<T>, signal: AbortSignal | undefined): Promise<T> {
    flight.waiting++;
    let abandoned = false;
    const onAbort = () => {
      abandoned = true;
      if (--flight.waiting === 0) flight.controller.abort();
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await flight.result;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (!abandoned) flight.waiting--;
    }
  }
}
