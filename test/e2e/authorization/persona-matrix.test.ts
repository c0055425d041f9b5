// Who sees what, through real HTTP over the three agency subgraphs and their seeded databases:
// for each caller and a set of representative operations, exactly which fields come back, which
// are denied (coordinate and rule), and the classification marking of the response. Row rules
// (a partner's models and sector, top-secret findings, need-to-know per sector and grant) are
// checked on the rows themselves.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassificationLevel } from '../../../gateway/authorization';
import { startGateway, type RunningGateway } from '../../../gateway/server';
import { postGraphQL, startSystem, type GraphQLResponse, type RunningSystem } from '../../support/start-system';
import { databaseKinds } from '../../support/test-database';
import { CALLERS, type Caller } from './support/callers';
import { denialsOf, otherErrorCodes, returnedCoordinates } from './support/response-reading';

const AUTHENTICATED = '@authenticated';
const TREASURY_READ = '@requiresScopes(scopes: [["treasury:read"]])';
const TREASURY_MEMBER = '@policy(policies: [["agency:treasury"]])';
const TREASURY_WRITE = '@requiresScopes(scopes: [["treasury:write"]])';
const CLASSIFIED_SCOPE = '@requiresScopes(scopes: [["defense:classified"]])';
const SECRET_CLEARANCE = '@policy(policies: [["clearance:secret"]])';
const AGENCY_ANALYSTS = '@requiresScopes(scopes: [["treasury:read"], ["defense:read"], ["cyber:read"]])';
const PARTNER_PROGRAMME = '@requiresScopes(scopes: [["treasury:read"], ["partner:read"]])';
const DEFENSE_OR_AGREEMENT = '@policy(policies: [["agency:defense"], ["agreement:defense-risk-sharing"]])';
const NEED_TO_KNOW = '@policy(policies: [["agency:cyber"], ["sector-lead-agency"], ["sector-partner"]])';
/** The cyber subgraph's own check of the row: which sector, which grant. */
const NEED_TO_KNOW_ROW = 'need-to-know row check';

const ANONYMOUS_QUERY = [`Query ${AUTHENTICATED}`];

interface Cell {
  /** Exactly the fields that come back with a value somewhere in the response. */
  readonly returns: readonly string[];
  /** Exactly the denials reported, as `coordinate rule`. */
  readonly denied?: readonly string[];
  /** The response's marking; `rows` when it is the highest marking of the rows returned (at least `floor`). */
  readonly classification?: ClassificationLevel | { readonly rows: true; readonly floor: ClassificationLevel };
  /** Codes of other errors (the subgraph refusing bad input after authorization let it through). */
  readonly otherErrors?: readonly string[];
}

interface Row {
  readonly name: string;
  readonly query: string;
  readonly cells: Readonly<Record<string, Cell>>;
}

const SECTOR_FIELDS = ['Query.sectors', 'Sector.code', 'Sector.name', 'Sector.leadAgency'];
const READ_SECTORS: Cell = { returns: SECTOR_FIELDS };

const DEVELOPER_BASICS = ['Query.developers', 'DeveloperConnection.nodes', 'Developer.name'];
const DEVELOPER_ALL = [...DEVELOPER_BASICS, 'Developer.commercialTerms', 'Developer.contact', 'DeveloperContact.email'];
const NOT_TREASURY: Cell = {
  returns: DEVELOPER_BASICS,
  denied: [`Developer.commercialTerms ${TREASURY_READ}`, `Developer.contact ${TREASURY_READ}`],
};
const NOT_TREASURY_MEMBER: Cell = {
  returns: DEVELOPER_BASICS,
  denied: [`Developer.commercialTerms ${TREASURY_MEMBER}`, `Developer.contact ${TREASURY_MEMBER}`],
};

const FINDING_SECTORS = ['Query.sectors', 'Sector.code'];
const FINDINGS_ALL = [...FINDING_SECTORS, 'Sector.securityFindings', 'SecurityFindingConnection.nodes', 'SecurityFinding.id', 'SecurityFinding.classification', 'SecurityFinding.details'];
const NOT_CLASSIFIED: Cell = { returns: FINDING_SECTORS, denied: [`Sector.securityFindings ${CLASSIFIED_SCOPE}`] };

