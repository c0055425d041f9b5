// A to-many list's page for one parent is read with a plain ordered, limited statement, for many
// parents with a window function: both must give each parent the same page, after a cursor too.
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SectorRecord } from '../../../subgraphs/cyber/data/sector-record';
import { VulnerabilityRecord } from '../../../subgraphs/cyber/data/vulnerability-record';
import type { AgencyDatabase } from '../../../subgraphs/kit/orm/create-orm';
import { cursorOf, findPagesByParent, type Page, type SortKey } from '../../../subgraphs/kit/pagination/keyset';
import { SortDirection } from '../../../subgraphs/kit/schema/enums';
import { openCyberTestDatabase, vulnerabilityFields, type CyberTestDatabase } from '../../support/cyber-database';
import { databaseKinds } from '../../support/test-database';

const SECTORS = ['ENERGY', 'WATER', 'HEALTH'];
const NEWEST_FIRST: SortKey = { property: 'reportedAt', direction: SortDirection.DESC };
const BY_SEVERITY: SortKey = { property: 'severityRank', direction: SortDirection.ASC };

const ids = (page: Page<VulnerabilityRecord> | undefined) => page?.items.map((item) => item.id);

describe.each(databaseKinds())('pages by parent on %s', (kind) => {
  let cyberDatabase: CyberTestDatabase;
  let db: AgencyDatabase;

  beforeAll(async () => {
    cyberDatabase = await openCyberTestDatabase(kind, (em) => {
      for (const [s, code] of SECTORS.entries()) {
        const sector = em.create(SectorRecord, { code, name: code, leadAgencyName: 'lead' });
        // Sector s has 3 + 2s vulnerabilities; those from the fourth on share a report time (the id breaks the tie).
        for (let n = 0; n < 3 + 2 * s; n += 1) {
          em.create(
            VulnerabilityRecord,
            vulnerabilityFields(sector, {
              id: `vul-${code}-${n}`,
              modelId: `mdl-${n % 2}`,
              severityRank: n % 4,
              reportedAt: new Date(Date.UTC(2026, 10, 1 + Math.min(n, 3))),
            }),
          );
        }
      }
    });
    db = cyberDatabase.db;
  });

  afterAll(() => cyberDatabase?.close());

  const pages = (parents: string[], sort: SortKey, first: number, after: string | null) =>
    findPagesByParent(db.fork(), VulnerabilityRecord, 'sector', parents, {}, sort, { first, after });

  it('give one parent the page it gets among others, in one statement', async () => {
    for (const sort of [NEWEST_FIRST, BY_SEVERITY]) {
      const together = await pages(SECTORS, sort, 2, null);
      for (const code of SECTORS) {
        const before = db.statements.total;
        const alone = await pages([code], sort, 2, null);
        expect(db.statements.total - before).toBe(1);
        expect(ids(alone.get(code))).toEqual(ids(together.get(code)));
        expect(alone.get(code)?.hasNextPage).toBe(together.get(code)?.hasNextPage);
      }
    }
  });

  it('walk one parent to its end with cursors, each page as among others', async () => {
    const code = 'HEALTH';
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const alone = (await pages([code], NEWEST_FIRST, 2, after)).get(code)!;
      const together = (await pages(SECTORS, NEWEST_FIRST, 2, after)).get(code)!;
      expect(ids(alone)).toEqual(ids(together));
      seen.push(...ids(alone)!);
      if (!alone.hasNextPage) break;
      after = cursorOf(alone.items.at(-1)!, NEWEST_FIRST);
    }
    expect(seen).toEqual(['vul-HEALTH-6', 'vul-HEALTH-5', 'vul-HEALTH-4', 'vul-HEALTH-3', 'vul-HEALTH-2', 'vul-HEALTH-1', 'vul-HEALTH-0']);
  });

  it('give a parent without rows an empty page', async () => {
    const alone = await pages(['TRANSPORT'], NEWEST_FIRST, 2, null);
    expect(ids(alone.get('TRANSPORT'))).toEqual([]);
    expect(alone.get('TRANSPORT')?.hasNextPage).toBe(false);
  });
});
