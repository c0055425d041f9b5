// CVSS v3.1 base scores computed by a reference calculator, so that every score matches its
// vector and every severity matches its score.
import cvss from 'ae-cvss-calculator';
import { Severity } from '../../../subgraphs/kit/schema/enums';

export function cvssBaseScore(vector: string): number {
  const score = new cvss.Cvss3P1(vector).calculateScores().base;
  if (typeof score !== 'number' || Number.isNaN(score)) throw new Error(`not a complete CVSS v3.1 base vector: ${vector}`);
  return score;
}

/** The CVSS v3.1 qualitative rating; a score of 0.0 ("None") is informational. */
export function severityOfScore(score: number): Severity {
  if (score >= 9) return Severity.CRITICAL;
  if (score >= 7) return Severity.HIGH;
  if (score >= 4) return Severity.MEDIUM;
  if (score > 0) return Severity.LOW;
  return Severity.INFORMATIONAL;
}
