// Exploit details are need-to-know. The gateway has already granted one of the policies
// (cyber office, a sector lead agency, a partner in some sector); here the row decides:
// which sector the weakness is in, and whether the partner holds an active grant for the model
// that found it (Treasury's answer, carried in by the gateway through @requires).
import type { Caller } from '../../../gateway/identity/caller';
import type { SectorRecord } from './sector-record';

export interface NeedToKnowFacts {
  readonly sector: SectorRecord;
  /** `discoveredBy.activeGrantForCaller` from the gateway's representation; undefined when absent. */
  readonly partnerHoldsActiveGrant: boolean | undefined;
}

export function mayReadExploitDetails(caller: Caller | null, facts: NeedToKnowFacts): boolean {
  if (!caller) return false;
  if (caller.agency === 'cyber') return true;
  if (facts.sector.leadAgency && caller.agency === facts.sector.leadAgency.toLowerCase()) return true;
  return caller.agency === 'partner' && caller.sector === facts.sector.code && facts.partnerHoldsActiveGrant === true;
}
