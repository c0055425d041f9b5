// What the three agencies' assessment mutations look like from a client: the same life cycle
// (open, start, record a finding, complete) with each agency's own names, inputs and tables.
import type { EntityClass } from '@mikro-orm/core';
import type { World } from '../../../../scripts/seed/world';
import type { AgencyName } from '../../../../subgraphs/kit/agency-subgraph';
import { FinancialAssessmentRecord, FinancialFindingRecord } from '../../../../subgraphs/treasury/data/financial-assessment-record';
import { NationalSecurityAssessmentRecord, SecurityFindingRecord } from '../../../../subgraphs/defense/data/national-security-records';
import { InfrastructureAssessmentRecord, InfrastructureFindingRecord } from '../../../../subgraphs/cyber/data/infrastructure-records';

const DAY_MS = 24 * 3600 * 1000;

type Input = Record<string, unknown>;

interface Step {
  /** The mutation field, as it appears in the response. */
  readonly field: string;
  readonly mutation: string;
}

export interface AssessmentKind {
  readonly agency: AgencyName;
  /** The persona with the agency's write scope. */
  readonly persona: string;
  /** The agency's list on Model and at the root. */
  readonly listField: string;
  readonly idPattern: RegExp;
  readonly findingIdPattern: RegExp;
  /** Fields of the agency's own finding type, selected when reading findings back. */
  readonly findingExtra: string;
  readonly tables: { readonly assessment: EntityClass<object>; readonly finding: EntityClass<object> };
  readonly open: Step & { input(modelId: string, dueAt: string): Input };
  readonly start: Step;
  readonly record: Step & { input(assessmentId: string): Input; readonly readBack: Input };
  readonly complete: Step & { input(id: string): Input; readonly readBack?: { readonly query: string; readonly expected: Input } };
}

const FINDING = {
  title: 'Automates discovery of authentication bypasses',
  description: 'In a controlled test the model found and chained two bypasses.',
  severity: 'HIGH',
};

const COMPLETION = { riskLevel: 'HIGH', summary: 'Finds and chains weaknesses faster than operators patch.' };

function lifeCycle(names: { open: string; start: string; record: string; complete: string }, types: { open: string; record: string; complete: string }, returned: { finding: string }) {
  return {
    open: { field: names.open, mutation: `mutation Open($input: ${types.open}!) { ${names.open}(input: $input) { id status startedAt dueAt } }` },
    start: { field: names.start, mutation: `mutation Start($id: ID!) { ${names.start}(id: $id) { id status startedAt } }` },
    record: { field: names.record, mutation: `mutation Record($input: ${types.record}!) { ${names.record}(input: $input) { id ${returned.finding} } }` },
    complete: { field: names.complete, mutation: `mutation Complete($input: ${types.complete}!) { ${names.complete}(input: $input) { id status riskLevel summary completedAt } }` },
  };
}

const treasury = lifeCycle(
  { open: 'openFinancialStabilityAssessment', start: 'startFinancialStabilityAssessment', record: 'recordFinancialFinding', complete: 'completeFinancialStabilityAssessment' },
  { open: 'OpenAssessmentInput', record: 'RecordFinancialFindingInput', complete: 'CompleteFinancialStabilityAssessmentInput' },
  { finding: 'title affectedMarket' },
);
const defense = lifeCycle(
  { open: 'openNationalSecurityAssessment', start: 'startNationalSecurityAssessment', record: 'recordSecurityFinding', complete: 'completeNationalSecurityAssessment' },
  { open: 'OpenNationalSecurityAssessmentInput', record: 'RecordSecurityFindingInput', complete: 'CompleteAssessmentInput' },
  { finding: 'title classification' },
);
const cyber = lifeCycle(
  { open: 'openInfrastructureImpactAssessment', start: 'startInfrastructureImpactAssessment', record: 'recordInfrastructureFinding', complete: 'completeInfrastructureImpactAssessment' },
  { open: 'OpenInfrastructureImpactAssessmentInput', record: 'RecordInfrastructureFindingInput', complete: 'CompleteAssessmentInput' },
  { finding: 'title mitigation' },
);

