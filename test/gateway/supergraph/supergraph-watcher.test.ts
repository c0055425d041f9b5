// The supergraph watcher on its own: a file changed in place or renamed over, a burst of writes,
// the same text again, an unreadable file, and a URL polled.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchSupergraph, type SupergraphWatcher } from '../../../gateway/supergraph/supergraph-watcher';

describe('supergraph watcher', () => {
  let dir: string;
  let file: string;
  let watcher: SupergraphWatcher | null;
  const changes: string[] = [];
  const errors: string[] = [];

  function watchFile(pollIntervalMs = 60_000): SupergraphWatcher {
    return (watcher = watchSupergraph({
      location: file,
      pollIntervalMs,
      currentSdl: 'v1',
      onChange: (sdl) => void changes.push(sdl),
      onError: (error) => void errors.push(error.message),
    }));
  }

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'accord-watch-'));
    file = path.join(dir, 'supergraph.graphql');
    await writeFile(file, 'v1');
    changes.length = 0;
    errors.length = 0;
    watcher = null;
  });

  afterEach(async () => {
    watcher?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('hands over a file written in place and one renamed over it, each once', async () => {
    watchFile();
    await writeFile(file, 'v2');
    await vi.waitFor(() => expect(changes).toEqual(['v2']));
    await writeFile(path.join(dir, 'next.tmp'), 'v3');
    await rename(path.join(dir, 'next.tmp'), file);
    await vi.waitFor(() => expect(changes).toEqual(['v2', 'v3']));
  });

  it('reads a burst of writes once, after the last one', async () => {
    watchFile();
    for (let i = 2; i <= 20; i++) writeFileSync(file, `v${i}`);
    await vi.waitFor(() => expect(changes).toEqual(['v20']));
    await watcher!.check();
    expect(changes).toEqual(['v20']);
  });

  it('ignores the text it already has', async () => {
    watchFile();
    await writeFile(file, 'v1');
    await watcher!.check();
    await writeFile(file, 'v2');
    await watcher!.check();
    await writeFile(file, 'v2');
    await watcher!.check();
    expect(changes).toEqual(['v2']);
  });

  it('reports an unreadable supergraph once per reason, and picks up the file when it is back', async () => {
    watchFile();
    await rm(file);
    await watcher!.check();
    await watcher!.check();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('cannot read the supergraph');
    await writeFile(file, 'v2');
    await watcher!.check();
    expect(changes).toEqual(['v2']);
  });

  it('polls a URL at its interval', async () => {
    let text = 'v1';
    let requests = 0;
    const server = http.createServer((_req, res) => {
      requests++;
      res.end(text);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      watcher = watchSupergraph({
        location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/supergraph.graphql`,
        pollIntervalMs: 50,
        currentSdl: 'v1',
        onChange: (sdl) => void changes.push(sdl),
        onError: (error) => void errors.push(error.message),
      });
      await vi.waitFor(() => expect(requests).toBeGreaterThanOrEqual(2));
      expect(changes).toEqual([]);
      text = 'v2';
      await vi.waitFor(() => expect(changes).toEqual(['v2']));
    } finally {
      watcher?.close();
      server.closeAllConnections();
      server.close();
    }
  });
});
