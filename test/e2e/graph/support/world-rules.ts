// The domain's date-derived rules, restated over the seed's plain rows so the suites can compute
// what the graph should answer without calling the subgraphs' own code.
import type { AssessmentRow, ModelRow } from '../../../../scripts/seed/world';

const DAY_MS = 24 * 3600 * 1000;
const REVIEW_DAYS = 30;
const CLASSIFICATIONS = ['UNCLASSIFIED', 'CUI', 'SECRET', 'TOP_SECRET'];
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const RISKS = ['NEGLIGIBLE', 'LOW', 'MODERATE', 'HIGH', 'CRITICAL'];

export type ParticipationValue = 'IN_REVIEW' | 'WITHDRAWN' | 'RELEASED';
export type StatusValue = 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'OVERDUE';

/** Withdrawn once the developer opted out; released once the planned release has passed. */
export function participationAt(model: ModelRow, now: Date): ParticipationValue {
  if (model.withdrawnAt) return 'WITHDRAWN';
  return model.plannedReleaseAt.getTime() <= now.getTime() ? 'RELEASED' : 'IN_REVIEW';
}

/** In review, and now lies between the later of submission and 30 days before release, and the release. */
export function reviewWindowOpenAt(model: ModelRow, now: Date): boolean {
  const opensAt = Math.max(model.submittedAt.getTime(), model.plannedReleaseAt.getTime() - REVIEW_DAYS * DAY_MS);
  return participationAt(model, now) === 'IN_REVIEW' && opensAt <= now.getTime() && now.getTime() < model.plannedReleaseAt.getTime();
}

/** OVERDUE when past due and not completed. */
export function statusAt(assessment: AssessmentRow, now: Date): StatusValue {
  if (assessment.completedAt) return 'COMPLETED';
  if (assessment.dueAt.getTime() <= now.getTime()) return 'OVERDUE';
  return assessment.startedAt ? 'IN_PROGRESS' : 'PLANNED';
}

/** Defense's urgency from the capabilities recorded at intake. */
export function priorityOf(capabilities: readonly string[]): 'ROUTINE' | 'PRIORITY' | 'IMMEDIATE' {
  if (capabilities.some((c) => ['EXPLOIT_DEVELOPMENT', 'NETWORK_OPERATIONS', 'CBRN_KNOWLEDGE'].includes(c))) return 'IMMEDIATE';
  if (capabilities.some((c) => ['VULNERABILITY_DISCOVERY', 'MALWARE_ANALYSIS', 'AUTONOMOUS_OPERATION'].includes(c))) return 'PRIORITY';
  return 'ROUTINE';
}

/** A classification marking no higher than a clearance (both in the order unclassified < CUI < secret < top secret). */
export function markedAtMost(classification: string, clearance: string): boolean {
  return CLASSIFICATIONS.indexOf(classification) <= CLASSIFICATIONS.indexOf(clearance);
}

export function severityRank(severity: string): number {
  return SEVERITIES.indexOf(severity);
}

/** Unrated (null) ranks below every level, as the subgraphs store it. */
export function riskRank(risk: string | null): number {
  return risk === null ? -1 : RISKS.indexOf(risk);
}

type SortValue = string | number | Date;

/** Rows in a list's order: by one key, ties broken by id in the same direction (keyset order). */
export function sortedBy<T extends { readonly id: string }>(rows: readonly T[], key: (row: T) => SortValue, direction: 'ASC' | 'DESC'): T[] {
  const sign = direction === 'ASC' ? 1 : -1;
  const value = (row: T) => {
    const v = key(row);
    return v instanceof Date ? v.getTime() : v;
  };
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x !== y) return (x < y ? -1 : 1) * sign;
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  });
}
