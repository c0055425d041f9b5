// Seeded randomness: every part of the data set draws from its own stream, named by a label, so
// that the same options always give the same data and a change to one part leaves the others be.
import { createHash } from 'node:crypto';
import { Faker, base, de, de_CH, en, en_AU, en_CA, en_GB, en_IE, en_US, fr, generateMersenne53Randomizer, nl, sv } from '@faker-js/faker';
import type { LocaleDefinition, Randomizer } from '@faker-js/faker';

/** Person-name locales by ISO country; countries not listed use US English names. */
const PERSON_LOCALES: Readonly<Record<string, LocaleDefinition>> = {
  US: en_US,
  GB: en_GB,
  CA: en_CA,
  AU: en_AU,
  IE: en_IE,
  FR: fr,
  DE: de,
  CH: de_CH,
  NL: nl,
  SE: sv,
};

export interface Weighted<T> {
  readonly value: T;
  readonly weight: number;
}

export interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

function seedOf(label: string): number {
  return createHash('sha256').update(`accord-seed/${label}`).digest().readUInt32BE(0);
}

export class SeedRandom {
  private readonly randomizer: Randomizer;
  private readonly faker: Faker;
  private readonly peopleFakers = new Map<string, Faker>();

  constructor(label: string) {
    this.randomizer = generateMersenne53Randomizer(seedOf(label));
    this.faker = new Faker({ locale: [en_US, en, base], randomizer: this.randomizer });
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  /** A number from min to max. */
  between(min: number, max: number): number {
    return min + this.randomizer.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.randomizer.next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('cannot pick from an empty list');
    return this.faker.helpers.arrayElement(list);
  }

  /** An entry's value, with a chance in proportion to its weight (a zero weight never comes up). */
  weighted<T>(entries: readonly Weighted<T>[]): T {
    const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
    if (!(total > 0)) throw new Error('cannot pick from entries that weigh nothing');
    let point = this.randomizer.next() * total;
    for (const entry of entries) {
      point -= entry.weight;
      if (point < 0 && entry.weight > 0) return entry.value;
    }
    return entries.findLast((entry) => entry.weight > 0)!.value;
  }

  /** `count` distinct elements (all of them when the list is shorter), in random order. */
  sample<T>(list: readonly T[], count: number): T[] {
    return this.faker.helpers.arrayElements(list, Math.min(count, list.length));
  }

  shuffle<T>(list: readonly T[]): T[] {
    return this.faker.helpers.shuffle([...list]);
  }

  person(country: string): PersonName {
    const faker = this.peopleFaker(country);
    return { firstName: faker.person.firstName(), lastName: faker.person.lastName() };
  }

  /** A phone number in international (E.164) form, in the country's numbering plan. */
  phone(country: string): string {
    return this.peopleFaker(country).phone.number({ style: 'international' });
  }

  private peopleFaker(country: string): Faker {
    let faker = this.peopleFakers.get(country);
    if (!faker) {
      const locale = PERSON_LOCALES[country] ?? en_US;
      faker = new Faker({ locale: [locale, en, base], randomizer: this.randomizer });
      this.peopleFakers.set(country, faker);
    }
    return faker;
  }
}

/** A long list drawn from many times by weight: the running totals are computed once. */
export class WeightedPool<T> {
  private readonly totals: number[] = [];
  private readonly values: T[] = [];

  constructor(entries: readonly Weighted<T>[]) {
    let total = 0;
    for (const entry of entries) {
      if (entry.weight <= 0) continue;
      total += entry.weight;
      this.totals.push(total);
      this.values.push(entry.value);
    }
  }

  get size(): number {
    return this.values.length;
  }

  draw(random: SeedRandom): T {
    if (this.values.length === 0) throw new Error('cannot draw from an empty pool');
    const point = random.between(0, this.totals[this.totals.length - 1]!);
    let low = 0;
    let high = this.totals.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.totals[middle]! > point) high = middle;
      else low = middle + 1;
    }
    return this.values[low]!;
  }
}
