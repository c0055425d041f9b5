// The gateway's protections against careless and hostile input: operation limits, persisted
// operations, rate limits, error masking, introspection, HTTP limits, logs and metrics. Each is read
// like every other setting (flag > environment > config file > default); some defaults differ
// between development and production mode (NODE_ENV=production). the README's Hardening section lists them all.
import { ConfigError } from './config-error';
import { oneOf, onOff, positiveInteger, positiveNumber } from './setting-values';

/** Reads one setting: the flag, else the environment variable, else the config file's key. */
export type ReadSetting = (flag: string, env: string, fileKey: string) => unknown;

export interface CostModel {
  /** Assumed length of a list whose size the operation does not choose (no `first`). */
  readonly defaultListSize: number;
  /** Assumed list length per schema coordinate (`Query.sectors`), instead of defaultListSize. */
  readonly listSizes: Readonly<Record<string, number>>;
  /** Weight per schema coordinate, instead of the defaults (object 1, leaf 0, mutation field 10). */
  readonly fieldCosts: Readonly<Record<string, number>>;
}

/** Each limit: null when off. */
export interface OperationLimits {
  /** UTF-8 bytes of the operation text. */
  readonly maxDocumentBytes: number | null;
  /** Nesting of fields (a root field is at depth 1). */
  readonly maxDepth: number | null;
  readonly maxAliases: number | null;
  readonly maxRootFields: number | null;
  readonly maxDirectives: number | null;
  /** Estimated cost (see CostModel). */
  readonly maxCost: number | null;
  readonly cost: CostModel;
}

/** apq: any operation, and automatic persisted queries; safelist: only the manifest's operations; off: any operation, no APQ. */
export type PersistedQueryMode = 'apq' | 'safelist' | 'off';

export interface PersistedQueriesConfig {
  readonly mode: PersistedQueryMode;
  /** Apollo persisted query manifest (JSON): the safelist. Required in safelist mode. */
  readonly manifest: string | null;
  /** Operations the APQ cache keeps (least recently used go first). */
  readonly apqCacheSize: number;
}

export interface TokenBucketSettings {
  /** Tokens added per second: the sustained request rate. */
  readonly perSecond: number;
  /** Bucket size: how many requests may come at once after a quiet spell. */
  readonly burst: number;
}

export interface RateLimitConfig {
  readonly enabled: boolean;
  /** One bucket per verified subject. */
  readonly subject: TokenBucketSettings;
  /** One bucket per agency, shared by all its subjects. */
  readonly agency: TokenBucketSettings;
  /** One bucket per client address, for anonymous callers and refused tokens. */
  readonly anonymous: TokenBucketSettings;
  /** Buckets in Redis (shared by every replica) instead of in memory. */
  readonly redisUrl: string | null;
  /** Prefix of the Redis keys. */
  readonly redisPrefix: string;
}

export interface HttpConfig {
  readonly maxBodyBytes: number;
  /** Origins allowed to call from a browser; empty: no CORS headers at all. */
  readonly corsOrigins: readonly string[];
  /** Several operations in one JSON array. */
  readonly batching: boolean;
  readonly maxBatchSize: number;
  /** A request still running after this long has its subgraph calls stopped and gets 504. */
  readonly requestTimeoutMs: number;
  /** On shutdown, requests in flight get this long to finish before connections are closed. */
  readonly shutdownTimeoutMs: number;
  /** Behind one reverse proxy: the client address is the last X-Forwarded-For entry. */
  readonly trustProxy: boolean;
}

/** on: every caller; off: nobody; scoped: callers with one of the scopes. */
export type IntrospectionMode = 'on' | 'off' | 'scoped';

