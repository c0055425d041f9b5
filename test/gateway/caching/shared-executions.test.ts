import { describe, expect, it } from 'vitest';
import { SharedExecutions } from '../../../gateway/caching/shared-executions';

const always = () => true;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SharedExecutions', () => {
  it('runs every request when sharing and the cache are off', async () => {
    const executions = new SharedExecutions<number>({ responseCacheTtlMs: 0, responseCacheSize: 10, shareIdenticalRequests: false });
    expect(executions.off).toBe(true);
    let runs = 0;
    await Promise.all([1, 2, 3].map(() => executions.run('k', undefined, async () => ++runs, always)));
    expect(runs).toBe(3);
  });

  it('answers identical requests in flight from one execution, and runs again once it is done', async () => {
    const executions = new SharedExecutions<string>({ responseCacheTtlMs: 0, responseCacheSize: 10, shareIdenticalRequests: true });
    const gate = deferred<string>();
    let runs = 0;
    const execute = () => {
      runs++;
      return gate.promise;
    };
    const answers = [executions.run('k', undefined, execute, always), executions.run('k', undefined, execute, always)];
    const other = executions.run('other', undefined, async () => 'other', always);
    gate.resolve('answer');
    expect(await Promise.all(answers)).toEqual(['answer', 'answer']);
    expect(await other).toBe('other');
    expect(runs).toBe(1);
    await executions.run('k', undefined, execute, always);
    expect(runs).toBe(2);
    expect(executions.stats).toEqual({ executed: 3, shared: 1, cached: 0 });
  });

  it('keeps answers for the TTL only, and never keeps one the caller says not to', async () => {
    let now = 1_000;
    const executions = new SharedExecutions<string>({ responseCacheTtlMs: 500, responseCacheSize: 10, shareIdenticalRequests: false, now: () => now });
    let runs = 0;
    const execute = async () => `answer ${++runs}`;
    expect(await executions.run('k', undefined, execute, always)).toBe('answer 1');
    now += 499;
    expect(await executions.run('k', undefined, execute, always)).toBe('answer 1');
    now += 1;
    expect(await executions.run('k', undefined, execute, always)).toBe('answer 2');
    const failing = async () => 'failed';
    await executions.run('f', undefined, failing, () => false);
    await executions.run('f', undefined, failing, () => false);
    expect(executions.stats).toEqual({ executed: 4, shared: 0, cached: 1 });
  });

  it('holds at most the configured number of answers, dropping the least recently used', async () => {
    const executions = new SharedExecutions<string>({ responseCacheTtlMs: 60_000, responseCacheSize: 2, shareIdenticalRequests: false });
    let runs = 0;
    const execute = async () => `answer ${++runs}`;
    await executions.run('a', undefined, execute, always);
    await executions.run('b', undefined, execute, always);
    await executions.run('a', undefined, execute, always); // a is now the most recent
    await executions.run('c', undefined, execute, always); // b goes
    expect(await executions.run('a', undefined, execute, always)).toBe('answer 1');
    expect(await executions.run('b', undefined, execute, always)).toBe('answer 4');
  });

  it('stops a shared execution only when every request waiting for it has been abandoned', async () => {
    const executions = new SharedExecutions<string>({ responseCacheTtlMs: 0, responseCacheSize: 10, shareIdenticalRequests: true });
    let seen: AbortSignal | undefined;
    const execute = (signal: AbortSignal) => {
      seen = signal;
      return new Promise<string>((resolve) => signal.addEventListener('abort', () => resolve('stopped')));
    };
    const first = new AbortController();
    const second = new AbortController();
    const answers = [executions.run('k', first.signal, execute, always), executions.run('k', second.signal, execute, always)];
    first.abort();
    expect(seen!.aborted).toBe(false);
    second.abort();
    expect(seen!.aborted).toBe(true);
    expect(await Promise.all(answers)).toEqual(['stopped', 'stopped']);
  });

  it('starts afresh for a request that arrives while an abandoned execution is stopping', async () => {
    const executions = new SharedExecutions<string>({ responseCacheTtlMs: 0, responseCacheSize: 10, shareIdenticalRequests: true });
    const signals: AbortSignal[] = [];
    const execute = (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<string>((resolve) => setTimeout(() => resolve(signal.aborted ? 'stopped' : 'answer'), 10));
    };
    const abandoned = new AbortController();
    const first = executions.run('k', abandoned.signal, execute, always);
    abandoned.abort();
    expect(await executions.run('k', undefined, execute, always)).toBe('answer');
    expect(await first).toBe('stopped');
    expect(signals).toHaveLength(2);
  });
});
