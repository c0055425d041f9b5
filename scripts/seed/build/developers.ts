// Frontier-AI developers: a few large labs with many models and a long tail of small ones.
import { DEVELOPER_COUNTRIES } from '../catalog/countries';
import { DEVELOPER_STEMS, DEVELOPER_SUFFIXES, MODEL_FAMILIES } from '../catalog/developer-names';
import { COMMERCIAL_TERMS } from '../catalog/programme-texts';
import type { AnchorClock } from '../clock';
import type { SeedRandom } from '../random';
import { seedId } from '../seed-id';
import type { DeveloperRow } from '../world';
import { asciiLetters, fill } from './text';
import { UniqueNames } from './unique-names';

export type VersionStyle = 'decimal' | 'major' | 'semver';

export interface DeveloperPlan {
  readonly row: DeveloperRow;
  /** Relative share of the models: large labs submit more. */
  readonly size: number;
  readonly versionStyle: VersionStyle;
  /** Model family names, flagship first. */
  readonly families: readonly string[];
  /** Days from the anchor (negative: before). */
  readonly registered: number;
}

/** Domains of the contacts' e-mail addresses: .ai twice as often as the others. */
const TLDS = ['ai', 'ai', 'com', 'io'];

function commercialTerms(random: SeedRandom): string {
  const values = { rate: random.pick([30, 60, 120, 300]), fee: random.pick(['25,000', '40,000', '75,000']), amendment: random.int(2, 9) };
  return COMMERCIAL_TERMS.map((clauses) => fill(random.pick(clauses), values)).join(' ');
}

export function buildDevelopers(random: SeedRandom, count: number, clock: AnchorClock): DeveloperPlan[] {
  const names = new UniqueNames();
  // Each stem once before any comes back (only past 60 developers), so that names look distinct.
  const stems = random.shuffle(DEVELOPER_STEMS);
  const families = random.shuffle(MODEL_FAMILIES);
  let nextFamily = 0;
  const plans: DeveloperPlan[] = [];
  for (let index = 0; index < count; index += 1) {
    const name = names.claim(() => `${stems[index % stems.length]} ${random.pick(DEVELOPER_SUFFIXES)}`);
    const country = random.weighted(DEVELOPER_COUNTRIES);
    const contact = random.person(country);
    const domain = `${asciiLetters(name)}.${random.pick(TLDS)}`;
    // Zipf-like: the first developers are the large labs.
    const size = 1 / Math.pow(index + 1, 0.9);
    const familyCount = size > 0.3 ? random.int(2, 4) : random.int(1, 2);
    const own: string[] = [];
    for (let f = 0; f < familyCount; f += 1) own.push(families[nextFamily++ % families.length]!);
    const registered = -random.between(420, 1100);
    plans.push({
      row: {
        id: seedId('dev', 'developer', index),
        name,
        country,
        contactName: `${contact.firstName} ${contact.lastName}`,
        contactEmail: `${asciiLetters(contact.firstName)}.${asciiLetters(contact.lastName)}@${domain}`,
        contactPhone: random.phone(country),
        commercialTerms: commercialTerms(random),
        registeredAt: clock.at(registered),
      },
      size,
      versionStyle: random.weighted([
        { value: 'decimal' as const, weight: 6 },
        { value: 'major' as const, weight: 2 },
        { value: 'semver' as const, weight: 2 },
      ]),
      families: own,
      registered,
    });
  }
  return plans;
}
