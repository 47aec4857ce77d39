import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: default data and the built client are found relative to it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface Config {
  /** External PostgreSQL; when absent an embedded server is started under `dataDir`. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  /** Folder for the embedded PostgreSQL cluster and other local state. */
  dataDir: string;
  logLevel: LogLevel;
  production: boolean;
  /** Load the demo data set when the database has no clinics yet. */
  seedDemoData: boolean;
  /** The "today" the demo data are anchored on (YYYY-MM-DD); unset: the day they are seeded. */
  demoAnchor: string | undefined;
  /** Built web client to serve, if present. */
  clientDistDir: string;
  /** Research outputs suppress every cell of fewer clients than this (k of small-cell suppression). */
  researchMinCell: number;
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For), as Express's `trust proxy`:
   * false (none: the address is the TCP peer's), a hop count, or addresses and subnets of the proxies.
   */
  trustProxy: TrustProxy;
  /** The database pool and how long anything may wait on PostgreSQL (db/orm-config.ts has the defaults' reasons). */
  database: DatabaseSettings;
  /** Streaming replicas for heavy reads (`FASCIA_READ_REPLICA_URLS`); empty: every read on the primary. */
  readReplicaUrls: string[];
  /** A replica that has not replayed what the primary wrote this long ago is left out (`FASCIA_READ_REPLICA_MAX_LAG_MS`). */
  readReplicaMaxLagMs: number;
  /** On SIGTERM, how long requests in flight get to finish before their connections are cut. */
  shutdownGraceMs: number;
  /** GraphQL requests worked on at once, and how long others wait in line (`FASCIA_CONCURRENT_REQUESTS`, `FASCIA_QUEUE_WAIT_MS`). */
  admission: AdmissionLimits;
  /** Port of the embedded PostgreSQL; undefined: the one it used before (kept beside its data), or a free one. */
  embeddedPostgresPort: number | undefined;
  /** A port of its own serving only Prometheus metrics at /metrics (on `host`); undefined: none. */
  metricsPort: number | undefined;
  /** A Bearer token that opens /metrics on the public port; undefined: /metrics there answers 404. */
  metricsToken: string | undefined;
  /** SMTP server for reminder emails (`SMTP_URL`); unset: development catches mail in the process, production sends none. */
  smtpUrl: string | undefined;
  /** Sender of reminder emails (`SMTP_FROM`). */
  mailFrom: string;
  /** The address clients reach the web client at, for links in emails (`FASCIA_PUBLIC_URL`), without a trailing slash. */
  publicUrl: string;
  reminders: ReminderConfig;
}

export interface ReminderConfig {
  /** Run the reminder queue in this instance (`FASCIA_REMINDERS`, default true). */
  enabled: boolean;
  /** How often the instance plans and queues due reminders (`FASCIA_REMINDER_PLAN_SECONDS`, default 60). */
  planIntervalSeconds: number;
  /** First retry of an unsent reminder after this many seconds, doubling each time (`FASCIA_REMINDER_RETRY_SECONDS`, default 60). */
  retryDelaySeconds: number;
  /** How often an idle worker looks for due jobs (`FASCIA_REMINDER_POLL_SECONDS`, default 2). */
  pollSeconds: number;
}