const VULNERABILITY_BASICS = ['Query.vulnerabilities', 'VulnerabilityConnection.nodes', 'Vulnerability.id', 'Vulnerability.sector', 'Sector.code', 'Vulnerability.discoveredBy', 'Model.id', 'Model.activeGrantForCaller'];
const EXPLOITS_OF_SOME_ROWS: Cell = {
  returns: [...VULNERABILITY_BASICS, 'Vulnerability.exploitDetails'],
  denied: [`Vulnerability.exploitDetails ${NEED_TO_KNOW_ROW}`],
  classification: 'CUI',
};

const MODEL_FIELDS = ['Query.models', 'ModelConnection.totalCount', 'ModelConnection.nodes', 'Model.id', 'Model.activeGrantForCaller'];
const MODELS_ALL = [...MODEL_FIELDS, 'Model.nationalSecurityPriority', 'Model.earlyAccessGrants', 'EarlyAccessGrantConnection.nodes', 'EarlyAccessGrant.partner', 'Partner.id'];
const NO_GRANTS: Cell = { returns: [...MODEL_FIELDS, 'Model.nationalSecurityPriority'], denied: [`Model.earlyAccessGrants ${PARTNER_PROGRAMME}`] };
const PARTNER_MODELS: Cell = {
  returns: [...MODEL_FIELDS, 'Model.earlyAccessGrants', 'EarlyAccessGrantConnection.nodes', 'EarlyAccessGrant.partner', 'Partner.id'],
  denied: [`Model.nationalSecurityPriority ${AGENCY_ANALYSTS}`],
};

const ASSESSMENT_FIELDS = ['Query.nationalSecurityAssessments', 'NationalSecurityAssessmentConnection.nodes', 'NationalSecurityAssessment.id', 'NationalSecurityAssessment.classification'];

/** A valid planned release (in the future, within a year). */
const IN_SIXTY_DAYS = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString();
const WRITE_DENIED_SCOPE: Cell = { returns: [], denied: [`Mutation.submitModel ${TREASURY_WRITE}`] };

