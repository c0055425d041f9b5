// Audit records from what each layer knows: Apollo Server's request context for operations it
// handled (whether or not they reached the request pipeline), and the HTTP layer's refusals
// for requests that never got that far.
import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getOperationAST, type GraphQLError } from 'graphql';
import { CLASSIFICATION_LEVELS } from '../authorization';
import type { Caller } from '../identity/caller';
import type { GatewayContext } from '../gateway-context';
import { UNAUTHORIZED_CODE } from '../request-pipeline';
import type { AuditRecord } from './audit-record';

/** A request the HTTP layer answered itself: bad token, unreadable body, refused by Apollo Server's HTTP checks. */
export interface RequestRefusal {
  readonly requestId: string;
  /** null when the identity itself was refused, or for an anonymous caller. */
  readonly caller: Caller | null;
  readonly status: number;
  readonly errorCodes: readonly string[];
}

// Names and hashes come from the client when the request was refused early: keep records compact.
const MAX_CLIENT_TEXT = 256;

function clientText(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, MAX_CLIENT_TEXT) : null;
}

function distinctCodes(errors: readonly GraphQLError[]): string[] {
  const codes = new Set<string>();
  for (const error of errors) {
    // Apollo Server reports an error without a code as an internal server error.
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
    if (code !== UNAUTHORIZED_CODE) codes.add(code);
  }
  return [...codes];
}

/**
 * An operation that never ran through the pipeline: refused if the client was at fault (parse or
 * validation errors, an operation limit, a persisted-query miss: any 4xx), an error otherwise.
 */
function notRunOutcome(resolved: boolean, status: number | undefined): 'refused' | 'error' {
  if (status !== undefined && status >= 400 && status < 500) return 'refused';
  return resolved ? 'error' : 'refused';
}

export function operationRecord(
  requestContext: GraphQLRequestContextWillSendResponse<GatewayContext>,
  currentSupergraphId: string | null,
  now: Date,
): AuditRecord {
  const { contextValue: context, request, operation, document } = requestContext;
  const ran = context.audit.pipeline;
  const persistedHash: unknown = request.extensions?.persistedQuery?.sha256Hash;
  // A document that parsed but failed validation still names its operation.
  const named = operation ?? (document ? getOperationAST(document, request.operationName) : null);
  return {
    time: now.toISOString(),
    requestId: context.requestId,
    subject: context.caller?.subject ?? null,
    agency: context.caller?.agency ?? null,
    operationName: named?.name?.value ?? clientText(request.operationName),
    // Unset when the request was refused before Apollo Server read the query (a persisted-query miss).
    operationHash: (requestContext.queryHash as string | undefined) ?? clientText(persistedHash),
    operationType: named?.operation ?? null,
    supergraph: ran?.supergraphId ?? currentSupergraphId,
    outcome: ran?.outcome.outcome ?? notRunOutcome(operation !== undefined && operation !== null, requestContext.response.http.status),
    status: requestContext.response.http.status ?? 200,
    classification: ran?.outcome.classification ?? CLASSIFICATION_LEVELS[0],
    returned: ran ? [...ran.outcome.returned].sort() : [],
    denied: (ran?.outcome.denials ?? []).map((denial) => ({
      coordinate: denial.coordinate,
      responsePath: denial.responsePath.join('.'),
      rule: denial.rule,
    })),
    errorCodes: distinctCodes(requestContext.errors ?? []),
  };
}

export function refusalRecord(refusal: RequestRefusal, currentSupergraphId: string | null, now: Date): AuditRecord {
  return {
    time: now.toISOString(),
    requestId: refusal.requestId,
    subject: refusal.caller?.subject ?? null,
    agency: refusal.caller?.agency ?? null,
    operationName: null,
    operationHash: null,
    operationType: null,
    supergraph: currentSupergraphId,
    outcome: 'refused',
    status: refusal.status,
    classification: CLASSIFICATION_LEVELS[0],
    returned: [],
    denied: [],
    errorCodes: [...refusal.errorCodes],
  };
}
