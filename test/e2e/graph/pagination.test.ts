// Cursor pagination through the gateway: walking lists page by page, page information, nested
// lists paged for many parents at once, and refused cursors and page sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../../scripts/seed/world';
import type { RunningSystem } from '../../support/start-system';
import { databaseKinds } from '../../support/test-database';
import { dataOf, onlyError, startGraphSystem, type Json } from './support/graph-system';
import { participationAt, sortedBy } from './support/world-rules';

const MODELS_PAGE = /* GraphQL */ `
  query ModelsPage($first: Int!, $after: String, $filter: ModelFilter, $orderBy: ModelOrder) {
    models(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

interface Page {
  readonly totalCount: number;
  readonly edges: Array<{ cursor: string; node: { id: string } }>;
  readonly pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe.each(databaseKinds())('pagination on %s', (database) => {
  let system: RunningSystem;
  let world: World;
  let token: string;

  beforeAll(async () => {
    ({ system, world } = await startGraphSystem(database));
    token = await system.token('defense-analyst');
  });

  afterAll(async () => {
    await system?.close();
  });

  async function modelsPage(variables: Record<string, unknown>): Promise<Page> {
    return dataOf(await system.query(MODELS_PAGE, { token, variables })).models as Page;
  }

  /** Every page of a model list, following `endCursor` until `hasNextPage` is false. */
  async function walk(first: number, extra: Record<string, unknown> = {}): Promise<Page[]> {
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const page = await modelsPage({ first, after, ...extra });
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && pages.length <= 400);
    return pages;
  }

  it('visits every model exactly once and in order when walking the pages with after', async () => {
    const pages = await walk(23);
    const expected = sortedBy(world.treasury.models, (m) => m.submittedAt, 'DESC').map((m) => m.id);
    expect(pages).toHaveLength(Math.ceil(expected.length / 23));
    const visited = pages.flatMap((page) => page.edges.map((edge) => edge.node.id));
    expect(visited).toEqual(expected);
    expect(new Set(visited).size).toBe(world.treasury.models.length);
  });

  it('describes each page: total count, neighbours, and the cursors of its first and last items', async () => {
    const pages = await walk(40);
    pages.forEach((page, index) => {
      const last = index === pages.length - 1;
      expect(page.totalCount).toBe(world.treasury.models.length);
      expect(page.pageInfo.hasPreviousPage).toBe(index > 0);
      expect(page.pageInfo.hasNextPage).toBe(!last);
      expect(page.edges).toHaveLength(last ? world.treasury.models.length - 40 * index : 40);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    });
    // Continuing from the middle of a page starts right after that item.
    const middle = pages[1]!.edges[17]!;
    const resumed = await modelsPage({ first: 3, after: middle.cursor });
    expect(resumed.edges.map((edge) => edge.node.id)).toEqual(pages[1]!.edges.slice(18, 21).map((edge) => edge.node.id));
  });

  it('gives an empty page with no cursors after the last item', async () => {
    const pages = await walk(100);
    const after = pages.at(-1)!.pageInfo.endCursor;
    const page = await modelsPage({ first: 10, after });
    expect(page).toEqual({
      totalCount: world.treasury.models.length,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('walks a filtered list in another order the same way', async () => {
    const now = new Date();
    const variables = { filter: { participation: 'IN_REVIEW' }, orderBy: { field: 'NAME', direction: 'ASC' } };
    const pages = await walk(17, variables);
    const expected = sortedBy(world.treasury.models.filter((m) => participationAt(m, now) === 'IN_REVIEW'), (m) => m.name, 'ASC');
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(expected.map((m) => m.id));
    expect(pages.every((page) => page.totalCount === expected.length)).toBe(true);
  });

  it('pages the nested lists of many models at once, each from its own start', async () => {
    const query = /* GraphQL */ `
      query Nested($first: Int!) {
        models(first: 60) {
          nodes {
            id
            infrastructureImpactAssessments(first: $first) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } }
            vulnerabilitiesFound(first: $first) { totalCount nodes { id } pageInfo { hasNextPage } }
          }
        }
      }
    `;
    const { models } = dataOf(await system.query(query, { token, variables: { first: 2 } }));
    let cut = 0;
    for (const node of models.nodes as Json[]) {
      const assessments = sortedBy(world.cyber.assessments.filter((a) => a.modelId === node.id), (a) => a.dueAt, 'ASC');
      expect(node.infrastructureImpactAssessments.totalCount).toBe(assessments.length);
      expect(node.infrastructureImpactAssessments.nodes.map((a: Json) => a.id)).toEqual(assessments.slice(0, 2).map((a) => a.id));
      expect(node.infrastructureImpactAssessments.pageInfo.hasNextPage).toBe(assessments.length > 2);
      expect(node.infrastructureImpactAssessments.pageInfo.hasPreviousPage).toBe(false);
      const found = sortedBy(world.cyber.vulnerabilities.filter((v) => v.modelId === node.id), (v) => v.reportedAt, 'DESC');
      expect(node.vulnerabilitiesFound.totalCount).toBe(found.length);
      expect(node.vulnerabilitiesFound.nodes.map((v: Json) => v.id)).toEqual(found.slice(0, 2).map((v) => v.id));
      expect(node.vulnerabilitiesFound.pageInfo.hasNextPage).toBe(found.length > 2);
      if (assessments.length > 2) cut += 1;
    }
    expect(cut).toBeGreaterThan(3);
  });

  it("continues one model's nested list from the cursor its first page gave", async () => {
    const row = world.treasury.models.find((m) => world.cyber.assessments.filter((a) => a.modelId === m.id).length >= 5)!;
    const expected = sortedBy(world.cyber.assessments.filter((a) => a.modelId === row.id), (a) => a.dueAt, 'ASC').map((a) => a.id);
    const query = /* GraphQL */ `
      query NestedPage($id: ID!, $after: String) {
        model(id: $id) { infrastructureImpactAssessments(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }
      }
    `;
    const visited: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const data = dataOf(await system.query(query, { token, variables: { id: row.id, after } }));
      const list = data.model.infrastructureImpactAssessments;
      visited.push(...list.nodes.map((a: Json) => a.id));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(visited).toEqual(expected);
  });

  it.each([
    ['a string that is not a cursor', 'garbage!'],
    ['a cursor of the wrong shape', Buffer.from(JSON.stringify({ value: 1 })).toString('base64url')],
    ['a cursor whose value is not a time', Buffer.from(JSON.stringify(['submittedAt', 'yesterday', 'mdl-1'])).toString('base64url')],
  ])('refuses %s with BAD_USER_INPUT on `after`', async (_, after) => {
    const response = await system.query(MODELS_PAGE, { token, variables: { first: 5, after } });
    const error = onlyError(response);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(error.path).toEqual(['models']);
    expect(error.message).toMatch(/cursor/);
  });

  it.each([
    ['NAME', 'SUBMITTED_AT'],
    ['PLANNED_RELEASE_AT', 'SUBMITTED_AT'],
    ['SUBMITTED_AT', 'NAME'],
  ])('refuses a cursor issued in order of %s for a list in order of %s', async (issuedFor, usedFor) => {
    const issued = await modelsPage({ first: 1, orderBy: { field: issuedFor, direction: 'ASC' } });
    const variables = { first: 5, after: issued.pageInfo.endCursor, orderBy: { field: usedFor, direction: 'ASC' } };
    const error = onlyError(await system.query(MODELS_PAGE, { token, variables }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(error.message).toContain('another order');
  });

  it.each([0, -1, 101, 5000])('refuses first: %i with BAD_USER_INPUT on `first`', async (first) => {
    const error = onlyError(await system.query(MODELS_PAGE, { token, variables: { first } }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(error.message).toContain(`got ${first}`);
  });

  it('refuses an out-of-range page size of a nested list at the path of that list', async () => {
    const query = '{ models(first: 2) { nodes { id vulnerabilitiesFound(first: 101) { nodes { id } } } } }';
    const response = await system.query(query, { token });
    expect(response.body.errors!.length).toBeGreaterThan(0);
    for (const error of response.body.errors!) {
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
      expect(error.path).toEqual(['models', 'nodes', expect.any(Number), 'vulnerabilitiesFound']);
    }
    // The rest of the answer is still there.
    expect(response.body.data?.models).toMatchObject({ nodes: [{ vulnerabilitiesFound: null }, { vulnerabilitiesFound: null }] });
  });
});
