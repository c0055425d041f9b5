// Defense in depth: the subgraphs do not rely on the gateway's filtering. A request that skips
// the gateway is refused; one that carries a valid gateway token still cannot read a protected
// field, not even through `_entities`; a subgraph opened for direct access in development serves
// such requests as anonymous. And the gateway never hands a subgraph the client's token.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFromClaims } from '../../../gateway/identity/caller';
import { createGatewayTokenSigner, createGatewayTokenVerifier, GATEWAY_TOKEN_HEADER, REQUEST_ID_HEADER, type GatewayTokenSigner } from '../../../gateway/identity/gateway-token';
import { readSigningKey } from '../../../gateway/identity/key-files';
import { findPersona } from '../../../gateway/identity/personas';
import { startGateway, type RunningGateway } from '../../../gateway/server';
import { agencyByName } from '../../../subgraphs/agencies';
import { createPolicyEngine } from '../../../gateway/authorization';
import { subgraphSettingsFromEnv } from '../../../subgraphs/kit/config/subgraph-settings';
import { gatewayAuthentication } from '../../../subgraphs/kit/identity/gateway-authentication';
import { startSubgraph, type RunningSubgraph } from '../../../subgraphs/kit/server/start-subgraph';
import { postGraphQL, startSystem, type GraphQLResponse, type RunningSystem } from '../../support/start-system';
import { databaseKinds } from '../../support/test-database';
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy';
import { denialsOf } from './support/response-reading';

