// The load generator counts answers that carry GraphQL errors apart from the answers that served.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carriesErrors, runLoad } from '../../../scripts/bench/load';

describe('bench load', () => {
  let server: Server;
  let url: string;
  let answered = 0;
  let answeredWithErrors = 0;

  beforeAll(async () => {
    // Every third answer is a partial one, with data and errors; one names "errors" inside its data.
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        answered += 1;
        let body = '{"data":{"title":"errors"}}';
        if (answered % 3 === 0) {
          answeredWithErrors += 1;
          body = '{"data":{"title":null},"errors":[{"message":"subgraph unavailable"}]}';
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('tells a GraphQL answer with errors from one without', () => {
    expect(carriesErrors('{"errors":[{"message":"no"}]}')).toBe(true);
    expect(carriesErrors('{"data":null,"errors":[{"message":"no"}]}')).toBe(true);
    expect(carriesErrors('{"data":{"a":1}}')).toBe(false);
    expect(carriesErrors('{"data":{"title":"errors","note":"\\"errors\\":[ is text"}}')).toBe(false);
  });

  it('counts answers with errors apart from failures', async () => {
    const result = await runLoad({ url, connections: 2, seconds: 1, requests: [{ body: '{"query":"{ title }"}' }], tokens: { per: 'none' } });
    expect(result.failures).toBe(0);
    expect(result.requests).toBeGreaterThan(10);
    // The server may have answered one request per connection that came after the load stopped.
    expect(result.answersWithErrors).toBeGreaterThan(0);
    expect(result.answersWithErrors).toBeLessThanOrEqual(answeredWithErrors);
    expect(result.answersWithErrors).toBeGreaterThanOrEqual(answeredWithErrors - 2);
    expect(result.errorMessages).toEqual(['ERROR: subgraph unavailable']);
  });
});
