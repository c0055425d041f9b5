// CORS for browser clients on an allow-list of origins. Without a list (the default) the gateway
// sends no CORS headers, so browsers keep pages of other origins from reading its answers.
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id';
const EXPOSED_HEADERS = 'x-request-id, retry-after';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * Sets the CORS headers for an allowed origin. Returns true when the request was a preflight
 * (OPTIONS), which is then answered here.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && origins.has(origin);
  if (origins.size > 0) res.setHeader('vary', 'Origin');
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', ALLOWED_METHODS);
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
  }
  // A refused preflight gets no CORS headers: the browser then does not send the request.
  res.writeHead(204);
  res.end();
  return true;
}
