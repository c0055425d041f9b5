// The cyber office's infrastructure-impact assessments: one per model and sector, for some of the
// sectors the developer declared, and for every model that finds vulnerabilities at least one.
import { Capability, Classification } from '../../../subgraphs/kit/schema/enums';
import { sectorByCode } from '../../../subgraphs/kit/domain/sectors';
import { INFRASTRUCTURE_FINDINGS, MITIGATIONS } from '../catalog/infrastructure-findings';
import { SECTOR_SYSTEMS } from '../catalog/sector-systems';
import { INFRASTRUCTURE_RISK_PHRASES } from '../catalog/summaries';
import type { AnchorClock } from '../clock';
import type { SeedRandom } from '../random';
import { seedId } from '../seed-id';
import type { InfrastructureAssessmentRow, InfrastructureFindingRow } from '../world';
import { assessmentRow, describeFindings, figures, findingRow, frameAssessment, isCompleted, type AssessmentFrame } from './assessments';
import type { ModelPlan } from './models';
import { severityNear } from './risk';
import { fill } from './text';

const CLASSIFICATIONS = [
  { value: Classification.UNCLASSIFIED, weight: 60 },
  { value: Classification.CUI, weight: 38 },
  { value: Classification.SECRET, weight: 2 },
];

/** Words a sector is called in running text. */
function sectorWords(code: string): string {
  return sectorByCode(code)!.name.replace(/ \(.*\)$/, '').toLowerCase();
}

function sectorValues(random: SeedRandom, sectorCode: string) {
  const { systems, vendors, protocols } = SECTOR_SYSTEMS[sectorCode]!;
  return { system: random.pick(systems), vendor: random.pick(vendors), protocol: random.pick(protocols), sector: sectorWords(sectorCode) };
}

function summaryOf(random: SeedRandom, frame: AssessmentFrame, sectorCode: string, findings: readonly InfrastructureFindingRow[]): string {
  const phrase = fill(INFRASTRUCTURE_RISK_PHRASES[frame.risk], sectorValues(random, sectorCode));
  return `Impact on ${sectorWords(sectorCode)}: ${frame.risk.toLowerCase()} risk. ${phrase}; ${describeFindings(findings)}.`;
}

export function buildInfrastructureAssessments(
  random: SeedRandom,
  models: readonly ModelPlan[],
  analysts: readonly string[],
  clock: AnchorClock,
): { assessments: InfrastructureAssessmentRow[]; findings: InfrastructureFindingRow[] } {
  const assessments: InfrastructureAssessmentRow[] = [];
  const findings: InfrastructureFindingRow[] = [];
  for (const model of models) {
    const discovers = model.row.capabilities.includes(Capability.VULNERABILITY_DISCOVERY);
    let sectors = model.row.sectorCodes.filter(() => random.chance(discovers ? 0.55 : 0.3));
    if (discovers && !sectors.length) sectors = [random.pick(model.row.sectorCodes)];
    for (const sectorCode of sectors) {
      const frame = frameAssessment(random, model, model.danger, analysts);
      const id = seedId('iia', 'infrastructure-assessment', assessments.length);
      const mitigated = isCompleted(frame) ? 0.7 : 0.35;
      const own = frame.findingTimes.map((_, position): InfrastructureFindingRow => {
        const template = random.pick(INFRASTRUCTURE_FINDINGS);
        const values = { ...figures(random), exposed: random.int(120, 4800), ...sectorValues(random, sectorCode) };
        const content = {
          title: fill(template.title, values),
          description: fill(template.description, values),
          severity: severityNear(random, frame.risk),
          classification: random.weighted(CLASSIFICATIONS),
        };
        const ids = { assessment: id, finding: seedId('iif', 'infrastructure-finding', findings.length + position) };
        const row = findingRow(frame, position, ids, content, random.pick(analysts), clock);
        return { ...row, mitigation: random.chance(mitigated) ? fill(random.pick(MITIGATIONS), values) : null };
      });
      assessments.push({ ...assessmentRow(frame, id, clock, summaryOf(random, frame, sectorCode, own)), sectorCode });
      findings.push(...own);
    }
  }
  return { assessments, findings };
}
