// Entity fetches with the same operation and variables that become ready together (parallel
// branches of a plan reach the same subgraph for the same fields at different paths) go out as
// one request. "Together" means within one turn of the event loop: the batch is sent from
// process.nextTick, after the promise continuations of the current turn have run, so which
// fetches share a request depends only on the plan and on which response arrived, not on timing.

export class EntityBatcher<M> {
  private pending = new Map<string, { members: M[]; resolve: () => void; done: Promise<void> }>();
  private scheduled = false;

  constructor(private readonly send: (members: M[]) => Promise<void>) {}

  /** Queues `member` under `key`; resolves once the request that carried it has been handled. */
  join(key: string, member: M): Promise<void> {
    let batch = this.pending.get(key);
    if (!batch) {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      batch = { members: [], resolve, done };
      this.pending.set(key, batch);
    }
    batch.members.push(member);
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(() => this.flush());
    }
    return batch.done;
  }

  private flush(): void {
    const batches = [...this.pending.values()];
    this.pending.clear();
    this.scheduled = false;
    for (const batch of batches) void this.send(batch.members).then(batch.resolve, batch.resolve);
  }
}
