// Data access for the assessment life cycle, shared by the three agencies: each passes its own
// entity classes. Every write runs in one transaction; state rules give CONFLICT errors.
import { OptimisticLockError, type EntityClass, type FilterQuery, type RequiredEntityData } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { badUserInput, conflict, notFound } from '../errors/user-errors';
import { newId } from '../ids/new-id';
import { CLASSIFICATION_ORDER, RISK_ORDER, SEVERITY_ORDER } from '../schema/enums';
import { rankOf, type AssessmentRecord, type FindingRecord } from './assessment-record';
import { statusFilter } from './assessment-status';
import type {
  AssessmentFilter,
  CompleteAssessmentInput,
  OpenAssessmentInput,
  RecordFindingInput,
} from './assessment-schema';

const MAX_DUE_MS = 366 * 24 * 3600 * 1000;

export interface AssessmentKinds<A extends AssessmentRecord, F extends FindingRecord> {
  readonly assessment: EntityClass<A>;
  readonly finding: EntityClass<F>;
  /** Readable id prefixes, e.g. `nsa` and `nsf`. */
  readonly assessmentPrefix: string;
  readonly findingPrefix: string;
  /** How users call one assessment, for messages: "National-security assessment". */
  readonly label: string;
}

export function assessmentFilter(filter: AssessmentFilter | null | undefined, now: Date): FilterQuery<AssessmentRecord> {
  const parts: FilterQuery<AssessmentRecord>[] = [];
  if (filter?.status) parts.push(statusFilter(filter.status, now));
  if (filter?.riskAtLeast) parts.push({ riskRank: { $gte: rankOf(RISK_ORDER, filter.riskAtLeast) } });
  if (filter?.dueBefore) parts.push({ dueAt: { $lt: filter.dueBefore } });
  return parts.length ? { $and: parts } : {};
}

/** Runs `work` in a transaction; a concurrent change of the same record becomes a CONFLICT error. */
export async function inTransaction<T>(em: SqlEntityManager, work: (tx: SqlEntityManager) => Promise<T>): Promise<T> {
  try {
    return await em.transactional((tx) => work(tx as SqlEntityManager));
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      throw conflict('The record was changed by another request at the same time; read it again and retry');
    }
    throw error;
  }
}

/**
 * Which assessments a caller may change: those they may read. Others are NOT_FOUND, as on reads,
 * so a write never tells a caller that a record it may not see exists.
 */
export type Visible<A> = FilterQuery<A>;

async function loadAssessment<A extends AssessmentRecord>(
  em: SqlEntityManager,
  entity: EntityClass<A>,
  id: string,
  label: string,
  visible: Visible<A> = {} as Visible<A>,
): Promise<A> {
  const record = await em.findOne(entity, { $and: [{ id }, visible] } as FilterQuery<A>);
  if (!record) throw notFound(label, id);
  return record;
}

export async function openAssessment<A extends AssessmentRecord, F extends FindingRecord>(
  em: SqlEntityManager,
  kinds: AssessmentKinds<A, F>,
  input: OpenAssessmentInput,
  extra: Partial<A>,
  analyst: string,
  now: Date,
): Promise<A> {
  const due = input.dueAt.getTime() - now.getTime();
  if (due <= 0) throw badUserInput('dueAt must be in the future', 'dueAt');
  if (due > MAX_DUE_MS) throw badUserInput('dueAt must be within a year', 'dueAt');
  return inTransaction(em, async (tx) => {
    const record = tx.create(kinds.assessment, {
      ...extra,
      id: newId(kinds.assessmentPrefix),
      modelId: input.modelId,
      leadAnalyst: input.leadAnalyst ?? analyst,
      openedAt: now,
      // PLANNED until an analyst starts work on it (the start mutation).
      startedAt: null,
      dueAt: input.dueAt,
    } as unknown as RequiredEntityData<A>);
    await tx.flush();
    return record;
  });
}

export async function startAssessment<A extends AssessmentRecord, F extends FindingRecord>(
  em: SqlEntityManager,
  kinds: AssessmentKinds<A, F>,
  id: string,
  now: Date,
  visible?: Visible<A>,
): Promise<A> {
  return inTransaction(em, async (tx) => {
    const record = await loadAssessment(tx, kinds.assessment, id, kinds.label, visible);
    if (record.completedAt) throw conflict(`${kinds.label} ${id} is already completed`);
    if (record.startedAt) throw conflict(`${kinds.label} ${id} is already in progress`);
    record.startedAt = now;
    await tx.flush();
    return record;
  });
}

export async function completeAssessment<A extends AssessmentRecord, F extends FindingRecord>(
  em: SqlEntityManager,
  kinds: AssessmentKinds<A, F>,
  input: CompleteAssessmentInput,
  extra: Partial<A>,
  now: Date,
  visible?: Visible<A>,
): Promise<A> {
  return inTransaction(em, async (tx) => {
    const record = await loadAssessment(tx, kinds.assessment, input.id, kinds.label, visible);
    if (record.completedAt) throw conflict(`${kinds.label} ${input.id} is already completed`);
    record.startedAt ??= now;
    record.completedAt = now;
    record.riskRank = rankOf(RISK_ORDER, input.riskLevel);
    record.summary = input.summary;
    Object.assign(record, extra);
    await tx.flush();
    return record;
  });
}

export async function recordFinding<A extends AssessmentRecord, F extends FindingRecord>(
  em: SqlEntityManager,
  kinds: AssessmentKinds<A, F>,
  input: RecordFindingInput,
  extra: Partial<F>,
  analyst: string,
  now: Date,
  rules: {
    readonly visible?: Visible<A>;
    /** Called inside the transaction with the new finding, e.g. to raise the assessment's own marking. */
    readonly onRecorded?: (assessment: A, finding: F) => void;
  } = {},
): Promise<F> {
  return inTransaction(em, async (tx) => {
    const assessment = await loadAssessment(tx, kinds.assessment, input.assessmentId, kinds.label, rules.visible);
    if (assessment.completedAt) {
      throw conflict(`${kinds.label} ${input.assessmentId} is completed; findings can no longer be added`);
    }
    const finding = tx.create(kinds.finding, {
      ...extra,
      id: newId(kinds.findingPrefix),
      assessment,
      title: input.title,
      description: input.description,
      severityRank: rankOf(SEVERITY_ORDER, input.severity),
      classificationRank: rankOf(CLASSIFICATION_ORDER, input.classification),
      recordedAt: now,
      recordedBy: analyst,
    } as unknown as RequiredEntityData<F>);
    rules.onRecorded?.(assessment, finding);
    await tx.flush();
    return finding;
  });
}
