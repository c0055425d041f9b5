// `agency:treasury`, `agency:defense`, `agency:cyber`, `agency:partner`: the caller belongs to that agency.
import { AGENCIES } from '../../identity/caller';
import type { Policy } from './policy';

export const AGENCY_POLICIES: ReadonlyMap<string, Policy> = new Map(
  AGENCIES.map((agency): [string, Policy] => [`agency:${agency}`, ({ caller }) => caller?.agency === agency]),
);
