// Defense's per-request loaders, with the clearance row filter applied.
import type DataLoader from 'dataloader';
import type { SubgraphContext } from '../../kit/context';
import { connectionsByParent } from '../../kit/loaders/entity-loaders';
import type { ConnectionValue } from '../../kit/pagination/connection-type';
import type { PageRequest } from '../../kit/pagination/page-args';
import { SEVERITY_ORDER, Severity, SortDirection } from '../../kit/schema/enums';
import { rankOf } from '../../kit/assessments/assessment-record';
import { SecurityFindingRecord } from '../data/national-security-records';
import { visibleFindings } from '../data/visibility';

/** Security findings concerning each sector, most severe first. */
export function findingsBySector(
  ctx: SubgraphContext,
  page: PageRequest,
  severityAtLeast: Severity | null,
): DataLoader<string, ConnectionValue<SecurityFindingRecord>> {
  const visible = visibleFindings(ctx.caller);
  const bySeverity = severityAtLeast ? { severityRank: { $gte: rankOf(SEVERITY_ORDER, severityAtLeast) } } : {};
  return connectionsByParent(ctx, {
    entity: SecurityFindingRecord,
    parentProperty: 'sectorCode',
    where: { $and: [visible.filter, bySeverity] },
    whereKey: `${visible.key}#${severityAtLeast ?? ''}`,
    sort: { property: 'severityRank', direction: SortDirection.DESC },
    page,
  });
}
