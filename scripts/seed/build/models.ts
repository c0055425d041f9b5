// Models submitted for review: mostly in review now (windows open, closing, or not yet open),
// some released, some withdrawn. Capabilities follow the model's size and variant.
import { SECTORS } from '../../../subgraphs/kit/domain/sectors';
import { Capability } from '../../../subgraphs/kit/schema/enums';
import { Participation } from '../../../subgraphs/treasury/types/treasury-enums';
import { MODEL_VARIANTS, type ModelVariant } from '../catalog/developer-names';
import { WITHDRAWAL_REASONS } from '../catalog/programme-texts';
import type { AnchorClock } from '../clock';
import { WeightedPool, type SeedRandom, type Weighted } from '../random';
import { seedId } from '../seed-id';
import type { ModelRow } from '../world';
import type { DeveloperPlan, VersionStyle } from './developers';

export type Tier = 'frontier' | 'large' | 'small';

export interface ModelPlan {
  readonly row: ModelRow;
  readonly developer: DeveloperPlan;
  readonly tier: Tier;
  readonly participation: Participation;
  /** Days from the anchor. */
  readonly submitted: number;
  readonly release: number;
  readonly withdrawn: number | null;
  /** How much harm its capabilities could do (0 to about 15): drives risks and severities. */
  readonly danger: number;
}

/** Chance of each capability by tier. */
const CAPABILITY_ODDS: Readonly<Record<Tier, Readonly<Record<Capability, number>>>> = {
  frontier: {
    CODE_GENERATION: 0.95, VULNERABILITY_DISCOVERY: 0.85, EXPLOIT_DEVELOPMENT: 0.5, AUTONOMOUS_OPERATION: 0.7,
    NETWORK_OPERATIONS: 0.35, MALWARE_ANALYSIS: 0.5, SOCIAL_ENGINEERING: 0.3, CBRN_KNOWLEDGE: 0.25,
  },
  large: {
    CODE_GENERATION: 0.9, VULNERABILITY_DISCOVERY: 0.55, EXPLOIT_DEVELOPMENT: 0.2, AUTONOMOUS_OPERATION: 0.4,
    NETWORK_OPERATIONS: 0.12, MALWARE_ANALYSIS: 0.3, SOCIAL_ENGINEERING: 0.15, CBRN_KNOWLEDGE: 0.08,
  },
  small: {
    CODE_GENERATION: 0.8, VULNERABILITY_DISCOVERY: 0.25, EXPLOIT_DEVELOPMENT: 0.05, AUTONOMOUS_OPERATION: 0.15,
    NETWORK_OPERATIONS: 0.03, MALWARE_ANALYSIS: 0.12, SOCIAL_ENGINEERING: 0.05, CBRN_KNOWLEDGE: 0.02,
  },
};

/** Capabilities a variant has for certain, or more often. */
const VARIANT_BOOSTS: Readonly<Record<string, Partial<Record<Capability, number>>>> = {
  Code: { CODE_GENERATION: 1, VULNERABILITY_DISCOVERY: 0.2 },
  Agent: { AUTONOMOUS_OPERATION: 1, NETWORK_OPERATIONS: 0.15 },
  Sec: { VULNERABILITY_DISCOVERY: 1, EXPLOIT_DEVELOPMENT: 0.3, MALWARE_ANALYSIS: 0.3 },
};

const DANGER: Readonly<Record<Capability, number>> = {
  CODE_GENERATION: 0.5, VULNERABILITY_DISCOVERY: 2, EXPLOIT_DEVELOPMENT: 3, AUTONOMOUS_OPERATION: 1.5,
  NETWORK_OPERATIONS: 2.5, MALWARE_ANALYSIS: 1.5, SOCIAL_ENGINEERING: 1, CBRN_KNOWLEDGE: 2.5,
};

