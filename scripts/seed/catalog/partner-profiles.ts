// What kind of organisation a trusted partner in each sector is, and how such organisations are
// named. `{word}` is a brand word, `{city}` a city of the partner's country. Weights are shares.
import { PartnerKind } from '../../../subgraphs/treasury/types/treasury-enums';

export interface PartnerKindProfile {
  readonly kind: PartnerKind;
  readonly weight: number;
  readonly names: readonly string[];
}

export interface SectorPartnerProfile {
  /** Share of all partners in this sector. */
  readonly weight: number;
  readonly kinds: readonly PartnerKindProfile[];
  /** Countries partners in this sector may come from; all when absent. */
  readonly countries?: readonly string[];
}

const DEFENSE_COUNTRIES = ['US', 'GB', 'AU', 'CA', 'FR', 'DE', 'JP', 'KR', 'IL', 'NO', 'NL'];

export const SECTOR_PARTNER_PROFILES: Readonly<Record<string, SectorPartnerProfile>> = {
  FINANCIAL_SERVICES: {
    weight: 25,
    kinds: [
      { kind: PartnerKind.BANK, weight: 50, names: ['{word} Bank', '{word} Savings Bank', '{word} Trust Company', 'First {word} Bank of {city}', '{city} {word} Bank', '{word} Bancorp', '{word} Cooperative Bank', '{word} Private Bank'] },
      { kind: PartnerKind.INSURER, weight: 18, names: ['{word} Mutual Insurance', '{word} Life & General', '{word} Re', '{word} Assurance Group', '{city} {word} Insurance'] },
      { kind: PartnerKind.PAYMENT_PROCESSOR, weight: 17, names: ['{word}Pay', '{word} Payments', '{word} Card Services', '{word} Clearing Services', '{word} Merchant Solutions'] },
      { kind: PartnerKind.EXCHANGE, weight: 15, names: ['{word} Exchange {city}', '{word} Securities Clearing', '{word} Markets', '{word} Central Securities Depository'] },
    ],
  },
  HEALTHCARE: {
    weight: 15,
    kinds: [
      { kind: PartnerKind.HOSPITAL, weight: 85, names: ['{word} Regional Medical Center', '{city} {word} Hospital', '{word} Health System', '{word} University Hospital {city}', "{word} Children's Hospital", '{word} Clinic {city}'] },
      { kind: PartnerKind.SOFTWARE_VENDOR, weight: 15, names: ['{word} Health Records', '{word} Clinical Software', '{word} Medical Imaging Systems'] },
    ],
  },
  ENERGY: {
    weight: 13,
    kinds: [
      { kind: PartnerKind.UTILITY, weight: 100, names: ['{word} Energy', '{word} Power & Light', '{word} Electric Cooperative', '{city} Municipal Utilities', '{word} Grid', '{word} Transmission', '{word} Gas & Electric'] },
    ],
  },
  INFORMATION_TECHNOLOGY: {
    weight: 12,
    kinds: [
      { kind: PartnerKind.NETWORK_VENDOR, weight: 35, names: ['{word} Networks', '{word} Systems', '{word} Routing', '{word} Security Appliances'] },
      { kind: PartnerKind.CLOUD_PROVIDER, weight: 30, names: ['{word} Cloud', '{word} Compute', '{word} Data Centers', '{word} Hosting'] },
      { kind: PartnerKind.SOFTWARE_VENDOR, weight: 35, names: ['{word} Software', '{word} Identity', '{word} Labs', '{word} Endpoint Security'] },
    ],
  },
  COMMUNICATIONS: {
    weight: 8,
    kinds: [
      { kind: PartnerKind.TELECOM, weight: 80, names: ['{word} Telecom', '{word} Mobile', '{word} Fibre Networks', '{word} Communications', '{city} Telephone Company'] },
      { kind: PartnerKind.NETWORK_VENDOR, weight: 20, names: ['{word} Radio Access Systems', '{word} Optical Networks'] },
    ],
  },
  WATER: {
    weight: 7,
    kinds: [
      { kind: PartnerKind.WATER_UTILITY, weight: 100, names: ['{city} Water Works', '{word} Water Authority', '{word} Water & Sewer District', '{word} Water Services'] },
    ],
  },
  TRANSPORTATION: {
    weight: 5,
    kinds: [
      { kind: PartnerKind.TRANSPORT_OPERATOR, weight: 100, names: ['{city} Regional Transit', '{word} Rail', '{word} Airlines', '{word} Container Terminals', '{word} Logistics', '{word} Freight'] },
    ],
  },
  CRITICAL_MANUFACTURING: {
    weight: 3,
    kinds: [
      { kind: PartnerKind.MANUFACTURER, weight: 100, names: ['{word} Industrial', '{word} Automation', '{word} Precision Engineering', '{word} Motors', '{word} Turbines'] },
    ],
  },
  DEFENSE_INDUSTRIAL_BASE: {
    weight: 3,
    countries: DEFENSE_COUNTRIES,
    kinds: [
      { kind: PartnerKind.DEFENSE_CONTRACTOR, weight: 100, names: ['{word} Defense Systems', '{word} Aerospace', '{word} Dynamics', '{word} Mission Systems'] },
    ],
  },
  CHEMICAL: {
    weight: 2,
    kinds: [
      { kind: PartnerKind.MANUFACTURER, weight: 100, names: ['{word} Chemicals', '{word} Specialty Chemicals', '{word} Polymers'] },
    ],
  },
  NUCLEAR: {
    weight: 2,
    countries: DEFENSE_COUNTRIES,
    kinds: [
      { kind: PartnerKind.UTILITY, weight: 100, names: ['{word} Nuclear Generating Company', '{word} Nuclear Operations', '{word} Atomic Power'] },
    ],
  },
  EMERGENCY_SERVICES: {
    weight: 2,
    kinds: [
      { kind: PartnerKind.SOFTWARE_VENDOR, weight: 60, names: ['{word} Dispatch Systems', '{word} Public Safety Software'] },
      { kind: PartnerKind.TELECOM, weight: 40, names: ['{word} Public Safety Communications', '{word} Emergency Networks'] },
    ],
  },
  GOVERNMENT_FACILITIES: {
    weight: 2,
    kinds: [
      { kind: PartnerKind.CLOUD_PROVIDER, weight: 50, names: ['{word} Government Cloud', '{word} Sovereign Cloud'] },
      { kind: PartnerKind.SOFTWARE_VENDOR, weight: 50, names: ['{word} GovTech', '{word} Civic Systems'] },
    ],
  },
  FOOD_AND_AGRICULTURE: {
    weight: 2,
    kinds: [
      { kind: PartnerKind.MANUFACTURER, weight: 100, names: ['{word} Foods', '{word} Agricultural Co-operative', '{word} Grain', '{word} Dairy'] },
    ],
  },
  DAMS: {
    weight: 1,
    kinds: [
      { kind: PartnerKind.UTILITY, weight: 100, names: ['{word} Hydro', '{word} River Authority', '{word} Hydroelectric'] },
    ],
  },
  COMMERCIAL_FACILITIES: {
    weight: 1,
    kinds: [
      { kind: PartnerKind.SOFTWARE_VENDOR, weight: 100, names: ['{word} Building Systems', '{word} Access Control', '{word} Venue Technologies'] },
    ],
  },
};

/** Neutral brand words for fictional organisation names. */
export const BRAND_WORDS: readonly string[] = [
  'Summit', 'Keystone', 'Pinecrest', 'Riverbend', 'Lakeside', 'Northgate', 'Bluewater', 'Cedar', 'Granite', 'Ironwood',
  'Silverline', 'Redwood', 'Westfield', 'Eastbridge', 'Clearwater', 'Highland', 'Stonebridge', 'Maplewood', 'Crestview', 'Oakridge',
  'Brightwater', 'Fairhaven', 'Greystone', 'Kingsbridge', 'Larkspur', 'Mariner', 'Northwind', 'Pioneer', 'Prairie', 'Quarry',
  'Sandstone', 'Seabright', 'Southport', 'Sterling', 'Thornbury', 'Trident', 'Upland', 'Wexford', 'Willow', 'Beacon',
  'Compass', 'Anchor', 'Juniper', 'Aspen', 'Birchwood', 'Copperleaf', 'Driftwood', 'Elmstead', 'Foxglove', 'Glenmore',
  'Hawthorn', 'Ivybridge', 'Linden', 'Millbrook', 'Norland', 'Orchard', 'Primrose', 'Rosemont', 'Saltmarsh', 'Tidewater',
  'Ashford', 'Bayview', 'Clearbrook', 'Dunmore', 'Everly', 'Frontier', 'Goldcrest', 'Holloway', 'Lochside', 'Moorgate',
  'Northfield', 'Pembroke', 'Ravenscroft', 'Shoreline', 'Alder', 'Blackwater', 'Cobblestone', 'Eastwind', 'Fernhill', 'Harrow',
];