const ROWS: readonly Row[] = [
  {
    name: 'sectors (any authenticated caller)',
    query: 'query Sectors { sectors { code name leadAgency } }',
    cells: {
      anonymous: { returns: [], denied: ANONYMOUS_QUERY },
      'treasury-analyst': READ_SECTORS,
      'defense-analyst': READ_SECTORS,
      'cyber-analyst': READ_SECTORS,
      'energy-partner': READ_SECTORS,
      'bank-partner': READ_SECTORS,
      auditor: READ_SECTORS,
    },
  },
  {
    name: "developers' contacts and commercial terms (Treasury only)",
    query: 'query Developers { developers(first: 5) { nodes { name commercialTerms contact { email } } } }',
    cells: {
      anonymous: { returns: [], denied: ANONYMOUS_QUERY },
      'treasury-analyst': { returns: DEVELOPER_ALL, classification: 'CUI' },
      'defense-analyst': NOT_TREASURY,
      'cyber-analyst': NOT_TREASURY,
      'energy-partner': NOT_TREASURY,
      'bank-partner': NOT_TREASURY,
      auditor: NOT_TREASURY_MEMBER,
      'defense analyst holding Treasury scopes': NOT_TREASURY_MEMBER,
    },
  },
  {
    name: 'classified findings (defense:classified and a secret clearance)',
    query: 'query Findings { sectors { code securityFindings(first: 100) { nodes { id classification details } } } }',
    cells: {
      anonymous: { returns: [], denied: ANONYMOUS_QUERY },
      'treasury-analyst': NOT_CLASSIFIED,
      'defense-analyst': { returns: FINDINGS_ALL, classification: 'SECRET' },
      'cyber-analyst': NOT_CLASSIFIED,
      'energy-partner': NOT_CLASSIFIED,
      'bank-partner': NOT_CLASSIFIED,
      auditor: NOT_CLASSIFIED,
      'defense analyst without defense:classified': NOT_CLASSIFIED,
      'CUI-cleared defense analyst': { returns: FINDING_SECTORS, denied: [`Sector.securityFindings ${SECRET_CLEARANCE}`] },
      'top-secret defense analyst': { returns: FINDINGS_ALL, classification: 'TOP_SECRET' },
    },
  },
  {
    name: 'exploit details (need-to-know)',
    query: 'query Exploits { vulnerabilities(first: 100) { nodes { id sector { code } discoveredBy { id activeGrantForCaller } exploitDetails } } }',
    cells: {
      anonymous: { returns: [], denied: ANONYMOUS_QUERY },
      'treasury-analyst': EXPLOITS_OF_SOME_ROWS,
      'defense-analyst': EXPLOITS_OF_SOME_ROWS,
      'cyber-analyst': { returns: [...VULNERABILITY_BASICS, 'Vulnerability.exploitDetails'], classification: 'CUI' },
      'energy-partner': EXPLOITS_OF_SOME_ROWS,
      'bank-partner': EXPLOITS_OF_SOME_ROWS,
      auditor: { returns: VULNERABILITY_BASICS, denied: [`Vulnerability.exploitDetails ${NEED_TO_KNOW}`] },
    },
  },
  {
    name: 'models, their national-security priority and early-access grants',
    query: 'query Models { models(first: 100) { totalCount nodes { id activeGrantForCaller nationalSecurityPriority earlyAccessGrants(first: 20) { nodes { partner { id } } } } } }',
    cells: {
      anonymous: { returns: [], denied: ANONYMOUS_QUERY },
      'treasury-analyst': { returns: MODELS_ALL },
      'defense-analyst': NO_GRANTS,
      'cyber-analyst': NO_GRANTS,
      'energy-partner': PARTNER_MODELS,
      'bank-partner': PARTNER_MODELS,
      auditor: { returns: MODELS_ALL },
    },
  },
  {
    name: "Defense's national-security assessments (Defense, or a data-sharing agreement)",
    query: 'query DefenseAssessments { nationalSecurityAssessments(first: 5) { nodes { id classification } } }',
    cells: {
      anonymous: { returns: [], denied: ANONYMOUS_QUERY },
      // Treasury's CUI clearance: assessments marked above it are not returned at all.
      'treasury-analyst': { returns: ASSESSMENT_FIELDS, classification: 'CUI' },
      'defense-analyst': { returns: ASSESSMENT_FIELDS, classification: { rows: true, floor: 'CUI' } },
      'cyber-analyst': { returns: [], denied: [`Query.nationalSecurityAssessments ${DEFENSE_OR_AGREEMENT}`] },
      'energy-partner': { returns: [], denied: [`Query.nationalSecurityAssessments ${AGENCY_ANALYSTS}`] },
      'bank-partner': { returns: [], denied: [`Query.nationalSecurityAssessments ${AGENCY_ANALYSTS}`] },
      auditor: { returns: [], denied: [`Query.nationalSecurityAssessments ${DEFENSE_OR_AGREEMENT}`] },
    },
  },
  {
    name: "writes (the agency's write scope and membership)",
    // A developer that does not exist: a caller authorization lets through reaches the resolver, which refuses it.
    query: `mutation Submit { submitModel(input: { developerId: "dev-does-not-exist", name: "Probe", version: "1", capabilities: [CODE_GENERATION], plannedReleaseAt: "${IN_SIXTY_DAYS}" }) { id } }`,
    cells: {
      anonymous: { returns: [], denied: [`Mutation ${AUTHENTICATED}`] },
      'treasury-analyst': { returns: [], otherErrors: ['NOT_FOUND'] },
      'defense-analyst': WRITE_DENIED_SCOPE,
      'cyber-analyst': WRITE_DENIED_SCOPE,
      'energy-partner': WRITE_DENIED_SCOPE,
      'bank-partner': WRITE_DENIED_SCOPE,
      auditor: WRITE_DENIED_SCOPE,
      'defense analyst holding Treasury scopes': { returns: [], denied: [`Mutation.submitModel ${TREASURY_MEMBER}`] },
    },
  },
];

