// Enumerations the three agencies share. Registered once here so that every subgraph emits
// identical definitions (composition requires it for enums used in inputs and outputs).
import { registerEnumType } from 'type-graphql';

export enum Agency {
  TREASURY = 'TREASURY',
  DEFENSE = 'DEFENSE',
  CYBER = 'CYBER',
}

export enum RiskLevel {
  NEGLIGIBLE = 'NEGLIGIBLE',
  LOW = 'LOW',
  MODERATE = 'MODERATE',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export enum Severity {
  INFORMATIONAL = 'INFORMATIONAL',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export enum Classification {
  UNCLASSIFIED = 'UNCLASSIFIED',
  CUI = 'CUI',
  SECRET = 'SECRET',
  TOP_SECRET = 'TOP_SECRET',
}

export enum AssessmentStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  OVERDUE = 'OVERDUE',
}

export enum Capability {
  CODE_GENERATION = 'CODE_GENERATION',
  VULNERABILITY_DISCOVERY = 'VULNERABILITY_DISCOVERY',
  EXPLOIT_DEVELOPMENT = 'EXPLOIT_DEVELOPMENT',
  AUTONOMOUS_OPERATION = 'AUTONOMOUS_OPERATION',
  NETWORK_OPERATIONS = 'NETWORK_OPERATIONS',
  MALWARE_ANALYSIS = 'MALWARE_ANALYSIS',
  SOCIAL_ENGINEERING = 'SOCIAL_ENGINEERING',
  CBRN_KNOWLEDGE = 'CBRN_KNOWLEDGE',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

/** Order used wherever levels are compared ("at least HIGH"). */
export const RISK_ORDER: readonly RiskLevel[] = Object.values(RiskLevel);
export const SEVERITY_ORDER: readonly Severity[] = Object.values(Severity);
export const CLASSIFICATION_ORDER: readonly Classification[] = Object.values(Classification);

registerEnumType(Agency, {
  name: 'Agency',
  description: 'A federal body taking part in the review of frontier AI models.',
  valuesConfig: {
    TREASURY: { description: 'Department of the Treasury: the AI cybersecurity coordination hub.' },
    DEFENSE: { description: 'Department of Defense: national-security assessments.' },
    CYBER: { description: 'Office of the National Cyber Director: critical infrastructure.' },
  },
});

registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'The risk an assessment attributes to a model, from NEGLIGIBLE to CRITICAL.',
});

registerEnumType(Severity, {
  name: 'Severity',
  description: 'How serious a finding or vulnerability is, from INFORMATIONAL to CRITICAL.',
});

registerEnumType(Classification, {
  name: 'Classification',
  description: 'A classification marking: UNCLASSIFIED < CUI (controlled unclassified) < SECRET < TOP_SECRET.',
});

registerEnumType(AssessmentStatus, {
  name: 'AssessmentStatus',
  description: 'Where an assessment stands. OVERDUE: not completed and past its due date.',
});

registerEnumType(Capability, {
  name: 'Capability',
  description: 'A capability of a model that matters for security review.',
  valuesConfig: {
    CODE_GENERATION: { description: 'Writes and modifies software.' },
    VULNERABILITY_DISCOVERY: { description: 'Finds security weaknesses in software and systems.' },
    EXPLOIT_DEVELOPMENT: { description: 'Turns weaknesses into working exploits.' },
    AUTONOMOUS_OPERATION: { description: 'Acts over long horizons with tools and little supervision.' },
    NETWORK_OPERATIONS: { description: 'Plans and carries out operations on computer networks.' },
    MALWARE_ANALYSIS: { description: 'Analyses or writes malicious code.' },
    SOCIAL_ENGINEERING: { description: 'Deceives or manipulates people at scale.' },
    CBRN_KNOWLEDGE: { description: 'Knowledge relevant to chemical, biological, radiological or nuclear harm.' },
  },
});

registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });
