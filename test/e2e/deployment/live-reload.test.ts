// Live reload through real processes: three subgraphs and a gateway started as operators start
// them. The gateway starts on a supergraph without Model.withdrawalReason (the treasury team has
// not shipped it yet); the supergraph file is then replaced under steady client traffic.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKeyPair } from '../../../gateway/identity/key-files';
import { sourcesFromFiles } from '../../../scripts/lib/subgraph-sources';
import { startChild } from '../../support/processes';
import { composeOrThrow, eventually, startDeployment, type Deployment } from './support/deployment';
import { removeField } from './support/sdl-edits';
import { errorCodes, moreOutcomes, steadyTraffic, type Outcome } from './support/traffic';

const ACROSS_AGENCIES = /* GraphQL */ `{
  models(first: 3) { nodes { id name nationalSecurityPriority vulnerabilitiesFound(first: 2) { totalCount } } }
}`;
const NEW_FIELD = '{ models(first: 3) { nodes { id withdrawalReason } } }';

function runCommand(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = startChild(args, env);
  return new Promise((resolve) => child.process.once('exit', (code) => resolve({ code, output: child.output() })));
}

function failures(outcomes: readonly Outcome[]): Outcome[] {
  return outcomes.filter((outcome) => outcome.status !== 200 || errorCodes(outcome).length > 0);
}

describe('live supergraph reload through real processes', () => {
  let deployment: Deployment;
  let token: string;

  beforeAll(async () => {
    deployment = await startDeployment({
      initialSources: (sources) =>
        sources.map((source) => (source.name === 'treasury' ? { ...source, sdl: removeField(source.sdl, 'Model', 'withdrawalReason') } : source)),
      gatewayEnv: { ACCORD_SUPERGRAPH_POLL_MS: '500' },
    });
    token = await deployment.token('treasury-analyst');
  });

  afterAll(async () => {
    await deployment?.close();
  });

  it('composes from the running subgraphs with a gateway token signed by the development key, and fails without a key they trust', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'accord-composed-'));
    const otherDataDir = await mkdtemp(path.join(tmpdir(), 'accord-other-keys-'));
    try {
      const args = ['scripts/compose.ts', '--from', 'running', '--config', deployment.subgraphConfigFile, '--out', out];
      const [composed, keyless, foreignKey] = await Promise.all([
        runCommand(args, { ACCORD_DATA_DIR: deployment.dataDir }),
        runCommand(args, { ACCORD_DATA_DIR: otherDataDir }),
        ensureKeyPair(path.join(otherDataDir, 'foreign'), 'gateway').then((key) =>
          runCommand([...args, '--gateway-key', key.privateKeyPath], { ACCORD_DATA_DIR: otherDataDir }),
        ),
      ]);
      expect(composed.output).toContain('composed treasury, defense, cyber (from running)');
      expect(composed.code).toBe(0);
      // The running treasury subgraph already serves the field its checked-in SDL lost in this scenario.
      expect(await readFile(path.join(out, 'supergraph.graphql'), 'utf8')).toContain('withdrawalReason');

      expect(keyless.code).toBe(1);
      expect(keyless.output).toContain('cannot read private key file');
      expect(foreignKey.code).toBe(1);
      expect(foreignKey.output).toMatch(/did not return its SDL: .*(signature|key)/i);
    } finally {
      await rm(out, { recursive: true, force: true });
      await rm(otherDataDir, { recursive: true, force: true });
    }
  });

  it('switches to a new supergraph under steady traffic without a failed request, drains the old one, then serves the new field', async () => {
    const before = await deployment.query(NEW_FIELD, token);
    expect(before.status).toBe(400);
    expect(errorCodes(before)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const oldId = (await (await fetch(deployment.gatewayUrl.replace('/graphql', '/ready'))).json() as { supergraph: string }).supergraph;

    const traffic = steadyTraffic(() => deployment.query(ACROSS_AGENCIES, token));
    await moreOutcomes(traffic, 20);
    await deployment.replaceSupergraph(composeOrThrow(await sourcesFromFiles(deployment.entries)));
    await eventually(() => deployment.gatewayLog().some((line) => line.msg === 'supergraph reloaded'), 'the reload');
    await moreOutcomes(traffic, 20);
    const outcomes = await traffic.stop();

    expect(failures(outcomes)).toEqual([]);
    const reloaded = deployment.gatewayLog().filter((line) => line.msg === 'supergraph reloaded');
    expect(reloaded).toHaveLength(1);
    expect(reloaded[0]).toMatchObject({ level: 30, previous: oldId }); // pino's info
    // The replaced version's connections are closed once its last request has answered.
    await eventually(
      () => deployment.gatewayLog().some((line) => line.msg === 'replaced supergraph closed' && line.supergraph === oldId),
      'the old supergraph to be closed',
    );

    const after = await deployment.query(NEW_FIELD, token);
    expect(after.status).toBe(200);
    expect(after.body?.errors).toBeUndefined();
    const nodes = (after.body?.data?.models as { nodes: Array<{ withdrawalReason: unknown }> }).nodes;
    expect(nodes).toHaveLength(3);
    expect(nodes.every((node) => 'withdrawalReason' in node)).toBe(true);
  });

  it('refuses a supergraph that does not parse or is not a valid supergraph, logs why, and keeps serving the last good one', async () => {
    const ready = async () => (await (await fetch(deployment.gatewayUrl.replace('/graphql', '/ready'))).json()) as { supergraph: string };
    const serving = (await ready()).supergraph;
    const refusals = () => deployment.gatewayLog().filter((line) => line.msg === 'supergraph refused');
    const traffic = steadyTraffic(() => deployment.query(ACROSS_AGENCIES, token));

    await deployment.replaceSupergraph('this is not { a supergraph');
    await eventually(() => refusals().length === 1, 'the unparsable supergraph to be refused');
    await moreOutcomes(traffic, 10);
    // Valid GraphQL, but not a supergraph: no join spec, no subgraphs.
    await deployment.replaceSupergraph('type Query { hello: String }');
    await eventually(() => refusals().length === 2, 'the non-supergraph to be refused');
    await moreOutcomes(traffic, 10);
    const outcomes = await traffic.stop();

    expect(failures(outcomes)).toEqual([]);
    for (const refusal of refusals()) {
      // pino's error level
      expect(refusal).toMatchObject({ level: 50, serving, code: 'INVALID_SUPERGRAPH', source: deployment.supergraphFile });
      expect(refusal.reason).toEqual(expect.any(String));
    }
    expect((await ready()).supergraph).toBe(serving);
    const answer = await deployment.query(NEW_FIELD, token);
    expect(answer.status).toBe(200);
    expect(answer.body?.errors).toBeUndefined();
  });
});
