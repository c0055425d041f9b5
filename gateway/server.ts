// Starts a gateway: reads its supergraph, identity and keys, builds Accord's gateway behind
// Apollo Server, and serves it over HTTP. Used by `npm run gateway`, `npm start` and the tests.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GatewayConfig } from './config/gateway-config';
import { AccordGateway } from './accord-gateway';
import type { GatewayContext } from './gateway-context';
import { createPolicyEngine, readAgreementsFile, type PolicyEngine } from './authorization';
import { createTokenVerifier, type TokenVerifier } from './identity/token-verifier';
import { authenticationRequired } from './identity/identity-error';
import { readSigningKey } from './identity/key-files';
import { createGatewayTokenSigner, GATEWAY_TOKEN_HEADER, REQUEST_ID_HEADER } from './identity/gateway-token';
import { SharedExecutions } from './caching/shared-executions';
import type { ExecutionOutcome } from './execution';
import { readSupergraph } from './supergraph/read-supergraph';
import { createGatewayHttpHandler } from './http/gateway-http-handler';
import { auditPlugin } from './audit/audit-plugin';
import { reloadSupergraphOnChange } from './supergraph/supergraph-reloader';
import type { StructuredLog } from './supergraph/structured-log';
import { createReadiness } from './health/readiness';
import { openAuditSink } from './audit/open-audit-sink';
import { refusalRecorder } from './audit/refusal-recorder';
import type { AuditSink } from './audit/audit-sink';
import type { DestinationStream } from 'pino';
import { openProtections } from './http/protections';
import { closeServer } from './http/close-server';
import type { GatewayMetrics } from './observability/gateway-metrics';

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly gateway: AccordGateway;
  /** Where every request's audit record goes. */
  readonly audit: AuditSink;
  /** Prometheus metrics: `${url without /graphql}/metrics`, or this URL when they have their own port; null when off. */
  readonly metricsUrl: string | null;
  close(): Promise<void>;
}

/** What a gateway may be given instead of building it from its config. */
export interface GatewayServices {
  /** Decides `@policy` names; by default the built-in policies and the config's agreements file. */
  readonly policies?: PolicyEngine;
  /** Where the JSON log lines go (default stdout). */
  readonly logDestination?: DestinationStream;
}

export async function startGateway(config: GatewayConfig, services: GatewayServices = {}): Promise<RunningGateway> {
  const supergraphSdl = await readSupergraph(config.supergraph);
  const verifier: TokenVerifier | null = config.identity.jwks
    ? createTokenVerifier({
        jwks: config.identity.jwks,
        issuer: config.identity.issuer ?? undefined,
        audience: config.identity.audience ?? undefined,
        clockToleranceSeconds: config.identity.clockToleranceSeconds,
      })
    : null;
  const signingKey = await readSigningKey(config.gatewayKeyFile);
  const policies =
    services.policies ?? createPolicyEngine({ agreements: readAgreementsFile(config.authorization.agreementsFile) });
  const signer = createGatewayTokenSigner({ privateKey: signingKey.privateKey, keyId: signingKey.keyId });
  // A gateway that cannot keep an audit trail does not start.
  const audit = await openAuditSink(config.audit);
  // Limits, persisted queries, rate limits, error masking, logs and metrics (the README's Hardening section).
  const protections = await openProtections(config, services.logDestination);
  // Supergraph reloads and closings go to the same JSON log as the requests.
  const log: StructuredLog = (level, msg, fields = {}) => protections.logger[level](fields, msg);
  const gateway = new AccordGateway({
    supergraphSdl,
    load: {
      subgraphUrls: config.subgraphUrls,
      subgraphTimeoutMs: config.subgraphTimeoutMs,
      subgraphMaxConnections: config.subgraphMaxConnections,
      policies,
    },
    pipeline: {
      mode: config.authorization.mode,
      errorPlacement: config.authorization.errors,
      policies,
      signer,
      sharing: new SharedExecutions<ExecutionOutcome>(config.caching),
    },
    log,
  });
  const currentSupergraphId = () => gateway.supergraph.id;
  const apollo = new ApolloServer<GatewayContext>({
    // The process owns shutdown (see main.ts); Apollo's own signal handlers would race with it.
    stopOnTerminationSignals: false,
    gateway,
    ...protections.apollo,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...protections.plugins,
      auditPlugin({ sink: audit, currentSupergraphId }),
      // A replaced supergraph is closed only once the requests that started on it have answered.
      gateway.requestTracker(),
    ],
  });
  try {
    await apollo.start();
  } catch (error) {
    await protections.close();
    await audit.close();
    throw error;
  }
  const unknown = gateway.supergraph.unknownPolicies;
  if (unknown.length) {
    console.warn(`warning: the supergraph uses policies this gateway does not know; they always deny: ${unknown.join(', ')}`);
  }

  // Live reload: a new supergraph (file changed, URL serving a new text) is swapped in, a bad one refused.
  const reloader =
    config.supergraphPollMs > 0
      ? reloadSupergraphOnChange({ target: gateway, location: config.supergraph, pollIntervalMs: config.supergraphPollMs, log })
      : null;

  let draining = false;
  const handler = createGatewayHttpHandler({
    apollo,
    identify: async (authorization) => {
      const caller = verifier ? await verifier.verify(authorization) : null;
      if (caller === null && config.identity.requireAuthentication) throw authenticationRequired();
      return caller;
    },
    readiness: createReadiness({
      supergraph: () => gateway.loadedSupergraph,
      headers: async () => ({ [GATEWAY_TOKEN_HEADER]: signer.sign(null), [REQUEST_ID_HEADER]: `ready-${randomUUID()}` }),
    }),
    recordRefusal: refusalRecorder(audit, currentSupergraphId),
    ...protections.http,
    draining: () => draining,
  });
  protections.timeSubgraphCalls(() => gateway.loadedSupergraph?.planner.subgraphs ?? []);
  const server = http.createServer(
    // A client sending its request slowly gets as long as a request may run.
    { requestTimeout: config.http.requestTimeoutMs, headersTimeout: Math.min(60_000, config.http.requestTimeoutMs) },
    handler,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const metricsServer = await serveMetricsPort(config, protections.metrics);
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    gateway,
    audit,
    metricsUrl: !protections.metrics
      ? null
      : metricsServer
        ? `http://${host}:${(metricsServer.address() as AddressInfo).port}/metrics`
        : `http://${host}:${port}/metrics`,
    close: async () => {
      reloader?.close();
      // Stop accepting, let the requests in flight finish (each answer closes its connection).
      draining = true;
      await closeServer(server, config.http.shutdownTimeoutMs);
      if (metricsServer) await closeServer(metricsServer, 0);
      await apollo.stop();
      await audit.close();
      await protections.close();
    },
  };
}

/** /metrics on its own port, when one is configured (so the GraphQL port need not expose it). */
async function serveMetricsPort(config: GatewayConfig, metrics: GatewayMetrics | null): Promise<http.Server | null> {
  const port = config.observability.metricsPort;
  if (port === null || !metrics) return null;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://metrics').pathname !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.host, () => resolve());
  });
  return server;
}
