// Drives load with autocannon at a fixed concurrency: each connection is a virtual user that sends
// its requests one after the other. The caller's token is chosen per request or per connection.
import autocannon from 'autocannon';

export interface LoadRequest {
  /** The JSON body (a GraphQL request). */
  readonly body: string;
}

export type TokenChoice =
  /** A new token for every request. */
  | { readonly per: 'request'; next(): string }
  /** One token per connection (virtual user), for all of its requests. */
  | { readonly per: 'connection'; forConnection(index: number): string }
  /** Headers only (no Authorization). */
  | { readonly per: 'none' };

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** Sent in turn by every connection. */
  readonly requests: readonly LoadRequest[];
  readonly tokens: TokenChoice;
  /** Header that carries the token (default authorization, as a Bearer token). */
  readonly tokenHeader?: string;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Non-2xx answers, connection errors and timeouts. */
  readonly failures: number;
  /** Answers with status 2xx that carry GraphQL errors (a partial answer is not a success). */
  readonly answersWithErrors: number;
  /** The first few distinct error messages of those answers, to tell what went wrong. */
  readonly errorMessages: readonly string[];
}

const ERROR_MESSAGES_KEPT = 3;

/** The messages of a GraphQL answer's errors, or the start of the body if it is not JSON. */
function errorMessagesOf(body: string): string[] {
  try {
    const errors = (JSON.parse(body) as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> }).errors ?? [];
    return errors.map((error) => `${String(error.extensions?.code ?? 'ERROR')}: ${String(error.message)}`);
  } catch {
    return [body.slice(0, 200)];
  }
}

/** True if a GraphQL response body carries a top-level `errors` list. */
export function carriesErrors(body: string): boolean {
  return body.startsWith('{"errors":') || body.includes(',"errors":[');
}

function tokenHeaderValue(header: string, token: string): string {
  return header === 'authorization' ? `Bearer ${token}` : token;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const header = options.tokenHeader ?? 'authorization';
  const tokens = options.tokens;
  let connection = 0;
  const errorMessages = new Set<string>();
  const baseHeaders = { 'content-type': 'application/json' };
  // With setupClient, each connection (a client with its own copy of the options) gets its
  // headers once; every request object has a setupRequest so that it is rebuilt from them.
  const requests = options.requests.map((request) => ({
    method: 'POST' as const,
    body: request.body,
    setupRequest:
      tokens.per === 'request'
        ? (req: autocannon.Request) => ({ ...req, headers: { ...req.headers, [header]: tokenHeaderValue(header, tokens.next()) } })
        : (req: autocannon.Request) => req,
  }));
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: baseHeaders,
    requests,
    timeout: 30,
    // Every answer's body is checked: a gateway that answered quickly with errors did not serve the request.
    verifyBody: (body) => {
      const text = String(body ?? '');
      if (!carriesErrors(text)) return true;
      if (errorMessages.size < ERROR_MESSAGES_KEPT) for (const message of errorMessagesOf(text)) errorMessages.add(message);
      return false;
    },
    setupClient:
      tokens.per === 'connection'
        ? (client) => client.setHeaders({ ...baseHeaders, [header]: tokenHeaderValue(header, tokens.forConnection(connection++)) })
        : undefined,
  });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    answersWithErrors: result.mismatches,
    errorMessages: [...errorMessages].slice(0, ERROR_MESSAGES_KEPT),
  };
}
