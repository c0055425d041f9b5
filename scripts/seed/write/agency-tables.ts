// The data set as each agency's tables: the records' own columns (ranks for levels, delimited code
// lists, foreign keys by id), in an order where every row's parents come first.
import type { EntityClass } from '@mikro-orm/core';
import type { AgencyName } from '../../../subgraphs/kit/agency-subgraph';
import { UNRATED, rankOf } from '../../../subgraphs/kit/assessments/assessment-record';
import { CLASSIFICATION_ORDER, RISK_ORDER, SEVERITY_ORDER } from '../../../subgraphs/kit/schema/enums';
import { joinCodes } from '../../../subgraphs/treasury/data/code-list';
import { DeveloperRecord } from '../../../subgraphs/treasury/data/developer-record';
import { EarlyAccessGrantRecord } from '../../../subgraphs/treasury/data/early-access-grant-record';
import { FinancialAssessmentRecord, FinancialFindingRecord } from '../../../subgraphs/treasury/data/financial-assessment-record';
import { ModelRecord } from '../../../subgraphs/treasury/data/model-record';
import { PartnerRecord } from '../../../subgraphs/treasury/data/partner-record';
import { NationalSecurityAssessmentRecord, SecurityFindingRecord } from '../../../subgraphs/defense/data/national-security-records';
import { InfrastructureAssessmentRecord, InfrastructureFindingRecord } from '../../../subgraphs/cyber/data/infrastructure-records';
import { SectorRecord } from '../../../subgraphs/cyber/data/sector-record';
import { VulnerabilityRecord } from '../../../subgraphs/cyber/data/vulnerability-record';
import type { AssessmentRow, FindingRow, World } from '../world';

export interface Table {
  /** What the rows are, for the summary ("models"). */
  readonly label: string;
  readonly entity: EntityClass<object>;
  readonly rows: readonly Record<string, unknown>[];
}

/** New records start at revision 1, as the ORM would set it. */
const FIRST_REVISION = 1;

function assessmentColumns(row: AssessmentRow): Record<string, unknown> {
  return {
    id: row.id,
    modelId: row.modelId,
    leadAnalyst: row.leadAnalyst,
    openedAt: row.openedAt,
    startedAt: row.startedAt,
    dueAt: row.dueAt,
    completedAt: row.completedAt,
    riskRank: row.riskLevel === null ? UNRATED : rankOf(RISK_ORDER, row.riskLevel),
    summary: row.summary,
    revision: FIRST_REVISION,
  };
}

function findingColumns(row: FindingRow): Record<string, unknown> {
  return {
    id: row.id,
    assessment: row.assessmentId,
    title: row.title,
    description: row.description,
    severityRank: rankOf(SEVERITY_ORDER, row.severity),
    classificationRank: rankOf(CLASSIFICATION_ORDER, row.classification),
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
  };
}

export function agencyTables(world: World): Readonly<Record<AgencyName, readonly Table[]>> {
  const { treasury, defense, cyber } = world;
  return {
    treasury: [
      { label: 'developers', entity: DeveloperRecord, rows: treasury.developers.map((row) => ({ ...row })) },
      {
        label: 'models',
        entity: ModelRecord,
        rows: treasury.models.map(({ developerId, capabilities, sectorCodes, ...row }) => ({
          ...row,
          developer: developerId,
          capabilityCodes: joinCodes(capabilities),
          sectorCodes: joinCodes(sectorCodes),
          revision: FIRST_REVISION,
        })),
      },
      { label: 'partners', entity: PartnerRecord, rows: treasury.partners.map((row) => ({ ...row })) },
      {
        label: 'early-access grants',
        entity: EarlyAccessGrantRecord,
        rows: treasury.grants.map(({ partnerId, modelId, ...row }) => ({ ...row, partner: partnerId, model: modelId, revision: FIRST_REVISION })),
      },
      {
        label: 'financial-stability assessments',
        entity: FinancialAssessmentRecord,
        rows: treasury.assessments.map((row) => ({ ...assessmentColumns(row), systemicRiskScore: row.systemicRiskScore })),
      },
      {
        label: 'financial findings',
        entity: FinancialFindingRecord,
        rows: treasury.findings.map((row) => ({ ...findingColumns(row), affectedMarket: row.affectedMarket })),
      },
    ],
    defense: [
      {
        label: 'national-security assessments',
        entity: NationalSecurityAssessmentRecord,
        rows: defense.assessments.map((row) => ({ ...assessmentColumns(row), classificationRank: rankOf(CLASSIFICATION_ORDER, row.classification) })),
      },
      {
        label: 'security findings',
        entity: SecurityFindingRecord,
        rows: defense.findings.map((row) => ({ ...findingColumns(row), details: row.details, sectorCode: row.sectorCode })),
      },
    ],
    cyber: [
      { label: 'sectors', entity: SectorRecord, rows: cyber.sectors.map((row) => ({ ...row })) },
      {
        label: 'vulnerabilities',
        entity: VulnerabilityRecord,
        rows: cyber.vulnerabilities.map(({ sectorCode, severity, affectedSystems, ...row }) => ({
          ...row,
          sector: sectorCode,
          severityRank: rankOf(SEVERITY_ORDER, severity),
          affectedSystems: [...affectedSystems],
          revision: FIRST_REVISION,
        })),
      },
      {
        label: 'infrastructure-impact assessments',
        entity: InfrastructureAssessmentRecord,
        rows: cyber.assessments.map((row) => ({ ...assessmentColumns(row), sectorCode: row.sectorCode })),
      },
      {
        label: 'infrastructure findings',
        entity: InfrastructureFindingRecord,
        rows: cyber.findings.map((row) => ({ ...findingColumns(row), mitigation: row.mitigation })),
      },
    ],
  };
}
