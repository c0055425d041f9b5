// Defense's national-security assessments: by the model's priority (its capabilities), with
// findings across all four classifications. An assessment is marked at least as high as its
// most classified finding, the way a document carries its highest portion marking.
import { CLASSIFICATION_ORDER, Classification } from '../../../subgraphs/kit/schema/enums';
import { priorityOf } from '../../../subgraphs/defense/data/priority';
import { NationalSecurityPriority } from '../../../subgraphs/defense/types/defense-enums';
import { EVALUATION_RANGES, SECURITY_FINDINGS } from '../catalog/defense-findings';
import { SECTOR_SYSTEMS } from '../catalog/sector-systems';
import { SECURITY_RISK_PHRASES } from '../catalog/summaries';
import type { AnchorClock } from '../clock';
import type { SeedRandom, Weighted } from '../random';
import { seedId } from '../seed-id';
import type { NationalSecurityAssessmentRow, SecurityFindingRow } from '../world';
import { assessmentRow, describeFindings, figures, findingRow, frameAssessment, type AssessmentFrame } from './assessments';
import type { ModelPlan } from './models';
import { severityNear } from './risk';
import { fill } from './text';

interface PriorityProfile {
  readonly chance: number;
  readonly dangerShift: number;
  /** The lowest marking of the assessment as a whole. */
  readonly markings: readonly Weighted<Classification>[];
  readonly findings: readonly Weighted<Classification>[];
}

const { UNCLASSIFIED, CUI, SECRET, TOP_SECRET } = Classification;

const PROFILES: Readonly<Record<NationalSecurityPriority, PriorityProfile>> = {
  [NationalSecurityPriority.ROUTINE]: {
    chance: 0.2,
    dangerShift: -1,
    markings: [{ value: UNCLASSIFIED, weight: 60 }, { value: CUI, weight: 40 }],
    findings: [{ value: UNCLASSIFIED, weight: 50 }, { value: CUI, weight: 40 }, { value: SECRET, weight: 10 }],
  },
  [NationalSecurityPriority.PRIORITY]: {
    chance: 0.7,
    dangerShift: 0,
    markings: [{ value: CUI, weight: 60 }, { value: SECRET, weight: 40 }],
    findings: [{ value: UNCLASSIFIED, weight: 20 }, { value: CUI, weight: 40 }, { value: SECRET, weight: 30 }, { value: TOP_SECRET, weight: 10 }],
  },
  [NationalSecurityPriority.IMMEDIATE]: {
    chance: 0.95,
    dangerShift: 1,
    markings: [{ value: SECRET, weight: 65 }, { value: TOP_SECRET, weight: 35 }],
    findings: [{ value: UNCLASSIFIED, weight: 10 }, { value: CUI, weight: 25 }, { value: SECRET, weight: 40 }, { value: TOP_SECRET, weight: 25 }],
  },
};

/** The portion marking that opens classified text. */
const PORTION_MARKS: Readonly<Record<Classification, string>> = { UNCLASSIFIED: '(U)', CUI: '(CUI)', SECRET: '(S)', TOP_SECRET: '(TS)' };

function higher(a: Classification, b: Classification): Classification {
  return CLASSIFICATION_ORDER.indexOf(a) >= CLASSIFICATION_ORDER.indexOf(b) ? a : b;
}

function findingFor(random: SeedRandom, model: ModelPlan, classification: Classification) {
  const template = random.pick(SECURITY_FINDINGS[classification]);
  const relevant = template.sectors.filter((code) => model.row.sectorCodes.includes(code));
  const sectorCode = relevant.length ? random.pick(relevant) : template.sectors.length ? random.pick(template.sectors) : null;
  const system = random.pick(SECTOR_SYSTEMS[sectorCode ?? 'INFORMATION_TECHNOLOGY']!.systems);
  const details = fill(template.details, { ...figures(random), system, range: random.pick(EVALUATION_RANGES) });
  return { title: template.title, details: `${PORTION_MARKS[classification]} ${details}`, sectorCode };
}

function summaryOf(frame: AssessmentFrame, findings: readonly SecurityFindingRow[]): string {
  const model = `${frame.model.row.name} ${frame.model.row.version}`;
  return `${model}: ${frame.risk.toLowerCase()} national-security risk, ${SECURITY_RISK_PHRASES[frame.risk]}; ${describeFindings(findings)}.`;
}

export function buildSecurityAssessments(
  random: SeedRandom,
  models: readonly ModelPlan[],
  analysts: readonly string[],
  clock: AnchorClock,
): { assessments: NationalSecurityAssessmentRow[]; findings: SecurityFindingRow[] } {
  const assessments: NationalSecurityAssessmentRow[] = [];
  const findings: SecurityFindingRow[] = [];
  for (const model of models) {
    const profile = PROFILES[priorityOf(model.row.capabilities)];
    if (!random.chance(profile.chance)) continue;
    const frame = frameAssessment(random, model, model.danger + profile.dangerShift, analysts);
    const id = seedId('nsa', 'national-security-assessment', assessments.length);
    let marking = random.weighted(profile.markings);
    const own = frame.findingTimes.map((_, position): SecurityFindingRow => {
      const classification = random.weighted(profile.findings);
      marking = higher(marking, classification);
      const { title, details, sectorCode } = findingFor(random, model, classification);
      const severity = severityNear(random, frame.risk);
      // The description is what may be shared: the title, without the operational detail.
      const description = `${PORTION_MARKS[classification]} ${title}. Operational details are held at ${classification.replace('_', ' ')}.`;
      const ids = { assessment: id, finding: seedId('nsf', 'security-finding', findings.length + position) };
      const row = findingRow(frame, position, ids, { title, description, severity, classification }, random.pick(analysts), clock);
      return { ...row, details, sectorCode };
    });
    assessments.push({ ...assessmentRow(frame, id, clock, summaryOf(frame, own)), classification: marking });
    findings.push(...own);
  }
  return { assessments, findings };
}
