import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profilesAt, summarizeProfile } from '../../../scripts/bench/profile-summary';

// A profile of four nodes: root, idle, one function of a package and one of the gateway's.
const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
const PROFILE = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 3, 4] },
    { id: 2, callFrame: frame('(idle)', '') },
    { id: 3, callFrame: frame('find', 'file:///srv/accord/node_modules/@mikro-orm/core/EntityManager.js') },
    { id: 4, callFrame: frame('shapeObject', 'file:///srv/accord/gateway/execution/shape-runner.ts') },
  ],
  // One second of start-up in the package, then idle, then three seconds of the gateway's own code.
  samples: [3, 2, 4, 4, 4],
  timeDeltas: [1e6, 1e6, 1e6, 1e6, 1e6],
};

describe('profile summary', () => {
  it('groups self time by package and project folder, leaving idle time out', () => {
    const { total, groups } = summarizeProfile(PROFILE);
    expect(total).toBe(4e6);
    expect(Object.fromEntries(groups)).toEqual({ '@mikro-orm/core': 1e6, 'gateway/execution': 3e6 });
  });

  it('leaves out the samples of the first seconds when asked', () => {
    const { total, groups } = summarizeProfile(PROFILE, 2e6);
    expect(total).toBe(3e6);
    expect(Object.fromEntries(groups)).toEqual({ 'gateway/execution': 3e6 });
  });

  it('reads a folder of profiles largest first, the main thread before its workers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'accord-profiles-'));
    try {
      await writeFile(path.join(dir, 'CPU.1.002.cpuprofile'), JSON.stringify({ ...PROFILE, samples: [2] }));
      await writeFile(path.join(dir, 'CPU.1.001.cpuprofile'), JSON.stringify(PROFILE));
      await writeFile(path.join(dir, 'notes.txt'), 'not a profile');
      expect(profilesAt(dir).map((file) => path.basename(file))).toEqual(['CPU.1.001.cpuprofile', 'CPU.1.002.cpuprofile']);
      expect(profilesAt(path.join(dir, 'CPU.1.002.cpuprofile'))).toEqual([path.join(dir, 'CPU.1.002.cpuprofile')]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