export interface IntrospectionConfig {
  readonly mode: IntrospectionMode;
  readonly scopes: readonly string[];
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ObservabilityConfig {
  readonly logLevel: LogLevel;
  /** Serve Prometheus metrics at /metrics. */
  readonly metrics: boolean;
  /** Serve /metrics on this port only (not on the GraphQL port); null: on the GraphQL port. */
  readonly metricsPort: number | null;
}

export interface HardeningConfig {
  readonly limits: OperationLimits;
  readonly persistedQueries: PersistedQueriesConfig;
  readonly rateLimits: RateLimitConfig;
  readonly http: HttpConfig;
  /** Replace internal error messages, subgraph names and URLs by generic ones; drop stack traces. */
  readonly maskErrors: boolean;
  readonly introspection: IntrospectionConfig;
  readonly observability: ObservabilityConfig;
}

/** The command-line flags of these settings (all take a value). */
export const HARDENING_FLAGS = Object.fromEntries(
  [
    'max-body-bytes',
    'max-document-bytes',
    'max-depth',
    'max-aliases',
    'max-root-fields',
    'max-directives',
    'max-cost',
    'default-list-size',
    'persisted-queries',
    'safelist',
    'apq-cache-size',
    'rate-limit',
    'rate-limit-subject-per-second',
    'rate-limit-subject-burst',
    'rate-limit-agency-per-second',
    'rate-limit-agency-burst',
    'rate-limit-anonymous-per-second',
    'rate-limit-anonymous-burst',
    'redis-url',
    'rate-limit-prefix',
    'cors-origins',
    'batching',
    'max-batch-size',
    'request-timeout-ms',
    'shutdown-timeout-ms',
    'trust-proxy',
    'mask-errors',
    'introspection',
    'introspection-scopes',
    'log-level',
    'metrics',
    'metrics-port',
  ].map((name) => [name, { type: 'string' as const }]),
);



/** A limit: a positive integer, or `off`. */
function limit(value: unknown, fallback: number, name: string): number | null {
  if (value === undefined || value === null) return fallback;
  if (value === 'off' || value === false) return null;
  return positiveInteger(value, name);
}



/** A comma-separated string (flags, environment) or an array of strings (config file). */
function list(value: unknown, fallback: readonly string[], name: string): string[] {
  if (value === undefined || value === null) return [...fallback];
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (Array.isArray(value) && value.every((s) => typeof s === 'string')) return [...value];
  throw new ConfigError(`${name} must be a comma-separated list or an array of strings`);
}

/** `{ "Type.field": number }` from the config file. */
function numbersByCoordinate(value: unknown, name: string, check: (n: unknown, what: string) => number): Record<string, number> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${name} must be an object of "Type.field": number`);
  const result: Record<string, number> = {};
  for (const [coordinate, n] of Object.entries(value)) {
    if (!/^[_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*$/.test(coordinate)) {
      throw new ConfigError(`${name}: ${JSON.stringify(coordinate)} is not a schema coordinate (Type.field)`);
    }
    result[coordinate] = check(n, `${name} of ${coordinate}`);
  }
  return result;
}

function nonNegative(value: unknown, name: string): number {
  const n = Number(value);
  if (typeof value === 'boolean' || !Number.isFinite(n) || n < 0) throw new ConfigError(`${name} must be a number, 0 or more`);
  return n;
}

function origins(value: unknown): string[] {
  const given = list(value, [], 'CORS origins');
  for (const origin of given) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin) throw new ConfigError(`CORS origin ${JSON.stringify(origin)} must be scheme://host[:port], without a path`);
  }
  return given;
}

function redisUrl(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && /^rediss?:\/\//.test(value)) return value;
  throw new ConfigError('Redis URL must be a redis:// or rediss:// URL');
}

function bucket(read: ReadSetting, who: 'subject' | 'agency' | 'anonymous', fallback: TokenBucketSettings): TokenBucketSettings {
  const envWho = who.toUpperCase();
  const fileWho = who[0]!.toUpperCase() + who.slice(1);
  const perSecond = read(`rate-limit-${who}-per-second`, `ACCORD_RATE_LIMIT_${envWho}_PER_SECOND`, `rateLimit${fileWho}PerSecond`);
  const burst = read(`rate-limit-${who}-burst`, `ACCORD_RATE_LIMIT_${envWho}_BURST`, `rateLimit${fileWho}Burst`);
  return {
    perSecond: perSecond === undefined ? fallback.perSecond : positiveNumber(perSecond, `${who} rate limit per second`),
    burst: burst === undefined ? fallback.burst : positiveInteger(burst, `${who} rate limit burst`),
  };
}

