import path from 'node:path';

/** Folder of the api package: this file sits in src/core (dist/core once built), the same depth either way. */
export const packageRoot = path.resolve(__dirname, '..', '..');
export const repoRoot = path.resolve(packageRoot, '..', '..');

export type DemoDataMode = 'auto' | 'on' | 'off';

export interface AppConfig {
  /** HTTP port; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** External PostgreSQL; when unset an embedded server is started. */
  databaseUrl?: string;
  /** Data folder of the embedded PostgreSQL server. */
  dataDir: string;
  embeddedPgPort: number;
  /** auto: seed demo organizations when the embedded database is empty; on: also on an empty external database. */
  demoData: DemoDataMode;
  demoOrganizations: number;
  demoSeed: number;
  /** Folder of the built web app served at /. */
  webDist: string;
  mapTileUrl: string;
  mapTileAttribution: string;
  /** Credit for imported municipality boundaries, shown on the map when any is imported. */
  boundaryAttribution: string;
  logLevel: string;
  nodeEnv: string;
  /** Size of the PostgreSQL connection pool of one API process. */
  dbPoolMax: number;
  /** How long a request waits for a pooled connection before it is answered 503 SERVICE_UNAVAILABLE, in ms. */
  dbAcquireTimeoutMs: number;
  /** statement_timeout of every connection, in ms: no statement runs longer (0: no limit). */
  dbStatementTimeoutMs: number;
  /** idle_in_transaction_session_timeout of every connection, in ms: a transaction left idle is ended (0: no limit). */
  dbIdleInTransactionTimeoutMs: number;
  /** Express's "trust proxy": false (the peer is the client), a hop count, or addresses/subnets of the proxies. */
  trustProxy: false | number | string[];
  /** Port of the separate Prometheus /metrics listener; null: metrics are not served. */
  metricsPort: number | null;
  /** Address the metrics listener binds to (loopback unless the deployment's network is private). */
  metricsHost: string;
  /** Node HTTP server limits, in ms: whole request, headers, idle keep-alive; and requests per keep-alive socket. */
  http: { requestTimeoutMs: number; headersTimeoutMs: number; keepAliveTimeoutMs: number; maxRequestsPerSocket: number };
  /** Apply pending migrations when the server starts (off for replicas when a migration job runs them). */
  migrateOnStart: boolean;
  /** Origins allowed to call the API from browsers (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** Read replicas for the heavy public reads. */
  replicaUrls: string[];
  /** Redis for shared rate-limit counters; unset: PostgreSQL holds them. */
  redisUrl?: string;
  /** Requests per minute; 0 turns rate limiting off (load tests). */
  rateLimits: { anonymousPerMinute: number; signedInPerMinute: number };
  /** The web app's address, for links in mails (password reset, invitations); no trailing slash. */
  publicUrl: string;
  /** How long a new account's email confirmation link works, in hours (EMAIL_CONFIRMATION_HOURS, default 24). */
  emailConfirmationHours: number;
  /** The licence every export and the HSDS API state. */
  dataLicence: { name: string; url: string };
  /** Survey results: cells of fewer responding organizations are withheld (never below 3). */
  surveyMinCell: number;
  /** The response cache of anonymous public reads: its byte budget (0: off) and the longest an answer is kept. */
  responseCache: { maxBytes: number; ttlMs: number };
  /** OCDS: the registered ocid prefix ("ocds-" and 6 characters); a placeholder outside production when unset. */
  ocds: { prefix: string; placeholder: boolean };
}

/** A registered OCDS ocid prefix: "ocds-" and 6 lowercase letters or digits (the OCDS prefix register). */
export const OCID_PREFIX_PATTERN = /^ocds-[a-z0-9]{6}$/;
/** The development prefix: clearly no registered one, and stated as a placeholder in every OCDS package. */
export const PLACEHOLDER_OCID_PREFIX = 'ocds-xxxxxx';

