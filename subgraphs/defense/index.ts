// The defense subgraph: national-security assessments of models and their classified findings.
import type { AgencySubgraph } from '../kit/agency-subgraph';
import { NationalSecurityAssessmentRecord, SecurityFindingRecord } from './data/national-security-records';
import { ModelPriorityResolver, SectorFindingsResolver } from './resolvers/model-resolver';
import {
  NationalSecurityMutations,
  SecurityFindingResolver,
  nationalSecurityQueries,
} from './resolvers/national-security-resolvers';
import { NationalSecurityAssessment, SecurityFinding } from './types/national-security-assessment';

export const defense: AgencySubgraph = {
  name: 'defense',
  defaultPort: 4002,
  markedTypes: ['NationalSecurityAssessment', 'SecurityFinding'],
  entities: [NationalSecurityAssessmentRecord, SecurityFindingRecord],
  schema: {
    resolvers: [
      ModelPriorityResolver,
      SectorFindingsResolver,
      SecurityFindingResolver,
      NationalSecurityMutations,
      ...nationalSecurityQueries,
    ],
    orphanedTypes: [NationalSecurityAssessment, SecurityFinding],
    references: {
      // Defense keeps no model or sector records: a reference is all it needs.
      Model: (reference) => ({ id: String(reference.id), capabilities: reference.capabilities }),
      Sector: (reference) => ({ code: String(reference.code) }),
    },
  },
};
