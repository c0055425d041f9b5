// How each agency sums up a completed assessment, by the risk it found.
import { RiskLevel } from '../../../subgraphs/kit/schema/enums';

export const FINANCIAL_RISK_PHRASES: Readonly<Record<RiskLevel, string>> = {
  [RiskLevel.NEGLIGIBLE]: 'no credible path to disruption of the financial system',
  [RiskLevel.LOW]: 'limited uplift to fraud and intrusion against individual institutions',
  [RiskLevel.MODERATE]: 'real uplift for attacks on individual institutions, contained at the level of the system',
  [RiskLevel.HIGH]: 'a credible path to disrupting payment or settlement services at systemically important institutions',
  [RiskLevel.CRITICAL]: 'a plausible trigger for correlated failures across the financial system',
};

export const FINANCIAL_ACTIONS: Readonly<Record<RiskLevel, string>> = {
  [RiskLevel.NEGLIGIBLE]: 'No action beyond routine monitoring.',
  [RiskLevel.LOW]: 'Findings shared with the sector ISAC.',
  [RiskLevel.MODERATE]: 'Early-access partners in financial services to patch the named systems before release.',
  [RiskLevel.HIGH]: 'Prudential regulators briefed; partners asked to confirm mitigations before release.',
  [RiskLevel.CRITICAL]: 'Coordinated response opened with prudential regulators and the sector ISAC.',
};

export const SECURITY_RISK_PHRASES: Readonly<Record<RiskLevel, string>> = {
  [RiskLevel.NEGLIGIBLE]: 'no capability beyond publicly available tools',
  [RiskLevel.LOW]: 'modest uplift to low-skill actors',
  [RiskLevel.MODERATE]: 'meaningful uplift to capable actors against government networks',
  [RiskLevel.HIGH]: 'capability comparable to a skilled state team in the evaluated scenarios',
  [RiskLevel.CRITICAL]: 'capability that would shift the offence-defence balance against national systems',
};

export const INFRASTRUCTURE_RISK_PHRASES: Readonly<Record<RiskLevel, string>> = {
  [RiskLevel.NEGLIGIBLE]: 'No new weaknesses found in the systems the sector commonly runs',
  [RiskLevel.LOW]: 'Finds known weaknesses faster than current tools, nothing new',
  [RiskLevel.MODERATE]: 'Finds new weaknesses in widely deployed {system} products',
  [RiskLevel.HIGH]: 'Turns new weaknesses into working attacks on the {system}',
  [RiskLevel.CRITICAL]: 'Could cause physical or service-wide effects in {sector} at scale',
};