export interface DatabaseSettings {
  poolMax: number;
  acquireTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/** How many GraphQL requests are worked on at once (http/admission.ts). */
export interface AdmissionLimits {
  /** Requests worked on at once; more wait in line, in arrival order. */
  concurrent: number;
  /** A request still waiting after this long is answered 503 with Retry-After instead. */
  maxWaitMs: number;
}

/** Twice the default pool: every connection stays busy while other requests' answers are put together. */
export const defaultAdmissionLimits: Readonly<AdmissionLimits> = { concurrent: 20, maxWaitMs: 10_000 };

export type TrustProxy = false | number | string[];

const namedSubnets = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrSubnet(item: string): boolean {
  if (namedSubnets.includes(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `FASCIA_TRUST_PROXY`: unset, empty or `false` trusts no proxy; a whole number 0-10 trusts that many hops
 * in front of the server; otherwise a comma-separated list of proxy addresses, CIDR subnets or the names
 * `loopback`, `linklocal`, `uniquelocal`. `true` (trust every hop) is refused: any client could then choose
 * the address the sign-in throttle and the audit trail see.
 */
export function parseTrustProxy(name: string, raw: string | undefined): TrustProxy {
  if (raw === undefined || raw.trim() === '' || raw.trim().toLowerCase() === 'false') return false;
  const text = raw.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new ConfigError(`${name} must be a hop count from 0 to 10, or proxy addresses, got "${raw}"`);
    return hops === 0 ? false : hops;
  }
  if (text.toLowerCase() === 'true') {
    throw new ConfigError(`${name}=true would trust any client's X-Forwarded-For; give the hop count or the proxies' addresses`);
  }
  const items = text.split(',').map((item) => item.trim());
  const bad = items.find((item) => !isAddressOrSubnet(item));
  if (bad !== undefined) {
    throw new ConfigError(
      `${name} must be a hop count or a comma-separated list of IP addresses, CIDR subnets, loopback, linklocal or uniquelocal; "${bad}" is none of these`,
    );
  }
  return items;
}

/** Fewer than 5 is below what any disclosure-control guideline accepts (most ask for 10 or 11). */
export const researchMinCellFloor = 5;
/** 11: the threshold of e.g. the CMS cell size suppression policy (no cell of 1 to 10 people published). */
export const defaultResearchMinCell = 11;

export class ConfigError extends Error {}

function parsePort(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseWhole(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function parseDate(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const date = new Date(`${raw}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw new ConfigError(`${name} must be a date YYYY-MM-DD, got "${raw}"`);
  }
  return raw;
}

function parseMinCell(name: string, raw: string | undefined): number {
  if (raw === undefined || raw === '') return defaultResearchMinCell;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < researchMinCellFloor || k > 1000) {
    throw new ConfigError(`${name} must be a whole number from ${researchMinCellFloor} to 1000, got "${raw}"`);
  }
  return k;
}

function parseMetricsToken(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  // Long enough not to be guessed, and nothing that cannot travel in an Authorization header.
  if (!/^[A-Za-z0-9._~+/=-]{24,256}$/.test(raw)) {
    throw new ConfigError(`${name} must be 24 to 256 characters of letters, digits and ._~+/=- (e.g. openssl rand -hex 24)`);
  }
  return raw;
}

/** `SMTP_URL`: smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the start), user and password in the URL. */
export function parseSmtpUrl(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`${name} must be a URL such as smtp://user:password@mail.example.org:587, got something else`);
  }
  if (!['smtp:', 'smtps:'].includes(url.protocol) || url.hostname === '') {
    throw new ConfigError(`${name} must be an smtp:// or smtps:// URL with a host, e.g. smtps://user:password@mail.example.org:465`);
  }
  return raw.trim();
}

function parseMailFrom(name: string, raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return 'Fascia reminders <reminders@localhost>';
  const address = /<([^<>]+)>\s*$/.exec(raw.trim())?.[1] ?? raw.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
    throw new ConfigError(`${name} must be an email address, optionally with a name ("Clinic <reminders@example.org>"), got "${raw}"`);
  }
  return raw.trim();
}

function parsePublicUrl(name: string, raw: string | undefined, port: number): string {
  if (raw === undefined || raw.trim() === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`${name} must be an http:// or https:// URL, got "${raw}"`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new ConfigError(`${name} must be an http:// or https:// URL, got "${raw}"`);
  return url.href.replace(/\/+$/, '');
}

function isPostgresUrl(raw: string): boolean {
  if (!/^postgres(ql)?:\/\//.test(raw)) return false;
  try {
    return new URL(raw).hostname !== '';
  } catch {
    return false;
  }
}

/** `FASCIA_READ_REPLICA_URLS`: comma-separated postgres:// URLs of streaming replicas of DATABASE_URL's database. */
export function parseReplicaUrls(name: string, raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const urls = raw.split(',').map((item) => item.trim());
  const bad = urls.findIndex((url) => !isPostgresUrl(url));
  if (bad >= 0)
    throw new ConfigError(`${name} must be comma-separated postgres:// or postgresql:// URLs with a host; item ${bad + 1} is not`);
  return urls;
}

/** Reads and validates the configuration once, at start; a bad value stops the server with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!(logLevels as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const port = parsePort('PORT', env.PORT, 4000);
  const poolMax = parseWhole('FASCIA_DB_POOL_MAX', env.FASCIA_DB_POOL_MAX, 10, 1, 500);
  return {
    databaseUrl,
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(repoRoot, env.FASCIA_DATA_DIR || '.data'),
    logLevel: logLevel as LogLevel,
    production: env.NODE_ENV === 'production',
    seedDemoData: parseBoolean('FASCIA_SEED_DEMO', env.FASCIA_SEED_DEMO, true),
    demoAnchor: parseDate('FASCIA_DEMO_ANCHOR', env.FASCIA_DEMO_ANCHOR),
    clientDistDir: path.join(repoRoot, 'client', 'dist'),
    researchMinCell: parseMinCell('FASCIA_RESEARCH_MIN_CELL', env.FASCIA_RESEARCH_MIN_CELL),
    trustProxy: parseTrustProxy('FASCIA_TRUST_PROXY', env.FASCIA_TRUST_PROXY),
    database: {
      // PostgreSQL's own default max_connections is 100: several instances' pools must fit in it together.
      poolMax,
      acquireTimeoutMs: parseWhole('FASCIA_DB_ACQUIRE_TIMEOUT_MS', env.FASCIA_DB_ACQUIRE_TIMEOUT_MS, 1_500, 50, 120_000),
      statementTimeoutMs: parseWhole('FASCIA_DB_STATEMENT_TIMEOUT_MS', env.FASCIA_DB_STATEMENT_TIMEOUT_MS, 15_000, 100, 3_600_000),
      idleInTransactionTimeoutMs: parseWhole(
        'FASCIA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        env.FASCIA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        15_000,
        100,
        3_600_000,
      ),
    },
    readReplicaUrls: parseReplicaUrls('FASCIA_READ_REPLICA_URLS', env.FASCIA_READ_REPLICA_URLS),
    readReplicaMaxLagMs: parseWhole('FASCIA_READ_REPLICA_MAX_LAG_MS', env.FASCIA_READ_REPLICA_MAX_LAG_MS, 5_000, 100, 600_000),
    shutdownGraceMs: parseWhole('FASCIA_SHUTDOWN_GRACE_MS', env.FASCIA_SHUTDOWN_GRACE_MS, 5_000, 0, 300_000),
    admission: {
      concurrent: parseWhole('FASCIA_CONCURRENT_REQUESTS', env.FASCIA_CONCURRENT_REQUESTS, 2 * poolMax, 1, 10_000),
      maxWaitMs: parseWhole('FASCIA_QUEUE_WAIT_MS', env.FASCIA_QUEUE_WAIT_MS, defaultAdmissionLimits.maxWaitMs, 100, 300_000),
    },
    metricsPort: env.FASCIA_METRICS_PORT ? parsePort('FASCIA_METRICS_PORT', env.FASCIA_METRICS_PORT, 0) : undefined,
    metricsToken: parseMetricsToken('FASCIA_METRICS_TOKEN', env.FASCIA_METRICS_TOKEN),
    embeddedPostgresPort: env.FASCIA_POSTGRES_PORT
      ? parsePort('FASCIA_POSTGRES_PORT', env.FASCIA_POSTGRES_PORT, 0) || undefined
      : undefined,
    smtpUrl: parseSmtpUrl('SMTP_URL', env.SMTP_URL),
    mailFrom: parseMailFrom('SMTP_FROM', env.SMTP_FROM),
    publicUrl: parsePublicUrl('FASCIA_PUBLIC_URL', env.FASCIA_PUBLIC_URL, port),
    reminders: {
      enabled: parseBoolean('FASCIA_REMINDERS', env.FASCIA_REMINDERS, true),
      planIntervalSeconds: parseWhole('FASCIA_REMINDER_PLAN_SECONDS', env.FASCIA_REMINDER_PLAN_SECONDS, 60, 1, 3600),
      retryDelaySeconds: parseWhole('FASCIA_REMINDER_RETRY_SECONDS', env.FASCIA_REMINDER_RETRY_SECONDS, 60, 1, 3600),
      pollSeconds: parseWhole('FASCIA_REMINDER_POLL_SECONDS', env.FASCIA_REMINDER_POLL_SECONDS, 2, 1, 60),
    },
  };
}
