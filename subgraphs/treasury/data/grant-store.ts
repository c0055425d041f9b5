// Writes to the early-access programme, each in one transaction.
import type { SqlEntityManager } from '@mikro-orm/knex';
import { badUserInput, conflict, notFound } from '../../kit/errors/user-errors';
import { inTransaction } from '../../kit/assessments/assessment-store';
import { newId } from '../../kit/ids/new-id';
import type { GrantEarlyAccessInput } from '../types/inputs';
import { Participation } from '../types/treasury-enums';
import { ModelRecord } from './model-record';
import { PartnerRecord } from './partner-record';
import { EarlyAccessGrantRecord } from './early-access-grant-record';
import { participationOf } from './model-filter';

export async function grantEarlyAccess(
  em: SqlEntityManager,
  input: GrantEarlyAccessInput,
  grantedBy: string,
  now: Date,
): Promise<EarlyAccessGrantRecord> {
  const startsAt = input.startsAt ?? now;
  if (input.endsAt.getTime() <= startsAt.getTime()) throw badUserInput('endsAt must be after startsAt', 'endsAt');
  if (input.endsAt.getTime() <= now.getTime()) throw badUserInput('endsAt must be in the future', 'endsAt');
  return inTransaction(em, async (tx) => {
    const model = await tx.findOne(ModelRecord, { id: input.modelId });
    if (!model) throw notFound('Model', input.modelId);
    if (participationOf(model, now) !== Participation.IN_REVIEW) {
      throw conflict(`Model ${input.modelId} is not in review; early access is only granted before release`);
    }
    // After the release everyone has access: early access ends with the review window.
    if (input.endsAt.getTime() > model.plannedReleaseAt.getTime()) {
      throw badUserInput('endsAt must not be after the planned release of the model', 'endsAt');
    }
    const partner = await tx.findOne(PartnerRecord, { id: input.partnerId });
    if (!partner) throw notFound('Partner', input.partnerId);
    const overlapping = await tx.count(EarlyAccessGrantRecord, {
      model,
      partner,
      revokedAt: null,
      startsAt: { $lt: input.endsAt },
      endsAt: { $gt: startsAt },
    });
    if (overlapping > 0) throw conflict(`Partner ${partner.id} already holds a grant for model ${model.id} in that period`);
    const grant = tx.create(EarlyAccessGrantRecord, {
      id: newId('eag'),
      model,
      partner,
      purpose: input.purpose.trim(),
      startsAt,
      endsAt: input.endsAt,
      grantedBy,
      grantedAt: now,
    });
    await tx.flush();
    return grant;
  });
}

export async function revokeEarlyAccess(em: SqlEntityManager, id: string, now: Date): Promise<EarlyAccessGrantRecord> {
  return inTransaction(em, async (tx) => {
    const grant = await tx.findOne(EarlyAccessGrantRecord, { id });
    if (!grant) throw notFound('Early-access grant', id);
    if (grant.revokedAt) throw conflict(`Early-access grant ${id} is already revoked`);
    if (grant.endsAt.getTime() <= now.getTime()) throw conflict(`Early-access grant ${id} has already ended`);
    grant.revokedAt = now;
    await tx.flush();
    return grant;
  });
}