export function readHardeningConfig(read: ReadSetting, production: boolean): HardeningConfig {
  const persistedMode = oneOf(
    read('persisted-queries', 'ACCORD_PERSISTED_QUERIES', 'persistedQueries'),
    ['apq', 'safelist', 'off'] as const,
    production ? 'safelist' : 'apq',
    'persisted queries',
  );
  const manifest = (read('safelist', 'ACCORD_SAFELIST', 'safelist') as string | undefined) ?? null;
  if (persistedMode === 'safelist' && !manifest) {
    throw new ConfigError(
      'safelist mode (the production default) needs a persisted query manifest: --safelist FILE or ACCORD_SAFELIST (build one with npm run safelist), or choose --persisted-queries apq',
    );
  }
  const introspectionScopes = list(read('introspection-scopes', 'ACCORD_INTROSPECTION_SCOPES', 'introspectionScopes'), ['schema:read'], 'introspection scopes');
  const metricsPort = read('metrics-port', 'ACCORD_METRICS_PORT', 'metricsPort');
  if (metricsPort !== undefined && (!Number.isInteger(Number(metricsPort)) || Number(metricsPort) < 0 || Number(metricsPort) > 65535)) {
    throw new ConfigError(`metrics port must be a port number (got ${JSON.stringify(metricsPort)})`);
  }

  return {
    limits: {
      maxDocumentBytes: limit(read('max-document-bytes', 'ACCORD_MAX_DOCUMENT_BYTES', 'maxDocumentBytes'), 32 * 1024, 'document size limit'),
      maxDepth: limit(read('max-depth', 'ACCORD_MAX_DEPTH', 'maxDepth'), 20, 'depth limit'),
      maxAliases: limit(read('max-aliases', 'ACCORD_MAX_ALIASES', 'maxAliases'), 30, 'alias limit'),
      maxRootFields: limit(read('max-root-fields', 'ACCORD_MAX_ROOT_FIELDS', 'maxRootFields'), 20, 'root field limit'),
      maxDirectives: limit(read('max-directives', 'ACCORD_MAX_DIRECTIVES', 'maxDirectives'), 50, 'directive limit'),
      maxCost: limit(read('max-cost', 'ACCORD_MAX_COST', 'maxCost'), 25_000, 'cost limit'),
      cost: {
        defaultListSize: positiveInteger(read('default-list-size', 'ACCORD_DEFAULT_LIST_SIZE', 'defaultListSize') ?? 10, 'default list size'),
        listSizes: numbersByCoordinate(read('', '', 'listSizes'), 'listSizes', positiveInteger),
        fieldCosts: numbersByCoordinate(read('', '', 'fieldCosts'), 'fieldCosts', nonNegative),
      },
    },
    persistedQueries: {
      mode: persistedMode,
      manifest,
      apqCacheSize: positiveInteger(read('apq-cache-size', 'ACCORD_APQ_CACHE_SIZE', 'apqCacheSize') ?? 1000, 'APQ cache size'),
    },
    rateLimits: {
      enabled: onOff(read('rate-limit', 'ACCORD_RATE_LIMIT', 'rateLimit'), production, 'rate limit'),
      subject: bucket(read, 'subject', { perSecond: 20, burst: 100 }),
      agency: bucket(read, 'agency', { perSecond: 200, burst: 1000 }),
      anonymous: bucket(read, 'anonymous', { perSecond: 2, burst: 20 }),
      redisUrl: redisUrl(read('redis-url', 'ACCORD_REDIS_URL', 'redisUrl')),
      redisPrefix: String(read('rate-limit-prefix', 'ACCORD_RATE_LIMIT_PREFIX', 'rateLimitPrefix') ?? 'accord:rate-limit'),
    },
    http: {
      maxBodyBytes: positiveInteger(read('max-body-bytes', 'ACCORD_MAX_BODY_BYTES', 'maxBodyBytes') ?? 1024 * 1024, 'body size limit'),
      corsOrigins: origins(read('cors-origins', 'ACCORD_CORS_ORIGINS', 'corsOrigins')),
      batching: onOff(read('batching', 'ACCORD_BATCHING', 'batching'), false, 'batching'),
      maxBatchSize: positiveInteger(read('max-batch-size', 'ACCORD_MAX_BATCH_SIZE', 'maxBatchSize') ?? 10, 'batch size limit'),
      requestTimeoutMs: positiveInteger(read('request-timeout-ms', 'ACCORD_REQUEST_TIMEOUT_MS', 'requestTimeoutMs') ?? 30_000, 'request timeout'),
      shutdownTimeoutMs: positiveInteger(read('shutdown-timeout-ms', 'ACCORD_SHUTDOWN_TIMEOUT_MS', 'shutdownTimeoutMs') ?? 10_000, 'shutdown timeout'),
      trustProxy: onOff(read('trust-proxy', 'ACCORD_TRUST_PROXY', 'trustProxy'), false, 'trust proxy'),
    },
    maskErrors: onOff(read('mask-errors', 'ACCORD_MASK_ERRORS', 'maskErrors'), production, 'error masking'),
    introspection: {
      mode: oneOf(read('introspection', 'ACCORD_INTROSPECTION', 'introspection'), ['on', 'off', 'scoped'] as const, production ? 'scoped' : 'on', 'introspection'),
      scopes: introspectionScopes,
    },
    observability: {
      logLevel: oneOf(read('log-level', 'ACCORD_LOG_LEVEL', 'logLevel'), LOG_LEVELS, 'info', 'log level'),
      metrics: onOff(read('metrics', 'ACCORD_METRICS', 'metrics'), true, 'metrics'),
      metricsPort: metricsPort === undefined ? null : Number(metricsPort),
    },
  };
}
