// Early-access grants: partners mostly get models relevant to their sector. Grants follow the
// rules of the grant mutation: they start after submission, end no later than the release, and
// one partner holds at most one grant per model. A withdrawal revokes the grants still running.
// The persona partners hold active grants on several models in review.
import { Participation } from '../../../subgraphs/treasury/types/treasury-enums';
import { GRANT_PURPOSES } from '../catalog/programme-texts';
import { SECTOR_SYSTEMS } from '../catalog/sector-systems';
import type { AnchorClock } from '../clock';
import type { SeedRandom } from '../random';
import { seedId } from '../seed-id';
import type { GrantRow } from '../world';
import type { ModelPlan } from './models';
import { PERSONA_PARTNERS, type PartnerPlan } from './partners';
import { fill } from './text';

export type GrantState = 'active' | 'future' | 'expired' | 'revoked';

const GRANTS_PER_MODEL = { frontier: [2, 7], large: [1, 4], small: [0, 2] } as const;

/** Per persona partner: active grants, and one of each other state. */
const PERSONA_ACTIVE_GRANTS = 5;

interface GrantTimes {
  readonly start: number;
  readonly end: number;
  readonly revoked: number | null;
  readonly granted: number;
}

class GrantFactory {
  readonly rows: GrantRow[] = [];
  private readonly held = new Set<string>();

  constructor(
    private readonly random: SeedRandom,
    private readonly clock: AnchorClock,
    private readonly grantors: readonly string[],
  ) {}

  holds(partner: PartnerPlan, model: ModelPlan): boolean {
    return this.held.has(`${partner.row.id}/${model.row.id}`);
  }

  add(partner: PartnerPlan, model: ModelPlan, wanted: GrantState): void {
    const { random, clock } = this;
    this.held.add(`${partner.row.id}/${model.row.id}`);
    const times = this.times(model, wanted);
    const system = random.pick(SECTOR_SYSTEMS[partner.row.sectorCode]!.systems);
    this.rows.push({
      id: seedId('eag', 'grant', this.rows.length),
      partnerId: partner.row.id,
      modelId: model.row.id,
      purpose: fill(random.pick(GRANT_PURPOSES), { model: `${model.row.name} ${model.row.version}`, system }),
      startsAt: clock.at(times.start),
      endsAt: clock.at(times.end),
      revokedAt: times.revoked === null ? null : clock.at(times.revoked),
      grantedBy: random.pick(this.grantors),
      grantedAt: clock.at(times.granted),
    });
  }

  /** Times for the wanted state, or for the nearest state the model's dates allow. */
  private times(model: ModelPlan, wanted: GrantState): GrantTimes {
    const { random } = this;
    const { submitted: s, release: r } = model;
    const grantedBefore = (start: number) => random.between(Math.max(s, start - 3), start);
    if (model.participation === Participation.WITHDRAWN) {
      const start = random.between(s, model.withdrawn! - 0.1);
      return { start, end: r, revoked: model.withdrawn, granted: grantedBefore(start) };
    }
    if (model.participation === Participation.RELEASED) {
      const start = random.between(s, r - 1);
      const end = random.chance(0.9) ? r : random.between(start + 1, r);
      const revoked = wanted === 'revoked' ? random.between(start + 0.1, end - 0.05) : null;
      return { start, end, revoked, granted: grantedBefore(start) };
    }
    // In review: the anchor day is 0; active grants span it by at least a day on each side.
    if (wanted === 'future' && r >= 4) {
      const start = random.between(1, r - 2);
      return { start, end: r, revoked: null, granted: random.between(s, -0.05) };
    }
    if (wanted === 'expired' && s <= -10) {
      const start = random.between(s, -9);
      return { start, end: random.between(start + 5, Math.min(start + 20, -1)), revoked: null, granted: grantedBefore(start) };
    }
    if (wanted === 'revoked') {
      const start = random.between(s, -2);
      return { start, end: r, revoked: random.between(start + 0.1, -0.05), granted: grantedBefore(start) };
    }
    const start = random.between(s, -1);
    const end = random.chance(0.8) ? r : random.between(2, r);
    return { start, end, revoked: null, granted: grantedBefore(start) };
  }
}

