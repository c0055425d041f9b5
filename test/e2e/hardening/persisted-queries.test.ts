// Persisted operations: automatic persisted queries as standard clients use them, the safelist
// mode (only the manifest's operations run, by id or by hash), and `npm run safelist`.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest, type PersistedQueryManifest } from '../../../gateway/persisted/manifest';
import { REPO_ROOT } from '../../../gateway/config/data-dir';
import { tsxCommand } from '../../support/processes';
import { postGraphQL, startSystem, type RunningSystem } from '../../support/start-system';
import { startExtraGateway, type ExtraGateway } from './support/extra-gateway';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const SECTORS = 'query Sectors { sectors { code } }';

function runSafelist(args: string[]) {
  return spawnSync(...tsxCommand('scripts/safelist.ts', args), { cwd: REPO_ROOT, encoding: 'utf8' });
}

describe('persisted operations', () => {
  let system: RunningSystem;
  let dir: string;
  let token: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    system = await startSystem({ seed: { scale: 1 } });
    dir = await mkdtemp(path.join(tmpdir(), 'accord-safelist-'));
    token = await system.token('cyber-analyst');
    auth = { authorization: `Bearer ${token}` };
  });

  afterAll(async () => {
    await system?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('automatic persisted queries (development default)', () => {
    it('answers a hash it does not know with PERSISTED_QUERY_NOT_FOUND, stores the text sent with it, then serves the hash alone', async () => {
      const query = 'query ApqSectors { sectors { code name } }';
      const persistedQuery = { version: 1, sha256Hash: sha256(query) };
      const miss = await postGraphQL(system.gateway.url, { extensions: { persistedQuery } }, auth);
      expect(miss.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

      const register = await postGraphQL(system.gateway.url, { query, extensions: { persistedQuery } }, auth);
      expect(register.status).toBe(200);
      expect(register.body.data?.sectors).not.toHaveLength(0);

      const hit = await postGraphQL(system.gateway.url, { extensions: { persistedQuery } }, auth);
      expect(hit.status).toBe(200);
      expect(hit.body.data).toEqual(register.body.data);
      // GET, as clients that persist queries for CDN caching send them.
      const search = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery }) });
      const get = await fetch(`${system.gateway.url}?${search}`, { headers: { ...auth, 'apollo-require-preflight': 'true' } });
      expect(get.status).toBe(200);
      expect(((await get.json()) as { data: unknown }).data).toEqual(register.body.data);
    });

    it('refuses a text whose hash is not the one sent with it', async () => {
      const response = await postGraphQL(
        system.gateway.url,
        { query: SECTORS, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('query Other { sectors { name } }') } } },
        auth,
      );
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.message).toContain('provided sha does not match query');
    });

    it('does not store an operation that was refused for a limit', async () => {
      const query = `query Deep { sectors { ${'vulnerabilities { nodes { sector { '.repeat(7)}code${' } } }'.repeat(7)} } }`;
      const persistedQuery = { version: 1, sha256Hash: sha256(query) };
      const refused = await postGraphQL(system.gateway.url, { query, extensions: { persistedQuery } }, auth);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('OPERATION_TOO_DEEP');
      const again = await postGraphQL(system.gateway.url, { extensions: { persistedQuery } }, auth);
      expect(again.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });
  });

  describe('npm run safelist', () => {
    it('builds a manifest from a folder of .graphql files, with shared fragments, validated against the schema', async () => {
      const folder = path.join(dir, 'operations');
      await mkdir(path.join(folder, 'dashboards'), { recursive: true });
      await writeFile(path.join(folder, 'sectors.graphql'), `${SECTORS}\n`);
      await writeFile(path.join(folder, 'fragments.graphql'), 'fragment VulnerabilityRow on Vulnerability { id title severity }\n');
      await writeFile(
        path.join(folder, 'dashboards', 'latest.graphql'),
        'query LatestVulnerabilities($n: Int!) { vulnerabilities(first: $n) { nodes { ...VulnerabilityRow } } }\n',
      );
      const output = path.join(dir, 'manifest.json');
      const run = runSafelist([folder, output]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const manifest = parseManifest(await readFile(output, 'utf8'), output);
      expect(manifest.operations.map((o) => o.name)).toEqual(['LatestVulnerabilities', 'Sectors']);
      const latest = manifest.operations[0]!;
      expect(latest.type).toBe('query');
      expect(latest.body).toContain('fragment VulnerabilityRow on Vulnerability');
      expect(latest.id).toBe(sha256(latest.body));
    });

    it('refuses an operation the schema does not allow, an unnamed one and a duplicate name, and writes nothing', async () => {
      const folder = path.join(dir, 'bad-operations');
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, 'a.graphql'), 'query NoSuchField { noSuchField }\n{ sectors { code } }\n');
      await writeFile(path.join(folder, 'b.graphql'), `${SECTORS}\n${SECTORS.replace('code', 'name')}\n`);
      const output = path.join(dir, 'bad-manifest.json');
      const run = runSafelist([folder, output]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('operation NoSuchField: Cannot query field "noSuchField" on type "Query"');
      expect(run.stderr).toContain('every operation needs a name');
      expect(run.stderr).toContain('operation Sectors is also defined');
      await expect(readFile(output, 'utf8')).rejects.toThrow();
      expect(runSafelist([folder]).status).toBe(2);
    });
  });

  describe('safelist mode', () => {
    let safe: ExtraGateway;
    let manifest: PersistedQueryManifest;
    let post: (body: Record<string, unknown>) => ReturnType<typeof postGraphQL>;

    beforeAll(async () => {
      manifest = {
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: 'dashboard-sectors', name: 'Sectors', type: 'query', body: SECTORS }],
      };
      const file = path.join(dir, 'safelist.json');
      await writeFile(file, JSON.stringify(manifest));
      safe = await startExtraGateway(system, { flags: { 'persisted-queries': 'safelist', safelist: file } });
      post = (body) => postGraphQL(safe.running.url, body, auth);
    });

    afterAll(async () => {
      await safe?.running.close();
    });

    it('runs a listed operation by its manifest id, by the hash of its text, and sent in full', async () => {
      const byId = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'dashboard-sectors' } } });
      expect(byId.status).toBe(200);
      expect(byId.body.data?.sectors).not.toHaveLength(0);
      const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(SECTORS) } } });
      expect(byHash.body.data).toEqual(byId.body.data);
      const inFull = await post({ query: SECTORS });
      expect(inFull.body.data).toEqual(byId.body.data);
    });

    it('refuses any other operation with PERSISTED_QUERY_NOT_IN_SAFELIST before any subgraph is asked', async () => {
      const before = system.statements('cyber');
      const text = await post({ query: 'query Sectors { sectors { code name } }' });
      expect(text.status).toBe(400);
      expect(text.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
      const id = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'no-such-operation' } } });
      expect(id.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
      // A text that does not even parse is refused the same way: it says nothing about the schema.
      const garbage = await post({ query: '{ noSuchField' });
      expect(garbage.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
      // Registering a new text under its own hash does not add it to the list.
      const query = 'query New { sectors { name } }';
      const register = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
      expect(register.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_SAFELIST');
      expect(system.statements('cyber')).toBe(before);
    });
  });
});