const UNAUTHORIZED = 'UNAUTHORIZED_FIELD_OR_TYPE';
/** `_entities` queries as the gateway would send them, each to the subgraph that has the field. */
function entities(selection: string): string {
  return `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
}
const EXPLOIT_DETAILS = entities('... on Vulnerability { exploitDetails }');
const GRANTS = entities('... on Model { earlyAccessGrants(first: 5) { nodes { id } } }');
const SECURITY_FINDINGS = entities('... on Sector { securityFindings(first: 5) { nodes { id details } } }');

interface VulnerabilityRow {
  readonly id: string;
  readonly sector: { readonly code: string };
  readonly discoveredBy: { readonly id: string } | null;
}

describe.each(databaseKinds())('defense in depth on %s', (database) => {
  let system: RunningSystem;
  let signer: GatewayTokenSigner;
  let financialVulnerability: VulnerabilityRow;

  beforeAll(async () => {
    system = await startSystem({ seed: { scale: 1 }, database });
    const key = await readSigningKey(system.gatewayConfig.gatewayKeyFile);
    signer = createGatewayTokenSigner({ privateKey: key.privateKey, keyId: key.keyId });
    const { body } = await system.query('{ vulnerabilities(first: 100, filter: { sectorCode: "FINANCIAL_SERVICES" }) { nodes { id sector { code } discoveredBy { id } } } }', {
      token: await system.token('cyber-analyst'),
    });
    financialVulnerability = (body.data as { vulnerabilities: { nodes: VulnerabilityRow[] } }).vulnerabilities.nodes[0]!;
  });

  afterAll(async () => {
    await system?.close();
  });

  /** A request straight to a subgraph, with a gateway token for `persona` (null: anonymous; undefined: no token). */
  async function direct(subgraph: RunningSubgraph | string, query: string, persona?: string | null, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
    const headers: Record<string, string> = {};
    if (persona !== undefined) {
      const caller = persona === null ? null : callerFromClaims({ ...findPersona(persona)!.claims });
      headers[GATEWAY_TOKEN_HEADER] = signer.sign(caller);
    }
    return postGraphQL(typeof subgraph === 'string' ? subgraph : subgraph.url, { query, variables }, headers);
  }

  describe('a request that did not come through the gateway', () => {
    for (const agency of ['treasury', 'defense', 'cyber'] as const) {
      it(`is refused by the ${agency} subgraph with 401 GATEWAY_TOKEN_REQUIRED`, async () => {
        const { status, body } = await direct(system.subgraphs[agency], '{ __typename }');
        expect(status).toBe(401);
        expect(body.errors?.[0]?.extensions?.code).toBe('GATEWAY_TOKEN_REQUIRED');
        expect(body.data).toBeUndefined();
      });
    }

    it("is refused even with a client's valid token: subgraphs accept only the gateway's", async () => {
      const clientToken = await system.token('cyber-analyst');
      const asBearer = await postGraphQL(system.subgraphs.cyber.url, { query: '{ sectors { code } }' }, { authorization: `Bearer ${clientToken}` });
      expect(asBearer.status).toBe(401);
      expect(asBearer.body.errors?.[0]?.extensions?.code).toBe('GATEWAY_TOKEN_REQUIRED');
      // Put where the gateway token goes, it is signed by the wrong key and names the wrong issuer.
      const asGatewayToken = await postGraphQL(system.subgraphs.cyber.url, { query: '{ sectors { code } }' }, { [GATEWAY_TOKEN_HEADER]: clientToken });
      expect(asGatewayToken.status).toBe(401);
      expect(asGatewayToken.body.data).toBeUndefined();
    });
  });

  describe("a request with a valid gateway token still meets the subgraph's own rules", () => {
    it('withholds Treasury-only developer fields from the cyber office', async () => {
      const { body } = await direct(system.subgraphs.treasury, '{ developers(first: 2) { nodes { name contact { email } commercialTerms } } }', 'cyber-analyst');
      const nodes = (body.data as { developers: { nodes: Array<{ name: string; contact: unknown; commercialTerms: unknown }> } }).developers.nodes;
      expect(nodes.map((node) => node.name).every((name) => typeof name === 'string')).toBe(true);
      expect(nodes.every((node) => node.contact === null && node.commercialTerms === null)).toBe(true);
      const rule = '@requiresScopes(scopes: [["treasury:read"]]) @policy(policies: [["agency:treasury"]])';
      expect(denialsOf(body)).toEqual([`Developer.commercialTerms ${rule}`, `Developer.contact ${rule}`]);
    });

    it("withholds Defense's assessments from the cyber office", async () => {
      const { body } = await direct(system.subgraphs.defense, '{ nationalSecurityAssessments(first: 1) { nodes { id } } }', 'cyber-analyst');
      expect(body.data).toEqual({ nationalSecurityAssessments: null });
      expect(body.errors?.map((error) => error.extensions?.code)).toEqual([UNAUTHORIZED]);
    });

    it('withholds classified findings from Treasury through _entities on Sector', async () => {
      const { body } = await direct(system.subgraphs.defense, SECURITY_FINDINGS, 'treasury-analyst', { representations: [{ __typename: 'Sector', code: 'ENERGY' }] });
      expect(body.data).toEqual({ _entities: [{ securityFindings: null }] });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: UNAUTHORIZED, coordinate: 'Sector.securityFindings' });
    });

    it("withholds a model's early-access grants from the cyber office through _entities on Model", async () => {
      const { body } = await direct(system.subgraphs.treasury, GRANTS, 'cyber-analyst', {
        representations: [{ __typename: 'Model', id: financialVulnerability.discoveredBy!.id }],
      });
      expect(body.data).toEqual({ _entities: [{ earlyAccessGrants: null }] });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: UNAUTHORIZED, coordinate: 'Model.earlyAccessGrants' });
    });

    it('withholds exploit details through _entities from a caller no need-to-know policy covers', async () => {
      const { body } = await direct(system.subgraphs.cyber, EXPLOIT_DETAILS, 'auditor', {
        representations: [{ __typename: 'Vulnerability', id: financialVulnerability.id, discoveredBy: { activeGrantForCaller: true } }],
      });
      expect(body.data).toEqual({ _entities: [{ exploitDetails: null }] });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: UNAUTHORIZED, coordinate: 'Vulnerability.exploitDetails' });
    });

    it("withholds another sector's exploit details from a partner, whatever grant the representation claims", async () => {
      const { body } = await direct(system.subgraphs.cyber, EXPLOIT_DETAILS, 'energy-partner', {
        representations: [{ __typename: 'Vulnerability', id: financialVulnerability.id, discoveredBy: { activeGrantForCaller: true } }],
      });
      expect(financialVulnerability.sector.code).toBe('FINANCIAL_SERVICES');
      // The partner does not even see a vulnerability outside its sector.
      expect(body.data).toEqual({ _entities: [null] });
    });

    it('answers an anonymous caller the gateway let through with nothing but errors', async () => {
      const { body } = await direct(system.subgraphs.cyber, '{ sectors { code } }', null);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: UNAUTHORIZED, rule: '@authenticated' });
    });
  });

  describe('a subgraph opened for direct access (ACCORD_ALLOW_DIRECT_ACCESS)', () => {
    let open: RunningSubgraph;

    beforeAll(async () => {
      const agency = agencyByName('cyber');
      const settings = subgraphSettingsFromEnv(agency, { ...system.database.env, ACCORD_ALLOW_DIRECT_ACCESS: '1', CYBER_PORT: '0' }, system.dataDir);
      expect(settings.allowDirectAccess).toBe(true);
      open = await startSubgraph(agency, {
        port: settings.port,
        database: settings.database,
        authenticate: gatewayAuthentication(settings),
        policies: createPolicyEngine(),
      });
    });

    afterAll(async () => {
      await open?.close();
    });

    it('serves a request without a gateway token as anonymous: the schema, no data', async () => {
      const schema = await direct(open, '{ _service { sdl } }');
      expect(schema.status).toBe(200);
      expect((schema.body.data as { _service: { sdl: string } })._service.sdl).toContain('type Vulnerability');
      const data = await direct(open, '{ sectors { code } vulnerabilities(first: 5) { nodes { id } } }');
      expect(data.body.data).toBeNull();
      expect(data.body.errors?.every((error) => error.extensions?.code === UNAUTHORIZED)).toBe(true);
    });

    it('withholds exploit details through _entities from the anonymous direct caller', async () => {
      const { body } = await direct(open, EXPLOIT_DETAILS, undefined, {
        representations: [{ __typename: 'Vulnerability', id: financialVulnerability.id, discoveredBy: { activeGrantForCaller: true } }],
      });
      // _entities is a Query field, and Query needs an authenticated caller.
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: UNAUTHORIZED, rule: '@authenticated' });
    });
  });

  describe('what the gateway sends the subgraphs', () => {
    let proxies: Record<string, RecordingProxy>;
    let gateway: RunningGateway;

    beforeAll(async () => {
      proxies = {};
      for (const [name, subgraph] of Object.entries(system.subgraphs)) proxies[name] = await startRecordingProxy(subgraph.url);
      const config = system.gatewayConfig;
      gateway = await startGateway({
        ...config,
        port: 0,
        subgraphUrls: Object.fromEntries(Object.entries(proxies).map(([name, proxy]) => [name, proxy.url])),
        audit: { ...config.audit, file: path.join(system.dataDir, 'proxied-audit.jsonl') },
      });
    });

    afterAll(async () => {
      await gateway?.close();
      for (const proxy of Object.values(proxies ?? {})) await proxy.close();
    });

    it("never forwards the client's token: each subgraph gets the gateway's own, naming the caller and the request", async () => {
      const clientToken = await system.token('treasury-analyst');
      const query = '{ models(first: 3) { nodes { id name nationalSecurityPriority vulnerabilitiesFound(first: 2) { totalCount } } } }';
      const { body } = await postGraphQL(gateway.url, { query }, { authorization: `Bearer ${clientToken}`, 'x-request-id': 'defense-in-depth-headers' });
      expect(body.errors).toBeUndefined();
      const verifier = createGatewayTokenVerifier({ jwks: path.join(system.dataDir, 'keys', 'gateway.jwks.json') });
      for (const [name, proxy] of Object.entries(proxies)) {
        expect(proxy.headers.length, `${name} was asked`).toBeGreaterThan(0);
        for (const headers of proxy.headers) {
          expect(headers.authorization).toBeUndefined();
          expect(JSON.stringify(headers)).not.toContain(clientToken);
          const identity = await verifier.verify(headers[GATEWAY_TOKEN_HEADER] as string, headers[REQUEST_ID_HEADER]);
          expect(identity.requestId).toBe('defense-in-depth-headers');
          expect(identity.caller?.subject).toBe('dev:treasury-analyst');
          expect([...identity.caller!.scopes].sort()).toEqual(['treasury:read', 'treasury:write']);
        }
      }
    });
  });
});
