// The three agency subgraphs, by name.
import type { AgencyName, AgencySubgraph } from './kit/agency-subgraph';
import { treasury } from './treasury';
import { defense } from './defense';
import { cyber } from './cyber';

export const AGENCIES: Readonly<Record<AgencyName, AgencySubgraph>> = { treasury, defense, cyber };

export function agencyByName(name: string): AgencySubgraph {
  const agency = (AGENCIES as Record<string, AgencySubgraph>)[name];
  if (!agency) throw new Error(`unknown subgraph ${JSON.stringify(name)}; expected one of ${Object.keys(AGENCIES).join(', ')}`);
  return agency;
}
