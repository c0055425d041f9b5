// Rules that a field cannot express, applied as row filters: a partner sees only the models it
// holds an active grant for, and only its own partner record and grants.
import type { FilterQuery } from '@mikro-orm/core';
import type { Caller } from '../../../gateway/identity/caller';
import type { RowFilter } from '../../kit/assessments/assessment-resolvers';
import type { ModelRecord } from './model-record';
import type { PartnerRecord } from './partner-record';
import { activeGrantFilter, type EarlyAccessGrantRecord } from './early-access-grant-record';

const NOTHING = { id: { $in: [] as string[] } };

export function visibleModels(caller: Caller | null, now: Date): RowFilter<ModelRecord> {
  if (caller?.agency !== 'partner') return { key: 'all', filter: {} };
  if (!caller.org) return { key: 'none', filter: NOTHING as FilterQuery<ModelRecord> };
  return {
    key: `partner:${caller.org}`,
    filter: { grants: { $some: { partner: caller.org, ...activeGrantFilter(now) } } } as FilterQuery<ModelRecord>,
  };
}

export function visiblePartners(caller: Caller | null): RowFilter<PartnerRecord> {
  if (caller?.agency !== 'partner') return { key: 'all', filter: {} };
  if (!caller.org) return { key: 'none', filter: NOTHING as FilterQuery<PartnerRecord> };
  return { key: `partner:${caller.org}`, filter: { id: caller.org } };
}

export function visibleGrants(caller: Caller | null): RowFilter<EarlyAccessGrantRecord> {
  if (caller?.agency !== 'partner') return { key: 'all', filter: {} };
  if (!caller.org) return { key: 'none', filter: NOTHING as FilterQuery<EarlyAccessGrantRecord> };
  return { key: `partner:${caller.org}`, filter: { partner: caller.org } };
}
