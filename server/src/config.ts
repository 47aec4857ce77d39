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
  return {
    databaseUrl,
    port: parsePort('PORT', env.PORT, 4000),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(repoRoot, env.FASCIA_DATA_DIR || '.data'),
    logLevel: logLevel as LogLevel,
    production: env.NODE_ENV === 'production',
    seedDemoData: parseBoolean('FASCIA_SEED_DEMO', env.FASCIA_SEED_DEMO, true),
    demoAnchor: parseDate('FASCIA_DEMO_ANCHOR', env.FASCIA_DEMO_ANCHOR),
    clientDistDir: path.join(repoRoot, 'client', 'dist'),
    researchMinCell: parseMinCell('FASCIA_RESEARCH_MIN_CELL', env.FASCIA_RESEARCH_MIN_CELL),
  };
}
