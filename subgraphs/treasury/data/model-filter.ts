// How the Model list's filters and a model's participation read against the intake records.
import { raw, type FilterQuery } from '@mikro-orm/core';
import { REVIEW_DAYS } from '../../kit/domain/review-window';
import { Participation } from '../types/treasury-enums';
import type { ModelFilter } from '../types/inputs';
import type { ModelRecord } from './model-record';
import { containsCode } from './code-list';

const DAY_MS = 24 * 3600 * 1000;

/** Participation is derived from dates: a model is RELEASED once its planned release passes. */
export function participationOf(model: ModelRecord, now: Date): Participation {
  if (model.withdrawnAt) return Participation.WITHDRAWN;
  return model.plannedReleaseAt.getTime() <= now.getTime() ? Participation.RELEASED : Participation.IN_REVIEW;
}

export function participationFilter(participation: Participation, now: Date): FilterQuery<ModelRecord> {
  switch (participation) {
    case Participation.WITHDRAWN:
      return { withdrawnAt: { $ne: null } };
    case Participation.RELEASED:
      return { withdrawnAt: null, plannedReleaseAt: { $lte: now } };
    case Participation.IN_REVIEW:
      return { withdrawnAt: null, plannedReleaseAt: { $gt: now } };
  }
}

/** In review with the window open: release in the future but at most 30 days away. */
function openWindowFilter(now: Date): FilterQuery<ModelRecord> {
  return {
    withdrawnAt: null,
    plannedReleaseAt: { $gt: now, $lte: new Date(now.getTime() + REVIEW_DAYS * DAY_MS) },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Case-insensitive "contains" that reads the same on SQLite and PostgreSQL: SQLite has no ILIKE
 * and no default LIKE escape, so both sides are lowered and the escape is named. Being raw SQL,
 * the condition serves one statement: build the filter anew for each.
 */
function nameContains(text: string): FilterQuery<ModelRecord> {
  const pattern = `%${escapeLike(text)}%`;
  return { [raw((alias: string) => `lower(${alias}.name) like lower(?) escape '\\'`, [pattern])]: [] } as FilterQuery<ModelRecord>;
}

export function modelFilter(filter: ModelFilter | null | undefined, now: Date): FilterQuery<ModelRecord> {
  const parts: FilterQuery<ModelRecord>[] = [];
  if (!filter) return {};
  if (filter.participation) parts.push(participationFilter(filter.participation, now));
  if (filter.inReviewWindow === true) parts.push(openWindowFilter(now));
  if (filter.inReviewWindow === false) parts.push({ $not: openWindowFilter(now) });
  if (filter.developerId) parts.push({ developer: filter.developerId });
  if (filter.capability) parts.push({ capabilityCodes: containsCode(filter.capability) });
  if (filter.sectorCode) parts.push({ sectorCodes: containsCode(filter.sectorCode) });
  if (filter.releaseBefore) parts.push({ plannedReleaseAt: { $lt: filter.releaseBefore } });
  if (filter.nameContains) parts.push(nameContains(filter.nameContains));
  return parts.length ? { $and: parts } : {};
}
