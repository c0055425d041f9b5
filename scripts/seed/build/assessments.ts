// What the three agencies' assessments share: dates, lead analyst, the risk the evidence points
// to, and when findings were recorded (while the assessment was under way, never after completion).
import { SEVERITY_ORDER, type Classification, type RiskLevel, type Severity } from '../../../subgraphs/kit/schema/enums';
import type { AnchorClock } from '../clock';
import type { SeedRandom } from '../random';
import type { AssessmentRow, FindingRow } from '../world';
import { LAST_MOMENT, assessmentTimes, type AssessmentTimes } from './assessment-timeline';
import type { ModelPlan } from './models';
import { findingCount, riskFor } from './risk';

export interface AssessmentFrame {
  readonly model: ModelPlan;
  readonly times: AssessmentTimes;
  /** The risk the evidence points to; it becomes the risk level when the assessment is completed. */
  readonly risk: RiskLevel;
  readonly leadAnalyst: string;
  /** When each finding was recorded, in order (days from the anchor). */
  readonly findingTimes: readonly number[];
}

export interface FindingContent {
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly classification: Classification;
}

export function frameAssessment(random: SeedRandom, model: ModelPlan, danger: number, analysts: readonly string[]): AssessmentFrame {
  const times = assessmentTimes(random, model);
  const risk = riskFor(random, danger);
  const count = findingCount(random, times.started !== null, times.completed === null ? null : risk);
  const from = times.started ?? times.opened;
  const until = times.completed ?? Math.min(model.withdrawn ?? LAST_MOMENT, LAST_MOMENT);
  const findingTimes = Array.from({ length: count }, () => random.between(from, Math.max(from, until))).sort((a, b) => a - b);
  return { model, times, risk, leadAnalyst: random.pick(analysts), findingTimes };
}

export function isCompleted(frame: AssessmentFrame): boolean {
  return frame.times.completed !== null;
}

export function assessmentRow(frame: AssessmentFrame, id: string, clock: AnchorClock, summary: string): AssessmentRow {
  const { times } = frame;
  const completed = isCompleted(frame);
  return {
    id,
    modelId: frame.model.row.id,
    leadAnalyst: frame.leadAnalyst,
    openedAt: clock.at(times.opened),
    startedAt: times.started === null ? null : clock.at(times.started),
    dueAt: clock.at(times.due),
    completedAt: times.completed === null ? null : clock.at(times.completed),
    riskLevel: completed ? frame.risk : null,
    summary: completed ? summary : null,
  };
}

export function findingRow(
  frame: AssessmentFrame,
  position: number,
  ids: { readonly assessment: string; readonly finding: string },
  content: FindingContent,
  recordedBy: string,
  clock: AnchorClock,
): FindingRow {
  return {
    id: ids.finding,
    assessmentId: ids.assessment,
    ...content,
    recordedAt: clock.at(frame.findingTimes[position]!),
    recordedBy,
  };
}

/** Figures for the `{n}`, `{m}` and `{hours}` of finding templates (n below m). */
export function figures(random: SeedRandom): { n: number; m: number; hours: number } {
  const m = random.int(8, 40);
  return { n: random.int(2, Math.max(3, Math.floor(m * 0.8))), m, hours: random.int(3, 72) };
}

/** "3 findings, the most serious high" for a summary. */
export function describeFindings(findings: readonly { readonly severity: Severity }[]): string {
  if (!findings.length) return 'no findings';
  const worst = Math.max(...findings.map((finding) => SEVERITY_ORDER.indexOf(finding.severity)));
  const count = findings.length === 1 ? '1 finding' : `${findings.length} findings`;
  return `${count}, the most serious ${SEVERITY_ORDER[worst]!.toLowerCase()}`;
}
