// A partner sees the vulnerabilities of its own sector only.
import type { FilterQuery } from '@mikro-orm/core';
import type { Caller } from '../../../gateway/identity/caller';
import type { RowFilter } from '../../kit/assessments/assessment-resolvers';
import type { VulnerabilityRecord } from './vulnerability-record';

export function visibleVulnerabilities(caller: Caller | null): RowFilter<VulnerabilityRecord> {
  if (caller?.agency !== 'partner') return { key: 'all', filter: {} };
  if (!caller.sector) return { key: 'none', filter: { id: { $in: [] } } as FilterQuery<VulnerabilityRecord> };
  return { key: `sector:${caller.sector}`, filter: { sector: caller.sector } as FilterQuery<VulnerabilityRecord> };
}