/** How often developers declare a model relevant to each sector. */
const SECTOR_RELEVANCE: readonly Weighted<string>[] = [
  { value: 'INFORMATION_TECHNOLOGY', weight: 20 }, { value: 'FINANCIAL_SERVICES', weight: 16 },
  { value: 'HEALTHCARE', weight: 12 }, { value: 'ENERGY', weight: 10 }, { value: 'COMMUNICATIONS', weight: 9 },
  { value: 'GOVERNMENT_FACILITIES', weight: 6 }, { value: 'DEFENSE_INDUSTRIAL_BASE', weight: 6 },
  { value: 'TRANSPORTATION', weight: 5 }, { value: 'WATER', weight: 4 }, { value: 'CRITICAL_MANUFACTURING', weight: 4 },
  { value: 'EMERGENCY_SERVICES', weight: 2 }, { value: 'CHEMICAL', weight: 2 }, { value: 'NUCLEAR', weight: 1.5 },
  { value: 'COMMERCIAL_FACILITIES', weight: 1.5 }, { value: 'FOOD_AND_AGRICULTURE', weight: 1 }, { value: 'DAMS', weight: 1 },
];

const SECTOR_COUNT: Readonly<Record<Tier, readonly [number, number]>> = { frontier: [3, 6], large: [2, 4], small: [1, 3] };

const CAPABILITY_ORDER = Object.values(Capability);
const SECTOR_ORDER = SECTORS.map((sector) => sector.code);

/** A time during US business hours (13:00 to 22:00 UTC) on the day that holds `day`. */
function daytime(random: SeedRandom, day: number): number {
  return Math.floor(day) + random.between(13, 22) / 24;
}

interface Timeline {
  readonly participation: Participation;
  readonly submitted: number;
  readonly release: number;
  readonly withdrawn: number | null;
}

function timeline(random: SeedRandom): Timeline {
  const participation = random.weighted([
    { value: Participation.IN_REVIEW, weight: 62 },
    { value: Participation.RELEASED, weight: 26 },
    { value: Participation.WITHDRAWN, weight: 12 },
  ]);
  if (participation === Participation.IN_REVIEW) {
    // Some windows about to close, most open, some not open yet (release more than 30 days away).
    const releaseDay = random.weighted([
      { value: [2, 7] as const, weight: 20 },
      { value: [7, 30] as const, weight: 55 },
      { value: [31, 58] as const, weight: 25 },
    ]);
    const release = daytime(random, random.int(releaseDay[0], releaseDay[1]));
    const submitted = daytime(random, Math.min(release - random.between(18, 90), -2 - random.between(0, 3)));
    return { participation, submitted, release, withdrawn: null };
  }
  if (participation === Participation.RELEASED) {
    const release = daytime(random, -(1.5 + 330 * Math.pow(random.between(0, 1), 1.6)));
    return { participation, submitted: daytime(random, release - random.between(14, 75)), release, withdrawn: null };
  }
  const submitted = daytime(random, -random.between(6, 240));
  const release = daytime(random, submitted + random.between(20, 80));
  const withdrawn = random.between(submitted + 1, Math.min(release - 0.5, -1));
  return { participation, submitted, release, withdrawn };
}

function capabilitiesOf(random: SeedRandom, tier: Tier, variant: ModelVariant): Capability[] {
  const boosts = VARIANT_BOOSTS[variant.suffix] ?? {};
  const chosen = CAPABILITY_ORDER.filter((capability) => random.chance(CAPABILITY_ODDS[tier][capability] + (boosts[capability] ?? 0)));
  return chosen.length ? chosen : [Capability.CODE_GENERATION];
}

function sectorsOf(random: SeedRandom, tier: Tier): string[] {
  const [min, max] = SECTOR_COUNT[tier];
  const count = random.int(min, max);
  const left = [...SECTOR_RELEVANCE];
  const chosen = new Set<string>();
  while (chosen.size < count) {
    const code = random.weighted(left);
    chosen.add(code);
    left.splice(left.findIndex((entry) => entry.value === code), 1);
  }
  return SECTOR_ORDER.filter((code) => chosen.has(code));
}

function tierOf(random: SeedRandom, developer: DeveloperPlan, variant: ModelVariant): Tier {
  const tier = random.weighted([
    { value: 'frontier' as const, weight: 0.1 + 0.5 * developer.size },
    { value: 'large' as const, weight: 0.45 },
    { value: 'small' as const, weight: 0.45 - 0.3 * developer.size },
  ]);
  if (!variant.smaller) return tier;
  return tier === 'frontier' ? 'large' : 'small';
}

/** Version numbers that go up over time within a model family. */
class VersionSequence {
  private parts: number[];

