// Graceful shutdown of an HTTP server: stop accepting connections, let the requests in flight
// finish (their connections close once answered), and after `timeoutMs` close whatever is left.
import type { Server } from 'node:http';

export function closeServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
