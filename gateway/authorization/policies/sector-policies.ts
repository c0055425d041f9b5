// Policies about critical-infrastructure sectors. They decide only whether a caller may read
// sector-scoped data at all; which rows (which sector) is decided in the subgraph, per row.
import type { Agency } from '../../identity/caller';
import type { Policy } from './policy';

/**
 * The sectors whose sector risk management (lead) agency takes part in Accord, by sector code
 * (the codes of the cyber subgraph's sector records).
 */
export const SECTOR_LEAD_AGENCIES: ReadonlyMap<string, Agency> = new Map([
  ['FINANCIAL_SERVICES', 'treasury'],
  ['DEFENSE_INDUSTRIAL_BASE', 'defense'],
]);

const LEAD_AGENCIES = new Set(SECTOR_LEAD_AGENCIES.values());

export const SECTOR_POLICIES: ReadonlyMap<string, Policy> = new Map<string, Policy>([
  // A trusted partner organisation, tied to the one sector its token names.
  ['sector-partner', ({ caller }) => caller?.agency === 'partner' && Boolean(caller.sector)],
  // The lead agency of at least one sector.
  ['sector-lead-agency', ({ caller }) => caller?.agency != null && LEAD_AGENCIES.has(caller.agency)],
]);