function ocdsFrom(value: string | undefined): AppConfig['ocds'] {
  if (!value) return { prefix: PLACEHOLDER_OCID_PREFIX, placeholder: true };
  if (!OCID_PREFIX_PATTERN.test(value)) throw new Error(`OCDS_PREFIX must be a registered ocid prefix, "ocds-" and 6 lowercase letters or digits, got "${value}"`);
  return { prefix: value, placeholder: value === PLACEHOLDER_OCID_PREFIX };
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function booleanFrom(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

/** The disclosure threshold may be raised, never lowered below 3: a cell of one or two organizations is one or two organizations. */
function surveyMinCellFrom(value: string | undefined): number {
  const n = intFrom(value, 5, 'SURVEY_MIN_CELL');
  if (n < 3) throw new Error(`SURVEY_MIN_CELL must be at least 3, got "${value}"`);
  return n;
}

function positive(n: number, name: string): number {
  if (n === 0) throw new Error(`${name} must be at least 1`);
  return n;
}

/**
 * TRUST_PROXY: unset/false/0 trusts no proxy (X-Forwarded-For is ignored); a number trusts exactly that
 * many hops in front of the API; otherwise a comma-separated list of proxy addresses or subnets
 * (Express's names loopback, linklocal, uniquelocal too). "true" (trust everyone) is refused: any client could then spoof its address.
 */
export function trustProxyFrom(value: string | undefined): false | number | string[] {
  const v = (value ?? '').trim();
  if (!v || ['false', 'no', 'off', '0', 'none'].includes(v.toLowerCase())) return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (['true', 'yes', 'on', '*'].includes(v.toLowerCase())) {
    throw new Error('TRUST_PROXY=true would trust any client\'s X-Forwarded-For; give the number of proxy hops or their addresses');
  }
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const demo = (env.DEMO_DATA ?? 'auto').toLowerCase();
  if (!['auto', 'on', 'off'].includes(demo)) throw new Error(`DEMO_DATA must be auto, on or off, got "${env.DEMO_DATA}"`);
  return {
    port: intFrom(env.PORT, 4000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(repoRoot, env.DATA_DIR || '.data/postgres'),
    embeddedPgPort: intFrom(env.EMBEDDED_PG_PORT, 54329, 'EMBEDDED_PG_PORT'),
    demoData: demo as DemoDataMode,
    demoOrganizations: intFrom(env.DEMO_ORGANIZATIONS, 300, 'DEMO_ORGANIZATIONS'),
    demoSeed: intFrom(env.DEMO_SEED, 20241, 'DEMO_SEED'),
    webDist: path.resolve(repoRoot, env.WEB_DIST || 'packages/web/dist'),
    mapTileUrl: env.MAP_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    mapTileAttribution:
      env.MAP_TILE_ATTRIBUTION ?? '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    boundaryAttribution: env.BOUNDARY_ATTRIBUTION ?? 'Boundaries: geoBoundaries; © OpenStreetMap contributors',
    logLevel: env.LOG_LEVEL || 'info',
    nodeEnv: env.NODE_ENV || 'development',
    dbPoolMax: positive(intFrom(env.DB_POOL_MAX, 10, 'DB_POOL_MAX'), 'DB_POOL_MAX'),
    dbAcquireTimeoutMs: positive(intFrom(env.DB_ACQUIRE_TIMEOUT_MS, 3000, 'DB_ACQUIRE_TIMEOUT_MS'), 'DB_ACQUIRE_TIMEOUT_MS'),
    dbStatementTimeoutMs: intFrom(env.DB_STATEMENT_TIMEOUT_MS, 60_000, 'DB_STATEMENT_TIMEOUT_MS'),
    dbIdleInTransactionTimeoutMs: intFrom(env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, 60_000, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    metricsPort: env.METRICS_PORT === undefined || env.METRICS_PORT === '' ? null : intFrom(env.METRICS_PORT, 0, 'METRICS_PORT'),
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    http: {
      requestTimeoutMs: positive(intFrom(env.HTTP_REQUEST_TIMEOUT_MS, 30_000, 'HTTP_REQUEST_TIMEOUT_MS'), 'HTTP_REQUEST_TIMEOUT_MS'),
      headersTimeoutMs: positive(intFrom(env.HTTP_HEADERS_TIMEOUT_MS, 10_000, 'HTTP_HEADERS_TIMEOUT_MS'), 'HTTP_HEADERS_TIMEOUT_MS'),
      keepAliveTimeoutMs: intFrom(env.HTTP_KEEP_ALIVE_TIMEOUT_MS, 5_000, 'HTTP_KEEP_ALIVE_TIMEOUT_MS'),
      maxRequestsPerSocket: intFrom(env.HTTP_MAX_REQUESTS_PER_SOCKET, 1000, 'HTTP_MAX_REQUESTS_PER_SOCKET'),
    },
    redisUrl: env.REDIS_URL || undefined,
    replicaUrls: (env.DATABASE_REPLICA_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean),
    rateLimits: {
      anonymousPerMinute: intFrom(env.RATE_LIMIT_PER_MINUTE, 600, 'RATE_LIMIT_PER_MINUTE'),
      signedInPerMinute: intFrom(env.RATE_LIMIT_SIGNED_IN_PER_MINUTE, 2400, 'RATE_LIMIT_SIGNED_IN_PER_MINUTE'),
    },
    migrateOnStart: booleanFrom(env.MIGRATE_ON_START, true, 'MIGRATE_ON_START'),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    publicUrl: (env.PUBLIC_URL || 'http://localhost:4000').replace(/\/+$/, ''),
    emailConfirmationHours: positive(intFrom(env.EMAIL_CONFIRMATION_HOURS, 24, 'EMAIL_CONFIRMATION_HOURS'), 'EMAIL_CONFIRMATION_HOURS'),
    dataLicence: {
      name: env.DATA_LICENCE_NAME || 'CC BY 4.0',
      url: env.DATA_LICENCE_URL || 'https://creativecommons.org/licenses/by/4.0/',
    },
    surveyMinCell: surveyMinCellFrom(env.SURVEY_MIN_CELL),
    responseCache: {
      maxBytes: intFrom(env.RESPONSE_CACHE_MB, 64, 'RESPONSE_CACHE_MB') * 1024 * 1024,
      ttlMs: positive(intFrom(env.RESPONSE_CACHE_TTL_SECONDS, 60, 'RESPONSE_CACHE_TTL_SECONDS'), 'RESPONSE_CACHE_TTL_SECONDS') * 1000,
    },
    ocds: ocdsFrom(env.OCDS_PREFIX),
  };
}

/** Passwords no production database should have: the embedded server's, and the usual placeholders. */
const DEFAULT_PASSWORDS = new Set(['', 'postgres', 'password', 'changeme', 'change-me', 'secret', 'civimap', 'admin', 'root', '123456', 'test']);

/**
 * Production refuses to start on defaults: it needs an external database (the embedded one is for
 * trying civimap out) whose password is not a placeholder. Secrets come only from the environment.
 */
export function productionProblems(config: AppConfig): string[] {
  if (config.nodeEnv !== 'production') return [];
  const problems: string[] = [];
  if (!config.databaseUrl) {
    problems.push('DATABASE_URL is required in production; the embedded PostgreSQL is for trying civimap out.');
  } else {
    try {
      const url = new URL(config.databaseUrl);
      const host = url.hostname;
      const local = host === 'localhost' || host === '127.0.0.1' || host === '::1' || url.searchParams.has('host');
      if (!local && DEFAULT_PASSWORDS.has(decodeURIComponent(url.password).toLowerCase())) {
        problems.push('DATABASE_URL uses a default or empty password; set a real secret (e.g. POSTGRES_PASSWORD in docker-compose).');
      }
    } catch {
      problems.push('DATABASE_URL is not a valid URL.');
    }
  }
  if (config.ocds.placeholder) {
    problems.push(`OCDS_PREFIX is required in production: the ocid prefix registered for this publisher with the Open Contracting Partnership ("ocds-" and 6 characters), not the placeholder ${PLACEHOLDER_OCID_PREFIX}.`);
  }
  for (const origin of config.corsOrigins) {
    if (!/^https:\/\/[^/]+$/.test(origin)) problems.push(`CORS_ORIGINS entry "${origin}" must be an https origin (scheme and host, no path).`);
  }
  return problems;
}
