// The baseline: the stock Apollo Gateway 2.14 behind Apollo Server 5, default settings, as the
// public benchmark runs it (one process, standalone server, default subgraph client).
//   SUPERGRAPH=file PORT=n node --import tsx scripts/bench/stock-gateway.ts
// FORWARD_HEADER=name copies that request header to every subgraph call (Apollo's documented
// header propagation, willSendRequest): the agency subgraphs accept only a gateway token, which
// the benchmark then signs for the stock gateway ahead of time, at no cost to it.
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';

interface ForwardingContext {
  readonly forwarded?: string;
}

const supergraphSdl = readFileSync(process.env.SUPERGRAPH ?? '', 'utf8');
const forwardHeader = process.env.FORWARD_HEADER?.toLowerCase();

const gateway = new ApolloGateway({
  supergraphSdl,
  ...(forwardHeader
    ? {
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource<ForwardingContext>({
            url,
            willSendRequest({ request, context }) {
              if (context.forwarded) request.http?.headers.set(forwardHeader, context.forwarded);
            },
          }),
      }
    : {}),
});
const server = new ApolloServer<ForwardingContext>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 4100), host: '127.0.0.1' },
  context: async ({ req }) => {
    const value = forwardHeader ? req.headers[forwardHeader] : undefined;
    return { forwarded: Array.isArray(value) ? value[0] : value };
  },
});
console.log(`stock gateway ready at ${url} (pid ${process.pid})`);
