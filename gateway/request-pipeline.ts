// The path of one operation through the gateway, after Apollo Server has parsed and validated it:
//   authorization (analyse, decide policies, filter) -> planning -> execution -> markings.
// The caller's identity was established before (http/), limits were checked before (limits/),
// and the audit trail records the outcome after (audit/).
import { getOperationAST, GraphQLError, type DocumentNode } from 'graphql';
import type { QueryPlan } from '@apollo/query-planner';
import {
  analyzeOperation,
  buildAccessContext,
  CLASSIFICATION_LEVELS,
  filterOperation,
  higherClassification,
  isClassificationLevel,
  type ClassificationLevel,
  type Denial,
  type PolicyEngine,
} from './authorization';
import type { Caller } from './identity/caller';
import type { GatewayTokenSigner } from './identity/gateway-token';
import { GATEWAY_TOKEN_HEADER, REQUEST_ID_HEADER } from './identity/gateway-token';
import { emptyStats, type ExecutionStats } from './execution';
import type { ExecutionOutcome, ExecutionResponse } from './execution/executor';
import { executionKey } from './caching/execution-key';
import type { SharedExecutions } from './caching/shared-executions';
import type { AuthorizedOperation, LoadedSupergraph } from './supergraph/loaded-supergraph';
import type { AuthorizationErrorPlacement, AuthorizationMode } from './config/gateway-config';

export const UNAUTHORIZED_CODE = 'UNAUTHORIZED_FIELD_OR_TYPE';
const EMPTY_PLAN: QueryPlan = { kind: 'QueryPlan', node: undefined };

export interface OperationRequest {
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  /** Hash of the query text: with the operation name, identifies the document in caches. */
  readonly queryHash: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly caller: Caller | null;
  readonly requestId: string;
  readonly signal?: AbortSignal;
}

export interface PipelineSettings {
  readonly mode: AuthorizationMode;
  readonly errorPlacement: AuthorizationErrorPlacement;
  readonly policies: PolicyEngine;
  readonly signer: GatewayTokenSigner;
  /** Response cache and sharing of identical requests in flight (both off unless configured). */
  readonly sharing?: SharedExecutions<ExecutionOutcome>;
  readonly now?: () => Date;
}

export type OperationOutcomeKind = 'ok' | 'partial' | 'denied' | 'error';

export interface OperationOutcome {
  readonly response: ExecutionResponse;
  readonly denials: readonly Denial[];
  /** Sensitive schema coordinates the response carries values for. */
  readonly returned: ReadonlySet<string>;
  /** Highest classification of the data returned. */
  readonly classification: ClassificationLevel;
  readonly outcome: OperationOutcomeKind;
  readonly stats: ExecutionStats;
}

/** Decides, once per (document, operation, rights), what may be planned, and plans it. */
function authorize(
  loaded: LoadedSupergraph,
  request: OperationRequest,
  access: Parameters<typeof filterOperation>[0]['access'],
  mode: AuthorizationMode,
): AuthorizedOperation {
  const { document, operationName } = request;
  const filtered = filterOperation({
    schema: loaded.apiSchema,
    rules: loaded.rules,
    document,
    operationName,
    access,
    reportOnly: mode === 'dry-run',
  });
  const tracked = loaded.trackedCoordinates;
  if (mode === 'reject' && filtered.denials.length > 0) return { prepared: null, denials: filtered.denials };
  if (mode === 'dry-run') {
    // Plan and return everything; the denials are only reported.
    const plan = loaded.planner.planOperation(document, operationName);
    const prepared = loaded.executor.prepare(plan, document, operationName, { denials: filtered.denials, tracked });
    return { prepared, denials: filtered.denials };
  }
  // Only what the caller may read is planned: no subgraph is ever asked for the rest.
  const plan = filtered.document ? loaded.planner.planOperation(filtered.document, operationName) : EMPTY_PLAN;
  const prepared = loaded.executor.prepare(plan, document, operationName, {
    removed: filtered.removed,
    denials: filtered.denials,
    tracked,
  });
  return { prepared, denials: filtered.denials };
}

/** In reject mode nothing runs: the operation is refused with one error per denial. */
function rejection(denials: readonly Denial[]): ExecutionResponse {
  return {
    data: null,
    errors: denials.map(
      (denial) =>
        new GraphQLError('Unauthorized field or type', {
          extensions: {
            code: UNAUTHORIZED_CODE,
            coordinate: denial.coordinate,
            rule: denial.rule,
            responsePath: denial.responsePath.join('.'),
          },
        }),
    ),
  };
}

