// Group commit: one commit (write + fsync, or one database transaction) for every item that
// arrived while the previous commit was running. Durability then costs one sync per batch, not per
// request: under load batches grow by themselves, and a lone item is committed at once.

interface Waiting<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommitStats {
  /** Items committed. */
  readonly items: number;
  /** Commits run (successful or not). */
  readonly commits: number;
}

export class GroupCommit<T> {
  private pending: Waiting<T>[] = [];
  private running: Promise<void> | null = null;
  private committed = 0;
  private commits = 0;

  /** `commit` must make the whole batch durable, or throw; it is never called concurrently. */
  constructor(private readonly commit: (batch: readonly T[]) => Promise<void>) {}

  /** Resolves once the item is durable; rejects with the commit's error. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves when every item added so far has been committed or has failed. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  get stats(): GroupCommitStats {
    return { items: this.committed, commits: this.commits };
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      this.commits += 1;
      try {
        await this.commit(batch.map((waiting) => waiting.item));
        this.committed += batch.length;
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.running = null;
  }
}
