// The queries an agency dashboard sends, each with the page size as a variable (`$first`):
// SQL statements per operation must not depend on it.
//   - the models in review, with fields from all three subgraphs and their sectors of concern;
//   - one model in full;
//   - one sector with its vulnerabilities.

export const MODELS_IN_REVIEW = /* GraphQL */ `
  query ModelsInReview($first: Int!) {
    models(first: $first, filter: { participation: IN_REVIEW }) {
      totalCount
      nodes {
        id
        name
        version
        plannedReleaseAt
        developer { name country }
        reviewWindow { closesAt daysRemaining }
        sectorsOfConcern { code name leadAgencyName }
        nationalSecurityPriority
        nationalSecurityAssessments(first: $first) { totalCount nodes { status riskLevel dueAt } }
        vulnerabilitiesFound(first: $first) { totalCount nodes { title severity cvssScore } }
        infrastructureImpactAssessments(first: $first) { totalCount nodes { status riskLevel sector { code name } } }
      }
    }
  }`;

export const MODEL_IN_FULL = /* GraphQL */ `
  query ModelInFull($id: ID!, $first: Int!) {
    model(id: $id) {
      id
      name
      version
      submittedAt
      plannedReleaseAt
      participation
      capabilities
      developer { id name country }
      reviewWindow { opensAt closesAt isOpen daysRemaining }
      sectorsOfConcern { code name leadAgencyName leadAgency }
      nationalSecurityPriority
      financialStabilityAssessments(first: $first) {
        totalCount
        nodes { status riskLevel summary leadAnalyst dueAt systemicRiskScore findings(first: $first) { nodes { title severity } } }
      }
      nationalSecurityAssessments(first: $first) {
        totalCount
        nodes { status riskLevel summary leadAnalyst dueAt }
      }
      infrastructureImpactAssessments(first: $first) {
        totalCount
        nodes { status riskLevel summary dueAt sector { code name } findings(first: $first) { nodes { title severity mitigation } } }
      }
      vulnerabilitiesFound(first: $first) {
        totalCount
        nodes { title severity cvssScore disclosureStatus reportedAt sector { code name } }
      }
    }
  }`;

export const SECTOR_WITH_VULNERABILITIES = /* GraphQL */ `
  query SectorWithVulnerabilities($code: ID!, $first: Int!) {
    sector(code: $code) {
      code
      name
      leadAgencyName
      vulnerabilities(first: $first) {
        totalCount
        nodes {
          title
          severity
          cvssScore
          disclosureStatus
          reportedAt
          affectedSystems
          discoveredBy { id name developer { name } nationalSecurityPriority }
        }
      }
    }
  }`;

export interface DashboardTargets {
  /** A model to show in full (one in review). */
  readonly modelId: string;
  /** A sector to show with its vulnerabilities. */
  readonly sectorCode: string;
}

export interface DashboardRequest {
  readonly name: string;
  readonly body: { readonly query: string; readonly variables: Record<string, unknown> };
}

/** The three requests a dashboard sends, at page size `first`. */
export function dashboardRequests(targets: DashboardTargets, first: number): DashboardRequest[] {
  return [
    { name: 'ModelsInReview', body: { query: MODELS_IN_REVIEW, variables: { first } } },
    { name: 'ModelInFull', body: { query: MODEL_IN_FULL, variables: { id: targets.modelId, first } } },
    { name: 'SectorWithVulnerabilities', body: { query: SECTOR_WITH_VULNERABILITIES, variables: { code: targets.sectorCode, first } } },
  ];
}

/** Claims of the dashboard's users: analysts who may read every field the dashboard asks for. */
export const DASHBOARD_PERSONAS = ['treasury-analyst', 'defense-analyst'] as const;
