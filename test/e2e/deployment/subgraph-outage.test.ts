// A subgraph down, hung or answering garbage, through real processes under steady traffic: the
// gateway keeps answering (200, never a hang) with the other agencies' data and one error for the
// missing part, /ready says which subgraph is down, and everything comes back by itself when the
// subgraph does. Models come from treasury; their security priority from defense, their
// vulnerabilities from cyber.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startDeployment, type ClientResponse, type Deployment } from './support/deployment';
import { errorCodes, moreOutcomes, steadyTraffic, type Outcome } from './support/traffic';

const ACROSS_AGENCIES = /* GraphQL */ `{
  models(first: 3) { nodes { id name nationalSecurityPriority vulnerabilitiesFound(first: 2) { totalCount } } }
}`;

interface ModelNode {
  id: string;
  name: string | null;
  nationalSecurityPriority: string | null;
  vulnerabilitiesFound: { totalCount: number } | null;
}

function nodesOf(response: ClientResponse): ModelNode[] {
  return (response.body?.data?.models as { nodes: ModelNode[] }).nodes;
}

interface ReadyReport {
  status: string;
  degraded: boolean;
  subgraphs: Record<string, { state: string; reason?: string }>;
}

/** Every request answered with 200 and JSON: none failed at the HTTP level, none hung. */
function answeredEvery(outcomes: readonly Outcome[]): void {
  expect(outcomes.filter((outcome) => outcome.status !== 200 || !('body' in outcome) || outcome.body === null)).toEqual([]);
}

describe('a subgraph down, hung or answering garbage', () => {
  let deployment: Deployment;
  let token: string;
  const ready = async (): Promise<{ status: number; report: ReadyReport }> => {
    const response = await fetch(deployment.gatewayUrl.replace('/graphql', '/ready'));
    return { status: response.status, report: (await response.json()) as ReadyReport };
  };
  const query = () => deployment.query(ACROSS_AGENCIES, token);
  const complete = async () => {
    const response = await query();
    return response.status === 200 && errorCodes(response).length === 0;
  };

  beforeAll(async () => {
    deployment = await startDeployment({ gatewayEnv: { ACCORD_SUBGRAPH_TIMEOUT_MS: '3000', ACCORD_SUPERGRAPH_POLL_MS: '0' } });
    token = await deployment.token('treasury-analyst');
  });

  afterAll(async () => {
    await deployment?.close();
  });

  it('serves the other agencies with SUBGRAPH_UNAVAILABLE for a killed subgraph, and recovers once it is restarted', async () => {
    expect(await complete()).toBe(true);
    expect(await ready()).toMatchObject({ status: 200, report: { status: 'ready', degraded: false } });
    const traffic = steadyTraffic(query);
    await moreOutcomes(traffic, 10);

    await deployment.killSubgraph('defense');
    await eventually(async () => {
      const { status, report } = await ready();
      const { treasury, defense, cyber } = report.subgraphs;
      return status === 200 && report.degraded && defense?.state === 'down' && treasury?.state === 'up' && cyber?.state === 'up';
    }, '/ready to report defense down and the others up');
    const during = await query();
    expect(during.status).toBe(200);
    expect(errorCodes(during)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(during.body?.errors?.[0]?.extensions?.serviceName).toBe('defense');
    for (const node of nodesOf(during)) {
      expect(node.name).toEqual(expect.any(String));
      expect(node.vulnerabilitiesFound?.totalCount).toEqual(expect.any(Number));
      expect(node.nationalSecurityPriority).toBeNull();
    }
    await moreOutcomes(traffic, 10);

    await deployment.startSubgraph('defense');
    await eventually(complete, 'complete answers after the restart');
    await eventually(async () => !(await ready()).report.degraded, '/ready to report every subgraph up');
    await moreOutcomes(traffic, 10);
    const outcomes = await traffic.stop();

    answeredEvery(outcomes);
    const codes = new Set(outcomes.flatMap(errorCodes));
    expect([...codes].filter((code) => code !== 'SUBGRAPH_UNAVAILABLE')).toEqual([]);
    expect(codes.has('SUBGRAPH_UNAVAILABLE')).toBe(true);
    expect(errorCodes(outcomes.at(-1)!)).toEqual([]);
  });

  it('answers within the subgraph timeout with SUBGRAPH_TIMEOUT while a subgraph hangs, and recovers when it answers again', async () => {
    deployment.freezeSubgraph('cyber', true);
    try {
      const during = await query();
      expect(during.status).toBe(200);
      expect(errorCodes(during)).toEqual(['SUBGRAPH_TIMEOUT']);
      for (const node of nodesOf(during)) {
        expect(node.name).toEqual(expect.any(String));
        expect(node.vulnerabilitiesFound).toBeNull();
      }
      const { report } = await ready();
      expect(report.subgraphs.cyber).toEqual(expect.objectContaining({ state: 'down', reason: expect.stringContaining('no answer within') }));
    } finally {
      deployment.freezeSubgraph('cyber', false);
    }
    await eventually(complete, 'complete answers once cyber answers again');
  });

  it('answers with SUBGRAPH_BAD_RESPONSE while something else answers garbage at a subgraph\'s address', async () => {
    await deployment.killSubgraph('cyber');
    const impostor = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>maintenance</body></html>');
    });
    const port = Number(new URL(deployment.entries.find((e) => e.name === 'cyber')!.routingUrl).port);
    await new Promise<void>((resolve) => impostor.listen(port, '127.0.0.1', resolve));
    try {
      const during = await query();
      expect(during.status).toBe(200);
      expect(errorCodes(during)).toEqual(['SUBGRAPH_BAD_RESPONSE']);
      expect(nodesOf(during).every((node) => node.name !== null && node.vulnerabilitiesFound === null)).toBe(true);
    } finally {
      impostor.closeAllConnections();
      await new Promise<void>((resolve) => impostor.close(() => resolve()));
    }
    await deployment.startSubgraph('cyber');
    await eventually(complete, 'complete answers once cyber is back');
  });
});
