// The operations an HTTP request carries, as far as the checks before Apollo Server need them:
// their text (POST body or GET `query`) or their persisted-query hash.
export interface OperationRequest {
  readonly query: string | undefined;
  readonly persistedHash: string | undefined;
}

function persistedHashOf(extensions: unknown): string | undefined {
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

function fromObject(body: unknown): OperationRequest {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { query?: unknown; extensions?: unknown };
  return { query: typeof b.query === 'string' ? b.query : undefined, persistedHash: persistedHashOf(b.extensions) };
}

function fromSearch(search: URLSearchParams): OperationRequest {
  let extensions: unknown;
  try {
    extensions = JSON.parse(search.get('extensions') ?? 'null');
  } catch {
    extensions = null; // Apollo Server reports the malformed parameter
  }
  return { query: search.get('query') ?? undefined, persistedHash: persistedHashOf(extensions) };
}

/** One entry per operation: several for a batch (a JSON array). */
export function operationRequests(method: string, body: unknown, search: URLSearchParams): OperationRequest[] {
  if (method === 'GET') return [fromSearch(search)];
  return Array.isArray(body) ? body.map(fromObject) : [fromObject(body)];
}
