// The sixteen US critical-infrastructure sectors (PPD-21) and their sector risk management
// agencies. Reference data every agency validates against; the cyber subgraph owns the records.
import { Agency } from '../schema/enums';

export interface SectorDefinition {
  readonly code: string;
  readonly name: string;
  /** The sector risk management agency, as named by the government. */
  readonly leadAgencyName: string;
  /** The lead agency when it takes part in Accord; null for agencies outside the system. */
  readonly leadAgency: Agency | null;
}

export const SECTORS: readonly SectorDefinition[] = [
  { code: 'CHEMICAL', name: 'Chemical', leadAgencyName: 'Cybersecurity and Infrastructure Security Agency', leadAgency: null },
  { code: 'COMMERCIAL_FACILITIES', name: 'Commercial Facilities', leadAgencyName: 'Cybersecurity and Infrastructure Security Agency', leadAgency: null },
  { code: 'COMMUNICATIONS', name: 'Communications', leadAgencyName: 'Cybersecurity and Infrastructure Security Agency', leadAgency: null },
  { code: 'CRITICAL_MANUFACTURING', name: 'Critical Manufacturing', leadAgencyName: 'Cybersecurity and Infrastructure Security Agency', leadAgency: null },
  { code: 'DAMS', name: 'Dams', leadAgencyName: 'Cybersecurity and Infrastructure Security Agency', leadAgency: null },
  { code: 'DEFENSE_INDUSTRIAL_BASE', name: 'Defense Industrial Base', leadAgencyName: 'Department of Defense', leadAgency: Agency.DEFENSE },
  { code: 'EMERGENCY_SERVICES', name: 'Emergency Services', leadAgencyName: 'Cybersecurity and Infrastructure Security Agency', leadAgency: null },
  { code: 'ENERGY', name: 'Energy (including electricity)', leadAgencyName: 'Department of Energy', leadAgency: null },
  { code: 'FINANCIAL_SERVICES', name: 'Financial Services', leadAgencyName: 'Department of the Treasury', leadAgency: Agency.TREASURY },
  { code: 'FOOD_AND_AGRICULTURE', name: 'Food and Agriculture', leadAgencyName: 'Department of Agriculture; Department of Health and Human Services', leadAgency: null },
  { code: 'GOVERNMENT_FACILITIES', name: 'Government Facilities', leadAgencyName: 'Cybersecurity and Infrastructure Security Agency; General Services Administration', leadAgency: null },
  { code: 'HEALTHCARE', name: 'Healthcare and Public Health', leadAgencyName: 'Department of Health and Human Services', leadAgency: null },
  { code: 'INFORMATION_TECHNOLOGY', name: 'Information Technology', leadAgencyName: 'Cybersecurity and Infrastructure Security Agency', leadAgency: null },
  { code: 'NUCLEAR', name: 'Nuclear Reactors, Materials, and Waste', leadAgencyName: 'Cybersecurity and Infrastructure Security Agency', leadAgency: null },
  { code: 'TRANSPORTATION', name: 'Transportation Systems', leadAgencyName: 'Department of Homeland Security; Department of Transportation', leadAgency: null },
  { code: 'WATER', name: 'Water and Wastewater Systems', leadAgencyName: 'Environmental Protection Agency', leadAgency: null },
];

const BY_CODE = new Map(SECTORS.map((sector) => [sector.code, sector]));

export function sectorByCode(code: string): SectorDefinition | undefined {
  return BY_CODE.get(code);
}

export function isSectorCode(code: string): boolean {
  return BY_CODE.has(code);
}
