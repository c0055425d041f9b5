// The sixteen sectors, as the cyber office keeps them: the kit's reference list, unchanged.
import { SECTORS } from '../../../subgraphs/kit/domain/sectors';
import type { SectorRow } from '../world';

export function buildSectors(): SectorRow[] {
  return SECTORS.map(({ code, name, leadAgencyName, leadAgency }) => ({ code, name, leadAgencyName, leadAgency }));
}
