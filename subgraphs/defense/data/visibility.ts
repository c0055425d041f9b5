// A finding is never returned to a caller cleared below its classification, whatever the
// field rules say: a row filter, applied in every query that reads findings.
import { CLEARANCES, type Caller } from '../../../gateway/identity/caller';
import type { RowFilter } from '../../kit/assessments/assessment-resolvers';
import type { SecurityFindingRecord } from './national-security-records';

export function visibleFindings(caller: Caller | null): RowFilter<SecurityFindingRecord> {
  // Clearances and classification markings share one order: unclassified, CUI, secret, top secret.
  const rank = caller ? CLEARANCES.indexOf(caller.clearance) : 0;
  return { key: `clearance:${rank}`, filter: { classificationRank: { $lte: rank } } };
}