/** Moves or drops authorization errors as configured. */
function placeAuthorizationErrors(response: ExecutionResponse, placement: AuthorizationErrorPlacement): ExecutionResponse {
  if (placement === 'errors' || !response.errors?.length) return response;
  const authorization = response.errors.filter((e) => e.extensions?.code === UNAUTHORIZED_CODE);
  if (authorization.length === 0) return response;
  const others = response.errors.filter((e) => e.extensions?.code !== UNAUTHORIZED_CODE);
  const extensions = placement === 'extensions' ? { ...response.extensions, authorizationErrors: authorization } : response.extensions;
  return { data: response.data, ...(others.length ? { errors: others } : {}), ...(extensions ? { extensions } : {}) };
}

/** Only answers every identical request would get may be kept: none with a subgraph failure. */
function withoutFailures(executed: ExecutionOutcome): boolean {
  const { data, errors } = executed.response;
  return data !== null && data !== undefined && !(errors ?? []).some((e) => e.extensions?.code !== UNAUTHORIZED_CODE);
}

/**
 * The higher of what the schema declares for the fields returned and what the subgraphs report
 * for the rows they returned (a top-secret finding is not marked SECRET because its type is).
 */
function highestClassification(
  loaded: LoadedSupergraph,
  returned: ReadonlySet<string>,
  reported: ReadonlySet<string>,
): ClassificationLevel {
  let level: ClassificationLevel = CLASSIFICATION_LEVELS[0];
  for (const coordinate of returned) level = higherClassification(level, loaded.rules.classification(coordinate));
  for (const marking of reported) if (isClassificationLevel(marking)) level = higherClassification(level, marking);
  return level;
}

function outcomeOf(response: ExecutionResponse, denials: readonly Denial[]): OperationOutcomeKind {
  const errors = response.errors ?? [];
  if (response.data === null || response.data === undefined) return denials.length ? 'denied' : 'error';
  if (errors.some((e) => e.extensions?.code !== UNAUTHORIZED_CODE)) return 'error';
  return denials.length ? 'partial' : 'ok';
}

export async function runOperation(
  loaded: LoadedSupergraph,
  request: OperationRequest,
  settings: PipelineSettings,
): Promise<OperationOutcome> {
  const { document, operationName, caller, variables } = request;
  const now = settings.now?.() ?? new Date();
  const analysis = loaded.analysisOf(document, operationName, () =>
    analyzeOperation(loaded.apiSchema, loaded.rules, document, operationName),
  );
  // Only the policies this operation involves are decided, per request, with the caller's claims.
  const granted = settings.policies.evaluate(analysis.policies, {
    caller,
    now,
    request: { operationName, variables: variables as Record<string, unknown> },
  });
  const { access, cacheKey } = buildAccessContext(caller, analysis, granted);
  const key = `${request.queryHash}\u0000${operationName ?? ''}\u0000${settings.mode}\u0000${cacheKey}`;
  const authorized = loaded.operations.getOrCreate(key, () => authorize(loaded, request, access, settings.mode));

  const stats = emptyStats();
  let response: ExecutionResponse;
  let returned: ReadonlySet<string> = new Set();
  let reported: ReadonlySet<string> = new Set();
  if (authorized.prepared === null) {
    response = rejection(authorized.denials);
  } else {
    // One token per caller (reused across requests), the request id beside it.
    const headers = { [GATEWAY_TOKEN_HEADER]: settings.signer.sign(caller), [REQUEST_ID_HEADER]: request.requestId };
    const prepared = authorized.prepared;
    const execute = (signal: AbortSignal | undefined) => loaded.executor.execute(prepared, { variables, headersFor: () => headers, signal, stats });
    const sharing = settings.sharing;
    const executed =
      sharing && !sharing.off && getOperationAST(document, operationName)?.operation === 'query'
        ? // A shared execution's subgraph calls carry the request id of the request that started it.
          await sharing.run(executionKey({ supergraphId: loaded.id, operationKey: key, variables, caller }), request.signal, execute, withoutFailures)
        : await execute(request.signal);
    response = executed.response;
    returned = executed.returned;
    reported = executed.markings;
  }
  const classification = highestClassification(loaded, returned, reported);
  const outcome = outcomeOf(response, authorized.denials);
  response = placeAuthorizationErrors(response, settings.errorPlacement);
  response = { ...response, extensions: { ...response.extensions, classification } };
  return { response, denials: authorized.denials, returned, classification, outcome, stats };
}
