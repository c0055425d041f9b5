// `clearance:cui`, `clearance:secret`, `clearance:top_secret`: the caller is cleared at least that high.
import { CLEARANCES, clearanceAtLeast } from '../../identity/caller';
import type { Policy } from './policy';

export const CLEARANCE_POLICIES: ReadonlyMap<string, Policy> = new Map(
  CLEARANCES.filter((level) => level !== 'unclassified').map((level): [string, Policy] => [
    `clearance:${level}`,
    ({ caller }) => clearanceAtLeast(caller, level),
  ]),
);
