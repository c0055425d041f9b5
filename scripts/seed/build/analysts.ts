// The people who lead assessments, record findings, grant access and report vulnerabilities, as
// the subjects their tokens carry. Each agency's pool includes its development persona, so that
// `npm run token -- treasury-analyst` finds assessments of its own.
import type { SeedRandom } from '../random';
import { asciiLetters } from './text';

export interface AnalystPools {
  readonly treasury: readonly string[];
  readonly defense: readonly string[];
  readonly cyber: readonly string[];
}

const POOL_SIZE = 12;

const AGENCY_DOMAINS = { treasury: 'treasury.gov', defense: 'defense.gov', cyber: 'ncd.eop.gov' } as const;

function pool(random: SeedRandom, agency: keyof typeof AGENCY_DOMAINS): string[] {
  const subjects = new Set<string>([`dev:${agency}-analyst`]);
  while (subjects.size < POOL_SIZE + 1) {
    const { firstName, lastName } = random.person('US');
    subjects.add(`${asciiLetters(firstName)}.${asciiLetters(lastName)}@${AGENCY_DOMAINS[agency]}`);
  }
  return [...subjects];
}

export function buildAnalysts(random: SeedRandom): AnalystPools {
  return { treasury: pool(random, 'treasury'), defense: pool(random, 'defense'), cyber: pool(random, 'cyber') };
}
