// An assessment's status is derived from its dates, so that it turns OVERDUE on its own
// when the due date passes, with no job to run.
import type { FilterQuery } from '@mikro-orm/core';
import { AssessmentStatus } from '../schema/enums';
import type { AssessmentRecord } from './assessment-record';

export function assessmentStatus(record: AssessmentRecord, now: Date): AssessmentStatus {
  if (record.completedAt) return AssessmentStatus.COMPLETED;
  if (record.dueAt.getTime() <= now.getTime()) return AssessmentStatus.OVERDUE;
  return record.startedAt ? AssessmentStatus.IN_PROGRESS : AssessmentStatus.PLANNED;
}

/** The same rule as a database filter. */
export function statusFilter(status: AssessmentStatus, now: Date): FilterQuery<AssessmentRecord> {
  switch (status) {
    case AssessmentStatus.COMPLETED:
      return { completedAt: { $ne: null } };
    case AssessmentStatus.OVERDUE:
      return { completedAt: null, dueAt: { $lte: now } };
    case AssessmentStatus.IN_PROGRESS:
      return { completedAt: null, dueAt: { $gt: now }, startedAt: { $ne: null } };
    case AssessmentStatus.PLANNED:
      return { completedAt: null, dueAt: { $gt: now }, startedAt: null };
  }
}
