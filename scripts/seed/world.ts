// The data set the seed writes, as plain rows: one list per table, foreign keys as ids, levels as
// the domain's enum values (the writer turns them into the records' rank columns).
import type { Agency, Capability, Classification, RiskLevel, Severity } from '../../subgraphs/kit/schema/enums';
import type { FinancialMarket, PartnerKind } from '../../subgraphs/treasury/types/treasury-enums';
import type { DisclosureStatus } from '../../subgraphs/cyber/types/cyber-enums';

export interface WorldOptions {
  /** Multiplies models, developers, partners, grants, vulnerabilities and assessments. */
  readonly scale: number;
  /** The moment every time is relative to (the command line passes midnight UTC of a day). */
  readonly anchor: Date;
}

export interface DeveloperRow {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly contactPhone: string;
  readonly commercialTerms: string;
  readonly registeredAt: Date;
}

export interface ModelRow {
  readonly id: string;
  readonly developerId: string;
  readonly name: string;
  readonly version: string;
  readonly capabilities: readonly Capability[];
  readonly sectorCodes: readonly string[];
  readonly submittedAt: Date;
  readonly plannedReleaseAt: Date;
  readonly withdrawnAt: Date | null;
  readonly withdrawalReason: string | null;
}

export interface PartnerRow {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly sectorCode: string;
  readonly kind: PartnerKind;
  readonly joinedAt: Date;
}

export interface GrantRow {
  readonly id: string;
  readonly partnerId: string;
  readonly modelId: string;
  readonly purpose: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly revokedAt: Date | null;
  readonly grantedBy: string;
  readonly grantedAt: Date;
}

export interface AssessmentRow {
  readonly id: string;
  readonly modelId: string;
  readonly leadAnalyst: string;
  readonly openedAt: Date;
  readonly startedAt: Date | null;
  readonly dueAt: Date;
  readonly completedAt: Date | null;
  /** Set once completed. */
  readonly riskLevel: RiskLevel | null;
  readonly summary: string | null;
}

export interface FindingRow {
  readonly id: string;
  readonly assessmentId: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly classification: Classification;
  readonly recordedAt: Date;
  readonly recordedBy: string;
}

export interface FinancialAssessmentRow extends AssessmentRow {
  readonly systemicRiskScore: number | null;
}

export interface FinancialFindingRow extends FindingRow {
  readonly affectedMarket: FinancialMarket;
}

export interface NationalSecurityAssessmentRow extends AssessmentRow {
  readonly classification: Classification;
}

export interface SecurityFindingRow extends FindingRow {
  readonly details: string;
  readonly sectorCode: string | null;
}

export interface InfrastructureAssessmentRow extends AssessmentRow {
  readonly sectorCode: string;
}

export interface InfrastructureFindingRow extends FindingRow {
  readonly mitigation: string | null;
}

export interface SectorRow {
  readonly code: string;
  readonly name: string;
  readonly leadAgencyName: string;
  readonly leadAgency: Agency | null;
}

export interface VulnerabilityRow {
  readonly id: string;
  readonly sectorCode: string;
  readonly modelId: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly cvssScore: number;
  readonly affectedSystems: readonly string[];
  readonly disclosureStatus: DisclosureStatus;
  readonly exploitDetails: string;
  readonly reportedAt: Date;
  readonly reportedBy: string;
}

export interface TreasuryData {
  readonly developers: readonly DeveloperRow[];
  readonly models: readonly ModelRow[];
  readonly partners: readonly PartnerRow[];
  readonly grants: readonly GrantRow[];
  readonly assessments: readonly FinancialAssessmentRow[];
  readonly findings: readonly FinancialFindingRow[];
}

export interface DefenseData {
  readonly assessments: readonly NationalSecurityAssessmentRow[];
  readonly findings: readonly SecurityFindingRow[];
}

export interface CyberData {
  readonly sectors: readonly SectorRow[];
  readonly vulnerabilities: readonly VulnerabilityRow[];
  readonly assessments: readonly InfrastructureAssessmentRow[];
  readonly findings: readonly InfrastructureFindingRow[];
}

export interface World {
  readonly options: WorldOptions;
  readonly treasury: TreasuryData;
  readonly defense: DefenseData;
  readonly cyber: CyberData;
}
