// Compares an operation's measure with the configured limits: the first limit exceeded, or null.
import type { OperationLimits } from '../config/hardening-config';
import type { OperationMeasure } from './measure-operation';
import { limitExceeded, type LimitName } from './limit-errors';
import type { GraphQLError } from 'graphql';

const CHECKS: ReadonlyArray<[LimitName & keyof OperationMeasure, keyof OperationLimits]> = [
  ['depth', 'maxDepth'],
  ['aliases', 'maxAliases'],
  ['rootFields', 'maxRootFields'],
  ['directives', 'maxDirectives'],
  ['cost', 'maxCost'],
];

export function checkLimits(measure: OperationMeasure, limits: OperationLimits): GraphQLError | null {
  for (const [name, setting] of CHECKS) {
    const allowed = limits[setting] as number | null;
    if (allowed !== null && measure[name] > allowed) return limitExceeded(name, measure[name], allowed);
  }
  return null;
}

/** The document size limit, checked on the text before it is parsed. */
export function checkDocumentSize(query: string, limits: OperationLimits): GraphQLError | null {
  if (limits.maxDocumentBytes === null || query.length <= limits.maxDocumentBytes / 3) return null;
  const bytes = Buffer.byteLength(query, 'utf8');
  return bytes > limits.maxDocumentBytes ? limitExceeded('documentBytes', bytes, limits.maxDocumentBytes) : null;
}