const LEVELS: readonly ClassificationLevel[] = ['UNCLASSIFIED', 'CUI', 'SECRET', 'TOP_SECRET'];

/** The higher of `floor` and every `classification` value in `data`. */
function highestMarking(floor: ClassificationLevel, data: unknown): ClassificationLevel {
  let highest = LEVELS.indexOf(floor);
  JSON.stringify(data, (key, value: unknown) => {
    if (key === 'classification' && typeof value === 'string') highest = Math.max(highest, LEVELS.indexOf(value as ClassificationLevel));
    return value;
  });
  return LEVELS[highest]!;
}

interface Vulnerability {
  readonly sector: { readonly code: string };
  readonly discoveredBy: { readonly id: string; readonly activeGrantForCaller: boolean } | null;
  readonly exploitDetails: string | null;
}

describe.each(databaseKinds())('who sees what, through the gateway on %s', (database) => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem({ seed: { scale: 1 }, database });
  });

  afterAll(async () => {
    await system?.close();
  });

  async function ask(caller: Caller, query: string, url = system.gateway.url): Promise<GraphQLResponse> {
    const headers: Record<string, string> = caller === null ? {} : { authorization: `Bearer ${await system.token(caller)}` };
    return postGraphQL(url, { query }, headers);
  }

  for (const row of ROWS) {
    describe(row.name, () => {
      for (const [callerName, cell] of Object.entries(row.cells)) {
        const what = cell.denied?.length ? `is denied ${cell.denied.map((d) => d.split(' ')[0]).join(', ')}` : 'reads every field';
        it(`${callerName} ${what}`, async () => {
          const { status, body } = await ask(CALLERS[callerName]!, row.query);
          expect(status).toBe(200);
          expect(denialsOf(body)).toEqual([...(cell.denied ?? [])].sort());
          expect(otherErrorCodes(body)).toEqual(cell.otherErrors ?? []);
          const schema = system.gateway.gateway.supergraph.apiSchema;
          expect([...returnedCoordinates(schema, row.query, body.data)].sort()).toEqual([...cell.returns].sort());
          const marking = cell.classification ?? 'UNCLASSIFIED';
          expect(body.extensions?.classification).toBe(typeof marking === 'string' ? marking : highestMarking(marking.floor, body.data));
        });
      }
    });
  }

  it('answers introspection to an anonymous caller: the schema is public, the data is not', async () => {
    const { status, body } = await ask(null, '{ __schema { queryType { name } mutationType { name } } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' }, mutationType: { name: 'Mutation' } } });
  });

  it('answers an anonymous caller nothing but null data, asking no subgraph', async () => {
    const before = { treasury: system.statements('treasury'), defense: system.statements('defense'), cyber: system.statements('cyber') };
    const { body } = await ask(null, '{ sectors { code } models(first: 1) { totalCount } vulnerabilities(first: 1) { totalCount } }');
    expect(body.data).toBeNull();
    expect(denialsOf(body)).toEqual(ANONYMOUS_QUERY);
    expect({ treasury: system.statements('treasury'), defense: system.statements('defense'), cyber: system.statements('cyber') }).toEqual(before);
  });

  // The whole operation is denied (Query is @authenticated), so __typename goes too; it is
  // String!, so its null takes the data with it.
  it('answers an anonymous caller that mixes __typename with data without a null in a non-null position', async () => {
    const { body } = await ask(null, '{ __typename model(id: "mdl-does-not-exist") { id } }');
    expect(denialsOf(body)).toEqual(ANONYMOUS_QUERY);
    const data = body.data as { __typename?: unknown } | null;
    expect(data === null || data.__typename === 'Query').toBe(true);
  });

  it('returns top-secret findings to a top-secret clearance only (a row filter under the field rules)', async () => {
    const query = 'query Findings { sectors { securityFindings(first: 100) { totalCount nodes { classification } } } }';
    const levels = async (caller: Caller) => {
      const { body } = await ask(caller, query);
      const sectors = (body.data as { sectors: Array<{ securityFindings: { totalCount: number; nodes: Array<{ classification: string }> } }> }).sectors;
      return {
        levels: new Set(sectors.flatMap((sector) => sector.securityFindings.nodes.map((node) => node.classification))),
        total: sectors.reduce((sum, sector) => sum + sector.securityFindings.totalCount, 0),
      };
    };
    const secret = await levels(CALLERS['defense-analyst']!);
    const topSecret = await levels(CALLERS['top-secret defense analyst']!);
    expect([...secret.levels].sort()).toEqual(['CUI', 'SECRET', 'UNCLASSIFIED']);
    expect(topSecret.levels).toContain('TOP_SECRET');
    expect(topSecret.total).toBeGreaterThan(secret.total);
  });

  it("returns no Defense assessment marked above the caller's clearance (Treasury, cleared CUI, under the agreement)", async () => {
    const { body } = await ask('treasury-analyst', 'query { nationalSecurityAssessments(first: 100) { nodes { classification } } }');
    const nodes = (body.data as { nationalSecurityAssessments: { nodes: Array<{ classification: string }> } }).nationalSecurityAssessments.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.classification === 'UNCLASSIFIED' || node.classification === 'CUI')).toBe(true);
  });

  it('shows a partner its own partner record only, among the trusted partners', async () => {
    const query = 'query { partners(first: 100) { totalCount nodes { id } } partner(id: "partner-harbor-bank") { id } sector(code: "ENERGY") { partners { nodes { id } } } }';
    const { body } = await ask('energy-partner', query);
    expect(body.errors ?? []).toEqual([]);
    expect(body.data).toEqual({
      partners: { totalCount: 1, nodes: [{ id: 'partner-gridline-energy' }] },
      partner: null,
      sector: { partners: { nodes: [{ id: 'partner-gridline-energy' }] } },
    });
    const treasury = await ask('treasury-analyst', 'query { partners { totalCount } }');
    expect((treasury.body.data as { partners: { totalCount: number } }).partners.totalCount).toBeGreaterThan(100);
  });

  it('marks a response that carries top-secret findings TOP_SECRET, though the schema marks findings SECRET', async () => {
    const { body } = await ask(CALLERS['top-secret defense analyst']!, 'query { sectors { securityFindings(first: 100) { nodes { classification } } } }');
    const levels = JSON.stringify(body.data);
    expect(levels).toContain('TOP_SECRET');
    expect(body.extensions?.classification).toBe('TOP_SECRET');
  });

  describe('exploit details, row by row', () => {
    const query = 'query Exploits { vulnerabilities(first: 100) { totalCount nodes { sector { code } discoveredBy { id activeGrantForCaller } exploitDetails } } }';

    async function vulnerabilities(caller: Caller): Promise<readonly Vulnerability[]> {
      const { body } = await ask(caller, query);
      return (body.data as { vulnerabilities: { nodes: Vulnerability[] } }).vulnerabilities.nodes;
    }

    /** Sector codes of the rows whose exploit details came back, and of those that did not. */
    function split(rows: readonly Vulnerability[]) {
      return {
        readable: new Set(rows.filter((row) => row.exploitDetails !== null).map((row) => row.sector.code)),
        withheld: new Set(rows.filter((row) => row.exploitDetails === null).map((row) => row.sector.code)),
      };
    }

    it('gives the cyber office the details of every sector', async () => {
      const { readable, withheld } = split(await vulnerabilities('cyber-analyst'));
      expect(readable.size).toBeGreaterThan(3);
      expect(withheld.size).toBe(0);
    });

    it("gives a sector's lead agency the details of its own sector only (Treasury: financial services, Defense: the defense industrial base)", async () => {
      const treasury = split(await vulnerabilities('treasury-analyst'));
      expect([...treasury.readable]).toEqual(['FINANCIAL_SERVICES']);
      expect(treasury.withheld.has('FINANCIAL_SERVICES')).toBe(false);
      const defense = split(await vulnerabilities('defense-analyst'));
      expect([...defense.readable]).toEqual(['DEFENSE_INDUSTRIAL_BASE']);
      expect(defense.withheld.has('DEFENSE_INDUSTRIAL_BASE')).toBe(false);
    });

    for (const [persona, sector] of [['bank-partner', 'FINANCIAL_SERVICES'], ['energy-partner', 'ENERGY']] as const) {
      it(`gives the ${persona} its own sector's vulnerabilities, and the details only where it holds an active grant for the model that found them`, async () => {
        const rows = await vulnerabilities(persona);
        expect(new Set(rows.map((row) => row.sector.code))).toEqual(new Set([sector]));
        const granted = rows.filter((row) => row.discoveredBy?.activeGrantForCaller === true);
        const others = rows.filter((row) => row.discoveredBy?.activeGrantForCaller !== true);
        expect(granted.length).toBeGreaterThan(0);
        expect(others.length).toBeGreaterThan(0);
        expect(granted.every((row) => row.exploitDetails !== null)).toBe(true);
        expect(others.every((row) => row.exploitDetails === null)).toBe(true);
        // A model the partner holds no grant for stays hidden: the vulnerability shows no model.
        expect(others.every((row) => row.discoveredBy === null)).toBe(true);
      });
    }
  });

  describe("a partner's models", () => {
    const query = 'query Models { models(first: 100) { totalCount nodes { id activeGrantForCaller earlyAccessGrants(first: 20) { nodes { partner { id } } } } } }';
    type Models = { models: { totalCount: number; nodes: Array<{ id: string; activeGrantForCaller: boolean; earlyAccessGrants: { nodes: Array<{ partner: { id: string } }> } }> } };

    it('lists only the models the partner holds an active grant for, with only its own grants', async () => {
      const all = (await ask('treasury-analyst', query)).body.data as Models;
      const partner = (await ask('energy-partner', query)).body.data as Models;
      expect(partner.models.totalCount).toBeGreaterThan(0);
      expect(partner.models.totalCount).toBeLessThan(all.models.totalCount);
      expect(partner.models.nodes.every((model) => model.activeGrantForCaller)).toBe(true);
      const grantees = new Set(partner.models.nodes.flatMap((model) => model.earlyAccessGrants.nodes.map((grant) => grant.partner.id)));
      expect(grantees).toEqual(new Set(['partner-gridline-energy']));
    });

    it('answers null for a model the partner holds no grant for, even asked by id', async () => {
      const all = (await ask('treasury-analyst', query)).body.data as Models;
      const visible = new Set(((await ask('energy-partner', query)).body.data as Models).models.nodes.map((model) => model.id));
      const hidden = all.models.nodes.find((model) => !visible.has(model.id))!;
      const { body } = await ask('energy-partner', `{ model(id: "${hidden.id}") { id name } }`);
      expect(body.data).toEqual({ model: null });
    });
  });

  it("denies Treasury Defense's assessments once the data-sharing agreement has ended", async () => {
    const agreements = path.join(system.dataDir, 'ended-agreements.json');
    await writeFile(
      agreements,
      JSON.stringify({
        agreements: [
          { id: 'defense-risk-sharing', owner: 'defense', sharesWith: ['treasury'], starts: '2024-01-01', ends: '2025-01-01', purpose: 'Ended before the test ran.' },
        ],
      }),
    );
    // A second gateway in front of the same subgraphs, with its own agreements file.
    const config = system.gatewayConfig;
    let gateway: RunningGateway | undefined;
    try {
      gateway = await startGateway({
        ...config,
        port: 0,
        authorization: { ...config.authorization, agreementsFile: agreements },
        audit: { ...config.audit, file: path.join(system.dataDir, 'ended-agreements-audit.jsonl') },
      });
      const query = 'query DefenseAssessments { nationalSecurityAssessments(first: 5) { nodes { id status } } }';
      const treasury = await ask('treasury-analyst', query, gateway.url);
      expect(treasury.body.data).toEqual({ nationalSecurityAssessments: null });
      expect(denialsOf(treasury.body)).toEqual([`Query.nationalSecurityAssessments ${DEFENSE_OR_AGREEMENT}`]);
      // Defense still reads its own.
      const defense = await ask('defense-analyst', query, gateway.url);
      expect(denialsOf(defense.body)).toEqual([]);
    } finally {
      await gateway?.close();
    }
  });
});
