// Writes to model intake: submission and withdrawal, each in one transaction.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { badUserInput, conflict, notFound } from '../../kit/errors/user-errors';
import { inTransaction } from '../../kit/assessments/assessment-store';
import { isSectorCode } from '../../kit/domain/sectors';
import { newId } from '../../kit/ids/new-id';
import type { SubmitModelInput } from '../types/inputs';
import { Participation } from '../types/treasury-enums';
import { DeveloperRecord } from './developer-record';
import { ModelRecord } from './model-record';
import { participationOf } from './model-filter';

const YEAR_MS = 366 * 24 * 3600 * 1000;

export async function submitModel(em: SqlEntityManager, input: SubmitModelInput, now: Date): Promise<ModelRecord> {
  const untilRelease = input.plannedReleaseAt.getTime() - now.getTime();
  if (untilRelease <= 0) throw badUserInput('plannedReleaseAt must be in the future', 'plannedReleaseAt');
  if (untilRelease > YEAR_MS) throw badUserInput('plannedReleaseAt must be within a year', 'plannedReleaseAt');
  const unknown = input.sectorCodes.filter((code) => !isSectorCode(code));
  if (unknown.length) throw badUserInput(`unknown sector code(s): ${unknown.join(', ')}`, 'sectorCodes');
  try {
    return await inTransaction(em, async (tx) => {
      const developer = await tx.findOne(DeveloperRecord, { id: input.developerId });
      if (!developer) throw notFound('Developer', input.developerId);
      const model = tx.create(ModelRecord, {
        id: newId('mdl'),
        developer,
        name: input.name.trim(),
        version: input.version.trim(),
        capabilityCodes: '',
        sectorCodes: '',
        submittedAt: now,
        plannedReleaseAt: input.plannedReleaseAt,
      });
      model.capabilities = input.capabilities;
      model.sectors = input.sectorCodes;
      await tx.flush();
      return model;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict(`${input.name} ${input.version} was already submitted by this developer`);
    }
    throw error;
  }
}

export async function withdrawModel(em: SqlEntityManager, id: string, reason: string, now: Date): Promise<ModelRecord> {
  const trimmed = reason.trim();
  if (trimmed.length < 1 || trimmed.length > 2000) throw badUserInput('reason must be 1 to 2000 characters', 'reason');
  return inTransaction(em, async (tx) => {
    const model = await tx.findOne(ModelRecord, { id });
    if (!model) throw notFound('Model', id);
    const participation = participationOf(model, now);
    if (participation !== Participation.IN_REVIEW) {
      throw conflict(`Model ${id} is ${participation.toLowerCase().replace('_', ' ')} and can no longer be withdrawn`);
    }
    model.withdrawnAt = now;
    model.withdrawalReason = trimmed;
    await tx.flush();
    return model;
  });
}