function inReviewState(random: SeedRandom): GrantState {
  return random.weighted([
    { value: 'active' as const, weight: 68 },
    { value: 'future' as const, weight: 12 },
    { value: 'expired' as const, weight: 12 },
    { value: 'revoked' as const, weight: 8 },
  ]);
}

function personaGrants(random: SeedRandom, factory: GrantFactory, models: readonly ModelPlan[], partners: readonly PartnerPlan[]): void {
  // Models whose dates allow every state: in review, submitted 10+ days ago, release 4+ days away.
  const roomy = models.filter((model) => model.participation === Participation.IN_REVIEW && model.submitted <= -10 && model.release >= 4);
  const released = models.filter((model) => model.participation === Participation.RELEASED);
  for (const persona of PERSONA_PARTNERS) {
    const partner = partners.find((plan) => plan.row.id === persona.id)!;
    const relevant = roomy.filter((model) => model.row.sectorCodes.includes(persona.sectorCode));
    const others = roomy.filter((model) => !model.row.sectorCodes.includes(persona.sectorCode));
    const chosen = [...random.sample(relevant, PERSONA_ACTIVE_GRANTS + 2), ...random.sample(others, 1)];
    const states: GrantState[] = ['future', 'expired', 'revoked'];
    chosen.forEach((model, index) => factory.add(partner, model, index < PERSONA_ACTIVE_GRANTS ? 'active' : states[index - PERSONA_ACTIVE_GRANTS]!));
    for (const model of random.sample(released, 2)) factory.add(partner, model, 'expired');
  }
}

/** Partners in order of joining, so that those in the programme by a given day are a prefix. */
class PartnersByJoining {
  private readonly list: PartnerPlan[];

  constructor(partners: readonly PartnerPlan[]) {
    this.list = [...partners].sort((a, b) => a.joined - b.joined);
  }

  /** How many had joined by `day`. */
  private countBy(day: number): number {
    let low = 0;
    let high = this.list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.list[middle]!.joined <= day) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** One that had joined by `day` and passes `free`, or null after a few tries. */
  pick(random: SeedRandom, day: number, free: (partner: PartnerPlan) => boolean): PartnerPlan | null {
    const count = this.countBy(day);
    for (let attempt = 0; count > 0 && attempt < 8; attempt += 1) {
      const partner = this.list[random.int(0, count - 1)]!;
      if (free(partner)) return partner;
    }
    return null;
  }
}

export function buildGrants(
  random: SeedRandom,
  models: readonly ModelPlan[],
  partners: readonly PartnerPlan[],
  grantors: readonly string[],
  clock: AnchorClock,
): GrantRow[] {
  const factory = new GrantFactory(random, clock, grantors);
  personaGrants(random, factory, models, partners);
  const everyone = new PartnersByJoining(partners);
  const bySector = new Map<string, PartnersByJoining>();
  for (const code of new Set(partners.map((partner) => partner.row.sectorCode))) {
    bySector.set(code, new PartnersByJoining(partners.filter((partner) => partner.row.sectorCode === code)));
  }
  for (const model of models) {
    const [min, max] = GRANTS_PER_MODEL[model.tier];
    const count = random.int(min, max);
    const free = (partner: PartnerPlan) => !factory.holds(partner, model);
    for (let n = 0; n < count; n += 1) {
      // Mostly a partner in one of the model's sectors; only partners in the programme at submission.
      const sector = bySector.get(random.pick(model.row.sectorCodes));
      const relevant = sector && random.chance(0.75) ? sector.pick(random, model.submitted, free) : null;
      const partner = relevant ?? everyone.pick(random, model.submitted, free);
      if (!partner) break;
      const state: GrantState = model.participation === Participation.IN_REVIEW ? inReviewState(random) : random.chance(0.12) ? 'revoked' : 'expired';
      factory.add(partner, model, state);
    }
  }
  return factory.rows;
}
