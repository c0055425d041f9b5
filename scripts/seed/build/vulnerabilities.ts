// Vulnerabilities that models found in the sectors' systems, mostly by models that discover
// vulnerabilities and in sectors they were declared relevant to. Disclosure moves on with age.
import { SECTORS } from '../../../subgraphs/kit/domain/sectors';
import { Capability } from '../../../subgraphs/kit/schema/enums';
import { DisclosureStatus } from '../../../subgraphs/cyber/types/cyber-enums';
import { SECTOR_SYSTEMS } from '../catalog/sector-systems';
import { WEAKNESSES, type Weakness } from '../catalog/weaknesses';
import type { AnchorClock } from '../clock';
import { WeightedPool, type SeedRandom, type Weighted } from '../random';
import { seedId } from '../seed-id';
import type { VulnerabilityRow } from '../world';
import { LAST_MOMENT } from './assessment-timeline';
import { figures } from './assessments';
import { cvssBaseScore, severityOfScore } from './cvss';
import type { ModelPlan } from './models';
import { fill } from './text';

/** Ways a vector differs from the weakness's typical one in a given product. */
const VARIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['AC:L', 'AC:H'],
  ['PR:N', 'PR:L'],
  ['PR:L', 'PR:H'],
  ['UI:N', 'UI:R'],
  ['AV:N', 'AV:A'],
];

const ACCESS: Readonly<Record<string, string>> = {
  'AV:N': 'network reach to the service',
  'AV:A': 'a foothold on the same network segment',
  'AV:L': 'local access to the host',
  'AV:P': 'physical access to the device',
};

const PRIVILEGES: Readonly<Record<string, string>> = {
  'PR:N': 'no credentials',
  'PR:L': 'a low-privilege account',
  'PR:H': 'an administrator account',
};

/** Days since the report → how far coordinated disclosure has got. */
function disclosureAfter(random: SeedRandom, age: number): DisclosureStatus {
  const { REPORTED, VENDOR_NOTIFIED, MITIGATION_AVAILABLE, PUBLICLY_DISCLOSED } = DisclosureStatus;
  const stages: Weighted<DisclosureStatus>[] =
    age < 7
      ? [{ value: REPORTED, weight: 80 }, { value: VENDOR_NOTIFIED, weight: 20 }]
      : age < 30
        ? [{ value: REPORTED, weight: 20 }, { value: VENDOR_NOTIFIED, weight: 60 }, { value: MITIGATION_AVAILABLE, weight: 20 }]
        : age < 90
          ? [{ value: VENDOR_NOTIFIED, weight: 25 }, { value: MITIGATION_AVAILABLE, weight: 55 }, { value: PUBLICLY_DISCLOSED, weight: 20 }]
          : [{ value: VENDOR_NOTIFIED, weight: 5 }, { value: MITIGATION_AVAILABLE, weight: 35 }, { value: PUBLICLY_DISCLOSED, weight: 60 }];
  return random.weighted(stages);
}

function vectorFor(random: SeedRandom, weakness: Weakness): string {
  let metrics = weakness.vector;
  if (random.chance(0.4)) {
    const applicable = VARIATIONS.filter(([from]) => metrics.split('/').includes(from));
    if (applicable.length) {
      const [from, to] = random.pick(applicable);
      metrics = metrics.replace(from, to);
    }
  }
  return `CVSS:3.1/${metrics}`;
}

function version(random: SeedRandom): string {
  return `${random.int(1, 12)}.${random.int(0, 9)}.${random.int(0, 20)}`;
}

function affectedSystems(random: SeedRandom, vendor: string, system: string, current: string, vendors: readonly string[]): string[] {
  const list = [`${vendor} ${system} ${current}`];
  const major = Number(current.split('.')[0]);
  if (major > 1 && random.chance(0.4)) list.push(`${vendor} ${system} ${major - 1}.x`);
  const others = vendors.filter((other) => other !== vendor);
  if (others.length && random.chance(0.25)) list.push(`${random.pick(others)} ${system} ${version(random)} (OEM build of ${vendor})`);
  return list;
}

