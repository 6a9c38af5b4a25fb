// Configuration, parsed once at start into a typed object. Zero config works: embedded PGlite in
// ./data, port 3000. Every key is documented in .env.example; a bad value fails start-up with a
// list of every bad key.
import { resolve } from 'node:path';

export interface Config {
  host: string;
  port: number;
  /** Folder for the embedded database and attachments. */
  dataDir: string;
  /** postgres://… switches from embedded PGlite to a PostgreSQL server. */
  databaseUrl: string | null;
  /**
   * postgres://… of a read replica (streaming standby) of DATABASE_URL's server: dashboards and
   * rankings read there, everything else on the primary. Null: everything on the primary.
   */
  databaseReadUrl: string | null;
  /** Connections each process keeps to PostgreSQL; with N processes behind PgBouncer keep N × this under its pool. */
  databasePoolSize: number;
  /** The city's time zone: working days, "today", periods and case-number dates are reckoned in it. */
  timeZone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlHours: number;
  /** Requests per minute per client IP on public endpoints (login, portal, Open311). */
  publicRateLimit: number;
  /** Requests per minute per client IP on authenticated endpoints. */
  apiRateLimit: number;
  /** Seconds between clock sweeps (reminders, escalations) in `serve`; 0 turns the sweeper off. */
  sweepIntervalSeconds: number;
  /** Minutes between scheduled hotspot refreshes of the current month in `serve`; 0 turns them off. */
  hotspotRefreshMinutes: number;
  /** days after closing when a case's history and stopped clocks move to case_archive (0: never) */
  archiveAfterDays: number;
  /** Optional path of a category taxonomy CSV (level1,level2,level3) imported by `seed`. */
  categoryFile: string | null;
  /** The jurisdiction_id Open311 clients may send (one jurisdiction per server). */
  open311JurisdictionId: string;
  /** Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed; empty: trust nobody. */
  trustedProxies: string[];
  /** Login attempts per minute per client address. */
  loginRateLimit: number;
  /** Consecutive failed logins after which an account is locked. */
  loginMaxFailures: number;
  /** Minutes a locked account stays locked unless an administrator lifts the lockout. */
  loginLockoutMinutes: number;
  /** Seconds an administrator's change to cached data (calendar, units, settings) may take to reach every process. */
  cacheTtlSeconds: number;
  /** Hours an upload may stay unattached to a case or submission before it is deleted. */
  orphanUploadHours: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const int = (key: string, fallback: number, min: number, max: number): number => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${key}=${raw}: expected an integer from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const str = (key: string): string | null => {
    const raw = env[key];
    return raw === undefined || raw === '' ? null : raw;
  };

  const databaseUrl = str('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL: expected postgres://user:password@host:port/database');
  }
  const databaseReadUrl = str('JIESU_DATABASE_READ_URL');
  if (databaseReadUrl !== null && !/^postgres(ql)?:\/\//.test(databaseReadUrl)) {
    problems.push('JIESU_DATABASE_READ_URL: expected postgres://user:password@host:port/database');
  } else if (databaseReadUrl !== null && databaseUrl === null) {
    problems.push('JIESU_DATABASE_READ_URL: a read replica needs DATABASE_URL (the embedded database has no replica)');
  }
  const timeZone = str('JIESU_TIME_ZONE') ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    problems.push(`JIESU_TIME_ZONE=${timeZone}: not an IANA time zone (e.g. Asia/Shanghai)`);
  }
  const logLevel = (str('LOG_LEVEL') ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL=${logLevel}: expected one of ${LOG_LEVELS.join(', ')}`);

  const trustedProxies = (str('JIESU_TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of trustedProxies) {
    if (!/^([0-9.]+|[0-9a-fA-F:]+)(\/\d{1,3})?$/.test(p) && p !== 'loopback' && p !== 'linklocal' && p !== 'uniquelocal') {
      problems.push(`JIESU_TRUSTED_PROXIES: ${p} is not an IP address, a CIDR range, or loopback/linklocal/uniquelocal`);
    }
  }

  const config: Config = {
    host: str('HOST') ?? '127.0.0.1',
    port: int('PORT', 3000, 0, 65535),
    dataDir: resolve(str('JIESU_DATA_DIR') ?? 'data'),
    databaseUrl,
    databaseReadUrl,
    databasePoolSize: int('JIESU_DB_POOL_SIZE', 10, 1, 500),
    timeZone,
    logLevel,
    sessionTtlHours: int('JIESU_SESSION_TTL_HOURS', 12, 1, 24 * 30),
    publicRateLimit: int('JIESU_PUBLIC_RATE_LIMIT', 60, 1, 1_000_000),
    apiRateLimit: int('JIESU_API_RATE_LIMIT', 6000, 1, 10_000_000),
    sweepIntervalSeconds: int('JIESU_SWEEP_INTERVAL_SECONDS', 30, 0, 86_400),
    hotspotRefreshMinutes: int('JIESU_HOTSPOT_REFRESH_MINUTES', 360, 0, 44_640),
    archiveAfterDays: int('JIESU_ARCHIVE_AFTER_DAYS', 35, 0, 3_650),
    categoryFile: str('JIESU_CATEGORY_FILE'),
    open311JurisdictionId: str('JIESU_OPEN311_JURISDICTION') ?? '12345.beijing.gov.cn',
    trustedProxies,
    loginRateLimit: int('JIESU_LOGIN_RATE_LIMIT', 10, 1, 1_000_000),
    loginMaxFailures: int('JIESU_LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginLockoutMinutes: int('JIESU_LOGIN_LOCKOUT_MINUTES', 15, 1, 7 * 24 * 60),
    cacheTtlSeconds: int('JIESU_CACHE_TTL_SECONDS', 10, 1, 3600),
    orphanUploadHours: int('JIESU_ORPHAN_UPLOAD_HOURS', 24, 1, 24 * 365),
    ...overrides,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
