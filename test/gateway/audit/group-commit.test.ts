import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../gateway/audit';

/** A commit the test finishes by hand, to control what arrives while it runs. */
function manualCommits() {
  const batches: string[][] = [];
  const finish: Array<(error?: Error) => void> = [];
  const group = new GroupCommit<string>(
    (batch) =>
      new Promise<void>((resolve, reject) => {
        batches.push([...batch]);
        finish.push((error) => (error ? reject(error) : resolve()));
      }),
  );
  return { group, batches, finish };
}

describe('group commit', () => {
  it('commits a lone item at once and everything that arrived meanwhile as the next batch', async () => {
    const { group, batches, finish } = manualCommits();
    const first = group.add('a');
    const waiting = [group.add('b'), group.add('c'), group.add('d')];
    expect(batches).toEqual([['a']]);
    finish[0]!();
    await first;
    await Promise.resolve();
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    finish[1]!();
    await Promise.all(waiting);
    expect(group.stats).toEqual({ items: 4, commits: 2 });
  });

  it('fails only the batch whose commit failed, and goes on with the next', async () => {
    const { group, batches, finish } = manualCommits();
    const first = group.add('a');
    const second = group.add('b');
    finish[0]!(new Error('disk full'));
    await expect(first).rejects.toThrow('disk full');
    await Promise.resolve();
    expect(batches).toEqual([['a'], ['b']]);
    finish[1]!();
    await expect(second).resolves.toBeUndefined();
    expect(group.stats).toEqual({ items: 1, commits: 2 });
  });

  it('settles only after every item added so far has been committed', async () => {
    const { group, finish } = manualCommits();
    let acknowledged = 0;
    void group.add('a').then(() => (acknowledged += 1));
    void group.add('b').then(() => (acknowledged += 1));
    const settled = group.settled();
    finish[0]!();
    await new Promise((resolve) => setTimeout(resolve, 5));
    finish[1]!();
    await settled;
    expect(acknowledged).toBe(2);
  });
});
