// Everything the hardening settings add to a gateway, built from its config in one place: the
// Apollo Server options and plugins (operation checks, persisted queries, error masking, request
// deadline, operation summaries), the HTTP front's options (body and batch limits, CORS, safelist,
// rate limits, deadline), the log, the metrics and the subgraph call timer.
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import type { DestinationStream } from 'pino';
import type { GatewayConfig } from '../config/gateway-config';
import type { GatewayContext } from '../gateway-context';
import { operationChecksPlugin } from '../limits/operation-checks-plugin';
import { memoryRateLimiter } from '../limits/rate/memory-rate-limiter';
import { redisRateLimiter } from '../limits/rate/redis-rate-limiter';
import type { RateLimiter } from '../limits/rate/rate-limiter';
import { readManifest } from '../persisted/manifest';
import { Safelist } from '../persisted/safelist';
import { boundedApqCache, safelistCache } from '../persisted/persisted-query-caches';
import { createLogger, type Logger } from '../observability/logger';
import { createGatewayMetrics, type GatewayMetrics } from '../observability/gateway-metrics';
import { OperationSummaries } from '../observability/operation-summaries';
import { subgraphOfUrlIn, timeSubgraphCalls } from '../observability/subgraph-call-timer';
import { maskError } from './mask-errors';
import { requestTimeoutPlugin } from './request-timeout';
import type { GatewayHttpOptions } from './gateway-http-handler';

type ApolloHardening = Pick<
  ApolloServerOptions<GatewayContext>,
  | 'persistedQueries'
  | 'allowBatchedHttpRequests'
  | 'csrfPrevention'
  | 'introspection'
  | 'includeStacktraceInErrorResponses'
  | 'hideSchemaDetailsFromClientErrors'
  | 'formatError'
>;

export interface GatewayProtections {
  readonly logger: Logger;
  readonly metrics: GatewayMetrics | null;
  /** Options for Apollo Server. */
  readonly apollo: ApolloHardening;
  readonly plugins: ApolloServerPlugin<GatewayContext>[];
  /** Options for the HTTP front, besides those the server gives it (Apollo Server, identity, readiness, audit). */
  readonly http: Omit<GatewayHttpOptions, 'apollo' | 'identify' | 'readiness' | 'recordRefusal' | 'draining'>;
  /** Times the calls to the subgraphs of the supergraph being served. */
  timeSubgraphCalls(currentSubgraphs: () => ReadonlyArray<{ readonly name: string; readonly url: string }>): void;
  close(): Promise<void>;
}

async function openRateLimiter(config: GatewayConfig, logger: Logger): Promise<RateLimiter> {
  const memory = memoryRateLimiter();
  const { redisUrl, redisPrefix } = config.rateLimits;
  if (!redisUrl) return memory;
  return redisRateLimiter({
    url: redisUrl,
    prefix: redisPrefix,
    fallback: memory,
    onAvailability: (available, error) =>
      available
        ? logger.info('rate limits: Redis answers again; buckets are shared by every replica')
        : logger.warn({ err: error?.message }, 'rate limits: Redis unreachable; each replica limits on its own until it answers'),
  });
}

export async function openProtections(config: GatewayConfig, logDestination?: DestinationStream): Promise<GatewayProtections> {
  const logger = createLogger(config.observability.logLevel, logDestination);
  const metrics = config.observability.metrics ? createGatewayMetrics() : null;
  const operations = new OperationSummaries();
  const { mode, manifest, apqCacheSize } = config.persistedQueries;
  const safelist = mode === 'safelist' ? new Safelist(readManifest(manifest!)) : null;
  const rateLimiter = config.rateLimits.enabled ? await openRateLimiter(config, logger) : null;
  let stopTimer: (() => void) | null = null;

  return {
    logger,
    metrics,
    apollo: {
      persistedQueries: safelist ? { cache: safelistCache(safelist) } : mode === 'apq' ? { cache: boundedApqCache(apqCacheSize) } : false,
      allowBatchedHttpRequests: config.http.batching,
      csrfPrevention: true,
      // Allowed here and decided per caller by the operation checks (on, off, or by scope).
      introspection: true,
      includeStacktraceInErrorResponses: !config.maskErrors,
      // No "Did you mean ...?" suggestions that reveal the schema to callers who may not introspect it.
      hideSchemaDetailsFromClientErrors: config.maskErrors,
      formatError: (formatted, error) => maskError(formatted, error, config.maskErrors),
    },
    plugins: [
      operationChecksPlugin({ limits: config.limits, introspection: config.introspection }),
      requestTimeoutPlugin(),
      operations.plugin(),
    ],
    http: {
      maxBodyBytes: config.http.maxBodyBytes,
      limits: config.limits,
      batching: { enabled: config.http.batching, maxBatchSize: config.http.maxBatchSize },
      corsOrigins: config.http.corsOrigins,
      safelist,
      rateLimit: rateLimiter ? { limiter: rateLimiter, settings: config.rateLimits } : null,
      trustProxy: config.http.trustProxy,
      requestTimeoutMs: config.http.requestTimeoutMs,
      logger,
      operations,
      metrics,
      serveMetrics: config.observability.metricsPort === null,
    },
    timeSubgraphCalls(currentSubgraphs) {
      if (!metrics) return;
      stopTimer = timeSubgraphCalls(
        subgraphOfUrlIn(currentSubgraphs),
        (subgraph, outcome, seconds) => metrics.observeSubgraphCall(subgraph, outcome, seconds),
      );
    },
    async close() {
      stopTimer?.();
      await rateLimiter?.close();
      logger.flush();
    },
  };
}
