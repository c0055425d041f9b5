// Treasury's financial-stability assessments: nearly every model relevant to financial services,
// and some others whose capabilities could reach the financial system.
import { Capability, Classification, RISK_ORDER, RiskLevel } from '../../../subgraphs/kit/schema/enums';
import { FinancialMarket } from '../../../subgraphs/treasury/types/treasury-enums';
import { FINANCIAL_FINDINGS } from '../catalog/financial-findings';
import { SECTOR_SYSTEMS } from '../catalog/sector-systems';
import { FINANCIAL_ACTIONS, FINANCIAL_RISK_PHRASES } from '../catalog/summaries';
import type { AnchorClock } from '../clock';
import type { SeedRandom } from '../random';
import { seedId } from '../seed-id';
import type { FinancialAssessmentRow, FinancialFindingRow } from '../world';
import { assessmentRow, describeFindings, figures, findingRow, frameAssessment, isCompleted, type AssessmentFrame } from './assessments';
import type { ModelPlan } from './models';
import { severityNear } from './risk';
import { fill } from './text';

const REACHING_FINANCE = [Capability.VULNERABILITY_DISCOVERY, Capability.SOCIAL_ENGINEERING, Capability.AUTONOMOUS_OPERATION];

const MARKETS = [
  { value: FinancialMarket.BANKING, weight: 30 },
  { value: FinancialMarket.PAYMENTS, weight: 25 },
  { value: FinancialMarket.CAPITAL_MARKETS, weight: 20 },
  { value: FinancialMarket.INSURANCE, weight: 10 },
  { value: FinancialMarket.MARKET_INFRASTRUCTURE, weight: 15 },
];

const CLASSIFICATIONS = [
  { value: Classification.UNCLASSIFIED, weight: 55 },
  { value: Classification.CUI, weight: 40 },
  { value: Classification.SECRET, weight: 5 },
];

function chanceOfAssessment(model: ModelPlan): number {
  if (model.row.sectorCodes.includes('FINANCIAL_SERVICES')) return 0.85;
  return model.row.capabilities.some((capability) => REACHING_FINANCE.includes(capability)) ? 0.35 : 0.1;
}

function summaryOf(frame: AssessmentFrame, findings: readonly FinancialFindingRow[]): string {
  const model = `${frame.model.row.name} ${frame.model.row.version}`;
  const risk = frame.risk.toLowerCase();
  return `${model}: ${risk} risk to financial stability, ${FINANCIAL_RISK_PHRASES[frame.risk]}; ${describeFindings(findings)}. ${FINANCIAL_ACTIONS[frame.risk]}`;
}

/** 0 to 100, in the band of the risk level. */
function systemicRiskScore(random: SeedRandom, risk: RiskLevel): number {
  return Math.round((RISK_ORDER.indexOf(risk) * 19 + random.between(2, 20)) * 10) / 10;
}

export function buildFinancialAssessments(
  random: SeedRandom,
  models: readonly ModelPlan[],
  analysts: readonly string[],
  clock: AnchorClock,
): { assessments: FinancialAssessmentRow[]; findings: FinancialFindingRow[] } {
  const assessments: FinancialAssessmentRow[] = [];
  const findings: FinancialFindingRow[] = [];
  const { vendors } = SECTOR_SYSTEMS.FINANCIAL_SERVICES!;
  for (const model of models) {
    if (!random.chance(chanceOfAssessment(model))) continue;
    const finance = model.row.sectorCodes.includes('FINANCIAL_SERVICES');
    const frame = frameAssessment(random, model, model.danger + (finance ? 1.5 : -1), analysts);
    const id = seedId('fsa', 'financial-assessment', assessments.length);
    const own = frame.findingTimes.map((_, position): FinancialFindingRow => {
      const affectedMarket = random.weighted(MARKETS);
      const template = random.pick(FINANCIAL_FINDINGS[affectedMarket]);
      const values = { ...figures(random), vendor: random.pick(vendors) };
      const content = {
        title: template.title,
        description: fill(template.description, values),
        severity: severityNear(random, frame.risk),
        classification: random.weighted(CLASSIFICATIONS),
      };
      const ids = { assessment: id, finding: seedId('fsf', 'financial-finding', findings.length + position) };
      return { ...findingRow(frame, position, ids, content, random.pick(analysts), clock), affectedMarket };
    });
    const completed = isCompleted(frame);
    assessments.push({
      ...assessmentRow(frame, id, clock, summaryOf(frame, own)),
      systemicRiskScore: completed ? systemicRiskScore(random, frame.risk) : null,
    });
    findings.push(...own);
  }
  return { assessments, findings };
}
