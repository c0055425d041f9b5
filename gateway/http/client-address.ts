// The client's address, for the rate limits of anonymous callers. Behind one trusted reverse
// proxy it is the last X-Forwarded-For entry (the one the proxy added); earlier entries are
// whatever the client claimed.
import type { IncomingMessage } from 'node:http';

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const entries = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
    const last = entries[entries.length - 1]!.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
