// Risk and severity distributions: the more dangerous a model's capabilities, the higher the
// risk its assessments find, and findings cluster around the assessment's risk.
import { RISK_ORDER, RiskLevel, SEVERITY_ORDER, type Severity } from '../../../subgraphs/kit/schema/enums';
import type { SeedRandom } from '../random';

/** Weights of NEGLIGIBLE, LOW, MODERATE, HIGH, CRITICAL by how dangerous the model is. */
const RISK_WEIGHTS: ReadonlyArray<{ readonly below: number; readonly weights: readonly number[] }> = [
  { below: 3, weights: [35, 40, 20, 5, 0] },
  { below: 6, weights: [10, 30, 40, 17, 3] },
  { below: 9, weights: [2, 12, 38, 35, 13] },
  { below: Infinity, weights: [0, 5, 25, 42, 28] },
];

export function riskFor(random: SeedRandom, danger: number): RiskLevel {
  const { weights } = RISK_WEIGHTS.find((band) => danger < band.below)!;
  return random.weighted(RISK_ORDER.map((value, rank) => ({ value, weight: weights[rank]! })));
}

/** A finding's severity: mostly at or just below the assessment's risk, sometimes above. */
export function severityNear(random: SeedRandom, risk: RiskLevel): Severity {
  const shift = random.weighted([
    { value: -2, weight: 10 },
    { value: -1, weight: 30 },
    { value: 0, weight: 42 },
    { value: 1, weight: 18 },
  ]);
  const rank = Math.min(Math.max(RISK_ORDER.indexOf(risk) + shift, 0), SEVERITY_ORDER.length - 1);
  return SEVERITY_ORDER[rank]!;
}

/** How many findings a completed assessment records, by its risk. */
const FINDINGS_BY_RISK: Readonly<Record<RiskLevel, readonly [number, number]>> = {
  NEGLIGIBLE: [0, 1],
  LOW: [0, 2],
  MODERATE: [1, 3],
  HIGH: [2, 4],
  CRITICAL: [3, 6],
};

/** Findings so far: a completed assessment by its risk, one under way a few, one not started none. */
export function findingCount(random: SeedRandom, started: boolean, risk: RiskLevel | null): number {
  if (!started) return 0;
  const [min, max] = risk ? FINDINGS_BY_RISK[risk] : [0, 3];
  return random.int(min, max);
}
