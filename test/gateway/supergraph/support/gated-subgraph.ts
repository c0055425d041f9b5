// A one-subgraph federation for reload tests: `slow` answers only when the test opens the gate,
// so a request can be held in flight while the gateway switches supergraphs. The subgraph
// serves every field; `supergraphWithout(...)` composes supergraphs that publish fewer of them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, visit, print, type ObjectTypeDefinitionNode } from 'graphql';
import { composeSupergraph } from '../../../../scripts/lib/compose';

const SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Query {
    hello: String
    slow: String
    added: String
  }
`;

export interface GatedSubgraph {
  readonly url: string;
  /** Requests received so far. */
  requests(): number;
  /** Requests of `slow` waiting for the gate. */
  waiting(): number;
  /** Lets every waiting `slow` answer. */
  open(): void;
  /** A supergraph of this subgraph without the named Query fields. */
  supergraphWithout(...fields: string[]): string;
  close(): Promise<void>;
}

export async function startGatedSubgraph(): Promise<GatedSubgraph> {
  let gate: Array<() => void> = [];
  let requests = 0;
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(SDL),
      resolvers: {
        Query: {
          hello: () => 'hello',
          added: () => 'added',
          slow: () => new Promise<string>((resolve) => gate.push(() => resolve('slow'))),
        },
      },
    },
  ]);
  const server = http.createServer((req, res) => {
    requests++;
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
      const result = await execute({ schema, document: parse(query), variableValues: variables });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    requests: () => requests,
    waiting: () => gate.length,
    open() {
      const waiting = gate;
      gate = [];
      for (const release of waiting) release();
    },
    supergraphWithout(...fields) {
      const sdl = print(
        visit(parse(SDL), {
          ObjectTypeDefinition: (type): ObjectTypeDefinitionNode => ({
            ...type,
            fields: type.fields?.filter((field) => !fields.includes(field.name.value)),
          }),
        }),
      );
      const result = composeSupergraph([{ name: 'gated', routingUrl: url, sdl, origin: 'gated' }]);
      if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
      return result.supergraphSdl;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