export const ASSESSMENT_KINDS: readonly AssessmentKind[] = [
  {
    agency: 'treasury',
    persona: 'treasury-analyst',
    listField: 'financialStabilityAssessments',
    idPattern: /^fsa-/,
    findingIdPattern: /^fsf-/,
    findingExtra: 'affectedMarket',
    tables: { assessment: FinancialAssessmentRecord, finding: FinancialFindingRecord },
    open: { ...treasury.open, input: (modelId, dueAt) => ({ modelId, dueAt }) },
    start: treasury.start,
    record: {
      ...treasury.record,
      input: (assessmentId) => ({ assessmentId, ...FINDING, affectedMarket: 'PAYMENTS' }),
      readBack: { ...FINDING, classification: 'UNCLASSIFIED', affectedMarket: 'PAYMENTS' },
    },
    complete: {
      ...treasury.complete,
      input: (id) => ({ id, ...COMPLETION, systemicRiskScore: 72.5 }),
      readBack: {
        query: 'query Score($id: ID!) { financialStabilityAssessment(id: $id) { systemicRiskScore } }',
        expected: { financialStabilityAssessment: { systemicRiskScore: 72.5 } },
      },
    },
  },
  {
    agency: 'defense',
    persona: 'defense-senior-analyst',
    listField: 'nationalSecurityAssessments',
    idPattern: /^nsa-/,
    findingIdPattern: /^nsf-/,
    findingExtra: 'details sector { code }',
    tables: { assessment: NationalSecurityAssessmentRecord, finding: SecurityFindingRecord },
    open: { ...defense.open, input: (modelId, dueAt) => ({ modelId, dueAt }) },
    start: defense.start,
    record: {
      ...defense.record,
      input: (assessmentId) => ({ assessmentId, ...FINDING, classification: 'SECRET', details: 'Chained bypasses in a test range.', sectorCode: 'ENERGY' }),
      readBack: { ...FINDING, classification: 'SECRET', details: 'Chained bypasses in a test range.', sector: { code: 'ENERGY' } },
    },
    complete: {
      ...defense.complete,
      input: (id) => ({ id, ...COMPLETION }),
      readBack: {
        query: 'query Marking($id: ID!) { nationalSecurityAssessment(id: $id) { classification } }',
        // Opened without a marking: SECRET by default.
        expected: { nationalSecurityAssessment: { classification: 'SECRET' } },
      },
    },
  },
  {
    agency: 'cyber',
    persona: 'cyber-analyst',
    listField: 'infrastructureImpactAssessments',
    idPattern: /^iia-/,
    findingIdPattern: /^iif-/,
    findingExtra: 'mitigation',
    tables: { assessment: InfrastructureAssessmentRecord, finding: InfrastructureFindingRecord },
    open: { ...cyber.open, input: (modelId, dueAt) => ({ modelId, dueAt, sectorCode: 'ENERGY' }) },
    start: cyber.start,
    record: {
      ...cyber.record,
      input: (assessmentId) => ({ assessmentId, ...FINDING, mitigation: 'Segment engineering workstations.' }),
      readBack: { ...FINDING, classification: 'UNCLASSIFIED', mitigation: 'Segment engineering workstations.' },
    },
    complete: {
      ...cyber.complete,
      input: (id) => ({ id, ...COMPLETION }),
      readBack: {
        query: 'query Sector($id: ID!) { infrastructureImpactAssessment(id: $id) { sector { code name } } }',
        expected: { infrastructureImpactAssessment: { sector: { code: 'ENERGY', name: 'Energy (including electricity)' } } },
      },
    },
  },
];

let submissions = 0;

/** A valid submission of a new model (a fresh name each time), released 40 days from now unless told otherwise. */
export function submitModelInput(world: World, overrides: Input = {}): Input {
  submissions += 1;
  return {
    developerId: world.treasury.developers[0]!.id,
    name: `Accord Probe ${process.pid}-${submissions}`,
    version: '1.0',
    capabilities: ['CODE_GENERATION', 'VULNERABILITY_DISCOVERY'],
    sectorCodes: ['ENERGY'],
    plannedReleaseAt: new Date(Date.now() + 40 * DAY_MS).toISOString(),
    ...overrides,
  };
}