/** Models that report vulnerabilities, weighted by how much they can find; by sector too. */
class Finders {
  private readonly all: WeightedPool<ModelPlan>;
  private readonly bySector = new Map<string, WeightedPool<ModelPlan>>();

  constructor(models: readonly ModelPlan[]) {
    const finders = models.filter((model) => model.row.capabilities.includes(Capability.VULNERABILITY_DISCOVERY));
    const pool = finders.length ? finders : models;
    const weigh = (list: readonly ModelPlan[]) => new WeightedPool(list.map((value) => ({ value, weight: 1 + value.danger })));
    this.all = weigh(pool);
    for (const { code } of SECTORS) this.bySector.set(code, weigh(pool.filter((model) => model.row.sectorCodes.includes(code))));
  }

  /** A model declared relevant to the sector when there is one. */
  pick(random: SeedRandom, sectorCode: string | null): ModelPlan {
    const relevant = sectorCode ? this.bySector.get(sectorCode) : undefined;
    return (relevant?.size ? relevant : this.all).draw(random);
  }
}

export function buildVulnerabilities(
  random: SeedRandom,
  count: number,
  models: readonly ModelPlan[],
  analysts: readonly string[],
  clock: AnchorClock,
): VulnerabilityRow[] {
  const rows: VulnerabilityRow[] = [];
  const finders = new Finders(models);
  for (let index = 0; index < count; index += 1) {
    // Every sector gets one first.
    const covering = index < SECTORS.length ? SECTORS[index]!.code : null;
    const model = finders.pick(random, covering);
    const sectorCode = covering ?? (random.chance(0.8) ? random.pick(model.row.sectorCodes) : random.pick(SECTORS).code);
    const { systems, vendors, protocols, impact } = SECTOR_SYSTEMS[sectorCode]!;
    const weakness = random.weighted(WEAKNESSES.map((value) => ({ value, weight: value.weight })));
    const vector = vectorFor(random, weakness);
    const cvssScore = cvssBaseScore(vector);
    const values = { system: random.pick(systems), protocol: random.pick(protocols) };
    const vendor = random.pick(vendors);
    const current = version(random);
    const until = Math.min(model.withdrawn ?? model.release, LAST_MOMENT);
    const reported = random.between(model.submitted + 0.5, Math.max(model.submitted + 0.5, until));
    const metric = (prefix: string) => vector.split('/').find((part) => part.startsWith(prefix))!;
    const { n, m, hours } = figures(random);
    const modelName = `${model.row.name} ${model.row.version}`;
    const developerDomain = model.developer.row.contactEmail.split('@')[1]!;
    rows.push({
      id: seedId('vul', 'vulnerability', index),
      sectorCode,
      modelId: model.row.id,
      title: `${fill(weakness.title, values)} in ${vendor} ${values.system}`,
      description: `${fill(weakness.description, values)} ${impact} Found by ${modelName} during pre-release review. ${weakness.cwe}; ${vector} (base score ${cvssScore.toFixed(1)}).`,
      severity: severityOfScore(cvssScore),
      cvssScore,
      affectedSystems: affectedSystems(random, vendor, values.system, current, vendors),
      disclosureStatus: disclosureAfter(random, -reported),
      exploitDetails:
        `${fill(weakness.exploit, values)} Needs ${ACCESS[metric('AV:')]} and ${PRIVILEGES[metric('PR:')]}. ` +
        `Reproduced in ${n} of ${m} attempts against ${vendor} ${values.system} ${current} in an isolated lab; ` +
        `${modelName} worked ${hours} hours${random.chance(0.6) ? ' without human guidance' : ' with an evaluator steering'}.`,
      reportedAt: clock.at(reported),
      reportedBy: random.chance(0.6) ? random.pick(analysts) : `security@${developerDomain}`,
    });
  }
  return rows;
}
