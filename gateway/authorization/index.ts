// The authorization layer's public surface, as the gateway uses it:
// readAuthorizationRules (at supergraph load) -> analyzeOperation -> policy engine ->
// buildAccessContext -> filterOperation (cached per document, operation name and access key).
export { analyzeOperation } from './analyze-operation';
export { buildAccessContext, type ScopedAccess } from './access-context';
export { CLASSIFICATION_LEVELS, higherClassification, isClassificationLevel, type ClassificationLevel } from './classification';
export { describeRequirement } from './describe-requirement';
export { AuthorizationError, type AuthorizationErrorCode } from './errors';
export { filterOperation, type FilterInput } from './filter-operation';
export { readAuthorizationRules, type ReadRulesResult } from './read-rules';
export { AuthorizationRules } from './rules';
export type { AccessContext, Denial, FilterResult, OperationAnalysis, Requirement } from './types';
export { createPolicyEngine, PolicyEngineError, type PolicyEngine, type PolicyEngineOptions } from './policies/engine';
export { AgreementFileError, parseAgreements, readAgreementsFile, type Agreement } from './policies/agreements';
export { SECTOR_LEAD_AGENCIES } from './policies/sector-policies';
export type { Policy, PolicyInput } from './policies/policy';
