// Trusted partners of the early-access programme: banks, hospitals, utilities, network vendors...
// in every sector and 20 countries. The development personas' partners come first, with the ids
// their tokens carry.
import { SECTORS } from '../../../subgraphs/kit/domain/sectors';
import type { PartnerKind } from '../../../subgraphs/treasury/types/treasury-enums';
import { PERSONAS } from '../../../gateway/identity/personas';
import { COUNTRIES, type Country } from '../catalog/countries';
import { BRAND_WORDS, SECTOR_PARTNER_PROFILES, type SectorPartnerProfile } from '../catalog/partner-profiles';
import type { AnchorClock } from '../clock';
import type { SeedRandom } from '../random';
import type { PartnerRow } from '../world';
import { fill, shortSlug } from './text';
import { UniqueNames } from './unique-names';

export interface PartnerPlan {
  readonly row: PartnerRow;
  /** Days from the anchor. */
  readonly joined: number;
}

export interface PersonaPartner {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly sectorCode: string;
  readonly kind: PartnerKind;
}

/**
 * The organisations the partner personas of gateway/identity/personas.ts belong to, with the ids
 * their tokens carry ("partner-gridline-energy" becomes Gridline Energy, a US utility in ENERGY).
 */
export const PERSONA_PARTNERS: readonly PersonaPartner[] = Object.values(PERSONAS).flatMap(({ claims }) => {
  if (!claims.org || !claims.sector) return [];
  const words = claims.org.replace(/^partner-/, '').split('-');
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
  return [{ id: claims.org, name, country: 'US', sectorCode: claims.sector, kind: profileOf(claims.sector).kinds[0]!.kind }];
});

const PERSONA_JOINED = -420;

function profileOf(sectorCode: string): SectorPartnerProfile {
  const profile = SECTOR_PARTNER_PROFILES[sectorCode];
  if (!profile) throw new Error(`no partner profile for sector ${sectorCode}`);
  return profile;
}

function allows(sectorCode: string, country: Country): boolean {
  const allowed = profileOf(sectorCode).countries;
  return !allowed || allowed.includes(country.code);
}

class PartnerFactory {
  private readonly names = new UniqueNames(PERSONA_PARTNERS.map((partner) => partner.name));
  private readonly ids = new UniqueNames(PERSONA_PARTNERS.map((partner) => partner.id), '-');

  constructor(
    private readonly random: SeedRandom,
    private readonly clock: AnchorClock,
  ) {}

  make(sectorCode: string, country: Country): PartnerPlan {
    const { random } = this;
    const profile = random.weighted(profileOf(sectorCode).kinds.map((value) => ({ value, weight: value.weight })));
    const name = this.names.claim(() =>
      fill(random.pick(profile.names), { word: random.pick(BRAND_WORDS), city: random.pick(country.cities) }),
    );
    // Early members joined well over a year ago; most joined as the programme grew.
    const joined = -(30 + 530 * Math.pow(random.between(0, 1), 1.4));
    return {
      row: {
        id: this.ids.claim(() => `partner-${shortSlug(name, 28)}`),
        name,
        country: country.code,
        sectorCode,
        kind: profile.kind,
        joinedAt: this.clock.at(joined),
      },
      joined,
    };
  }
}

export function buildPartners(random: SeedRandom, count: number, clock: AnchorClock): PartnerPlan[] {
  const factory = new PartnerFactory(random, clock);
  const plans: PartnerPlan[] = PERSONA_PARTNERS.map((partner) => ({
    row: { ...partner, joinedAt: clock.at(PERSONA_JOINED) },
    joined: PERSONA_JOINED,
  }));
  const usedCountries = new Set<string>(['US']);
  const byCountryWeight = (list: readonly Country[]) => random.weighted(list.map((value) => ({ value, weight: value.partnerWeight })));
  // Every sector and every country first, so that even the smallest data set covers them all.
  const sectorsLeft = SECTORS.map((sector) => sector.code).filter((code) => !plans.some((plan) => plan.row.sectorCode === code));
  for (const sectorCode of sectorsLeft) {
    if (plans.length >= count) break;
    const allowed = COUNTRIES.filter((country) => allows(sectorCode, country));
    const fresh = allowed.filter((country) => !usedCountries.has(country.code));
    const country = byCountryWeight(fresh.length ? fresh : allowed);
    usedCountries.add(country.code);
    plans.push(factory.make(sectorCode, country));
  }
  for (const country of COUNTRIES.filter((candidate) => !usedCountries.has(candidate.code))) {
    if (plans.length >= count) break;
    plans.push(factory.make(pickSector(random, country), country));
  }
  while (plans.length < count) {
    const country = byCountryWeight(COUNTRIES);
    plans.push(factory.make(pickSector(random, country), country));
  }
  return plans;
}

function pickSector(random: SeedRandom, country: Country): string {
  const sectors = Object.entries(SECTOR_PARTNER_PROFILES).filter(([code]) => allows(code, country));
  return random.weighted(sectors.map(([value, profile]) => ({ value, weight: profile.weight })));
}