  constructor(
    random: SeedRandom,
    private readonly style: VersionStyle,
  ) {
    this.parts = style === 'decimal' ? [random.int(1, 3), 0] : style === 'major' ? [random.int(2, 5)] : [random.int(0, 2), random.int(1, 9), 0];
  }

  get current(): string {
    return this.parts.join('.');
  }

  bump(random: SeedRandom): void {
    const [major = 0, minor = 0, patch = 0] = this.parts;
    if (this.style === 'major') this.parts = [major + 1];
    else if (this.style === 'decimal') this.parts = random.chance(0.7) ? [major, minor + 1] : [major + 1, 0];
    else {
      const step = random.weighted([{ value: 0, weight: 5 }, { value: 1, weight: 4 }, { value: 2, weight: 1 }]);
      this.parts = step === 0 ? [major, minor, patch + 1] : step === 1 ? [major, minor + 1, 0] : [major + 1, 0, 0];
    }
  }
}

interface Draft extends Timeline {
  readonly index: number;
  readonly developer: DeveloperPlan;
  readonly family: string;
  readonly variant: ModelVariant;
  readonly tier: Tier;
  readonly capabilities: Capability[];
  readonly sectorCodes: string[];
  readonly withdrawalReason: string | null;
}

function draftModel(random: SeedRandom, index: number, developer: DeveloperPlan): Draft {
  const variant = random.weighted(MODEL_VARIANTS.map((value) => ({ value, weight: value.weight })));
  const family = random.weighted(developer.families.map((value, rank) => ({ value, weight: 1 / (rank + 1) })));
  const tier = tierOf(random, developer, variant);
  const times = timeline(random);
  return {
    index,
    developer,
    family,
    variant,
    tier,
    ...times,
    capabilities: capabilitiesOf(random, tier, variant),
    sectorCodes: sectorsOf(random, tier),
    withdrawalReason: times.withdrawn === null ? null : random.pick(WITHDRAWAL_REASONS),
  };
}

/** Within each family, in order of submission: a new version, or the same version as a new variant. */
function assignVersions(random: SeedRandom, drafts: readonly Draft[]): Map<Draft, { name: string; version: string }> {
  const families = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const key = `${draft.developer.row.id}/${draft.family}`;
    families.set(key, [...(families.get(key) ?? []), draft]);
  }
  const names = new Map<Draft, { name: string; version: string }>();
  for (const members of families.values()) {
    members.sort((a, b) => a.submitted - b.submitted || a.index - b.index);
    const versions = new VersionSequence(random, members[0]!.developer.versionStyle);
    const taken = new Set<string>();
    members.forEach((draft, position) => {
      const name = draft.variant.suffix ? `${draft.family} ${draft.variant.suffix}` : draft.family;
      if (position > 0 && !random.chance(0.3)) versions.bump(random);
      while (taken.has(`${name}@${versions.current}`)) versions.bump(random);
      taken.add(`${name}@${versions.current}`);
      names.set(draft, { name, version: versions.current });
    });
  }
  return names;
}

export function buildModels(random: SeedRandom, count: number, developers: readonly DeveloperPlan[], clock: AnchorClock): ModelPlan[] {
  const bySize = new WeightedPool(developers.map((value) => ({ value, weight: value.size })));
  // Every developer has at least one model; the rest go mostly to the large labs.
  const drafts = Array.from({ length: count }, (_, index) =>
    draftModel(random, index, index < developers.length ? developers[index]! : bySize.draw(random)),
  );
  const names = assignVersions(random, drafts);
  return drafts.map((draft) => {
    const { name, version } = names.get(draft)!;
    return {
      row: {
        id: seedId('mdl', 'model', draft.index),
        developerId: draft.developer.row.id,
        name,
        version,
        capabilities: draft.capabilities,
        sectorCodes: draft.sectorCodes,
        submittedAt: clock.at(draft.submitted),
        plannedReleaseAt: clock.at(draft.release),
        withdrawnAt: draft.withdrawn === null ? null : clock.at(draft.withdrawn),
        withdrawalReason: draft.withdrawalReason,
      },
      developer: draft.developer,
      tier: draft.tier,
      participation: draft.participation,
      submitted: draft.submitted,
      release: draft.release,
      withdrawn: draft.withdrawn,
      danger: draft.capabilities.reduce((sum, capability) => sum + DANGER[capability], 0),
    };
  });
}
