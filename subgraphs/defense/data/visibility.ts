// Nothing is returned to, or written by, a caller cleared below its classification, whatever the
// field rules say: row filters on findings and assessments, and a check on the markings written.
import { CLEARANCES, type Caller } from '../../../gateway/identity/caller';
import type { RowFilter } from '../../kit/assessments/assessment-resolvers';
import { CLASSIFICATION_ORDER, type Classification } from '../../kit/schema/enums';
import { forbidden } from '../../kit/errors/user-errors';
import type { NationalSecurityAssessmentRecord, SecurityFindingRecord } from './national-security-records';

/** Clearances and classification markings share one order: unclassified, CUI, secret, top secret. */
function clearanceRank(caller: Caller | null): number {
  return caller ? CLEARANCES.indexOf(caller.clearance) : 0;
}

export function visibleFindings(caller: Caller | null): RowFilter<SecurityFindingRecord> {
  const rank = clearanceRank(caller);
  return { key: `clearance:${rank}`, filter: { classificationRank: { $lte: rank } } };
}

/** A caller may not write data marked above their own clearance. */
export function assertCleared(caller: Caller | null, marking: Classification): void {
  if (CLASSIFICATION_ORDER.indexOf(marking) > clearanceRank(caller)) {
    throw forbidden(`Your clearance (${caller?.clearance ?? 'none'}) is below the marking ${marking}`);
  }
}

/** An assessment is marked as a whole (at least as high as its most classified finding). */
export function visibleAssessments(caller: Caller | null): RowFilter<NationalSecurityAssessmentRecord> {
  const rank = clearanceRank(caller);
  return { key: `clearance:${rank}`, filter: { classificationRank: { $lte: rank } } };
}
