// What an agency folder exports: everything the kit needs to run that agency's subgraph.
import type { EntityClass } from '@mikro-orm/core';
import type { AgencySchemaParts } from './schema/build-agency-schema';

export type AgencyName = 'treasury' | 'defense' | 'cyber';

export interface AgencySubgraph {
  readonly name: AgencyName;
  /** Port used by `npm start` and `npm run subgraph` unless configured otherwise. */
  readonly defaultPort: number;
  readonly entities: ReadonlyArray<EntityClass<unknown>>;
  readonly schema: AgencySchemaParts;
  /** Types whose records carry their own classification: responses report the highest returned. */
  readonly markedTypes?: readonly string[];
}
