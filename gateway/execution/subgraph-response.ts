// Reads a subgraph's HTTP answer as a GraphQL response, or says why it is not one.
import type { SubgraphErrorBody } from './errors';

export type DecodedResponse =
  | {
      readonly ok: true;
      readonly data: Record<string, unknown> | null;
      readonly errors: readonly SubgraphErrorBody[] | null;
      /** The highest classification of the rows the subgraph returned, when it says (`extensions.classification`). */
      readonly classification: string | null;
    }
  | { readonly ok: false; readonly message: string };

const MAX_QUOTED_BODY = 200;

function quote(body: string): string {
  return body.length > MAX_QUOTED_BODY ? `${body.slice(0, MAX_QUOTED_BODY)}...` : body;
}

function bad(serviceName: string, reason: string): DecodedResponse {
  return { ok: false, message: `Subgraph "${serviceName}" sent an invalid response: ${reason}` };
}

export function decodeSubgraphResponse(serviceName: string, status: number, body: string): DecodedResponse {
  const success = status >= 200 && status <= 299;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return bad(serviceName, success ? `the body is not JSON: ${quote(body)}` : `HTTP status ${status}: ${quote(body)}`);
  }
  // A subgraph refusing a request (a 4xx, e.g. for a variable it cannot coerce) still answers with
  // GraphQL errors: those are what the client needs. A 5xx is the subgraph failing.
  const refusal = status >= 400 && status <= 499 && hasErrorList(parsed);
  if (!success && !refusal) return bad(serviceName, `HTTP status ${status}: ${quote(body)}`);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return bad(serviceName, 'the body is not a JSON object');
  }
  const { data, errors, extensions } = parsed as { data?: unknown; errors?: unknown; extensions?: { classification?: unknown } };
  if (data === undefined && errors === undefined) return bad(serviceName, 'neither "data" nor "errors"');
  if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    return bad(serviceName, '"data" is not an object');
  }
  if (errors !== undefined && errors !== null && !Array.isArray(errors)) return bad(serviceName, '"errors" is not a list');
  return {
    ok: true,
    data: (data ?? null) as Record<string, unknown> | null,
    errors: Array.isArray(errors) && errors.length > 0 ? errors.map(asErrorBody) : null,
    classification: typeof extensions?.classification === 'string' ? extensions.classification : null,
  };
}

function hasErrorList(parsed: unknown): boolean {
  const errors = (parsed as { errors?: unknown } | null)?.errors;
  return typeof parsed === 'object' && parsed !== null && Array.isArray(errors) && errors.length > 0;
}

function asErrorBody(error: unknown): SubgraphErrorBody {
  return typeof error === 'object' && error !== null ? (error as SubgraphErrorBody) : { message: String(error) };
}
