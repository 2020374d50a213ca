import path from 'node:path';

/**
 * Everything kexie reads from its environment, parsed once. The README's
 * configuration table lists the same variables; keep the two in step.
 */
export interface Config {
  host: string;
  port: number;
  /** `postgres://…` selects PostgreSQL; otherwise SQLite at `sqliteFile`. */
  databaseUrl: string | undefined;
  sqliteFile: string;
  dataDir: string;
  logLevel: string;
  sessionTtlHours: number;
  /** `auto` marks the cookie Secure when the request arrived over HTTPS. */
  cookieSecure: 'auto' | 'always' | 'never';
  trustProxy: boolean;
  bodyLimitBytes: number;
  loginMaxFailures: number;
  loginWindowSeconds: number;
  loginLockMinutes: number;
  demoAdminPassword: string;
  /** Where uploaded images and attachments are stored (originals and resized variants). */
  mediaDir: string;
  /** Largest image upload accepted, in bytes. */
  mediaMaxImageBytes: number;
  /** Largest attachment upload (PDF, Word, Excel) accepted, in bytes. */
  mediaMaxAttachmentBytes: number;
  /**
   * The portal's public address (`https://www.example.org`), used for canonical
   * URLs, feeds and the sitemap. Unset: taken from each request's Host.
   */
  publicBaseUrl: string | undefined;
  /** How often each process looks for scheduled articles that have come due. */
  publishPollSeconds: number;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

function intVar(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function baseUrlVar(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^https?:\/\/[^/?#\s]+$/.test(raw.replace(/\/$/, ''))) {
    throw new ConfigError(`${name} must be an origin such as https://www.example.org, got "${raw}"`);
  }
  return raw.replace(/\/$/, '');
}

export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(env.KEXIE_DATA_DIR || 'data');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres://, got "${databaseUrl.split(':')[0]}:…"`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: intVar(env, 'PORT', 3000, 0),
    databaseUrl,
    sqliteFile: path.resolve(env.KEXIE_SQLITE_FILE || path.join(dataDir, 'kexie.sqlite')),
    dataDir,
    logLevel: env.LOG_LEVEL || 'info',
    sessionTtlHours: intVar(env, 'KEXIE_SESSION_TTL_HOURS', 12, 1),
    cookieSecure: oneOf(env, 'KEXIE_COOKIE_SECURE', ['auto', 'always', 'never'] as const, 'auto'),
    trustProxy: env.KEXIE_TRUST_PROXY === 'true' || env.KEXIE_TRUST_PROXY === '1',
    bodyLimitBytes: intVar(env, 'KEXIE_BODY_LIMIT_BYTES', 1024 * 1024, 1024),
    loginMaxFailures: intVar(env, 'KEXIE_LOGIN_MAX_FAILURES', 5, 1),
    loginWindowSeconds: intVar(env, 'KEXIE_LOGIN_WINDOW_SECONDS', 60, 1),
    loginLockMinutes: intVar(env, 'KEXIE_LOGIN_LOCK_MINUTES', 15, 1),
    demoAdminPassword: env.KEXIE_DEMO_PASSWORD || 'kexie-demo-2024',
    mediaDir: path.resolve(env.KEXIE_MEDIA_DIR || path.join(dataDir, 'media')),
    mediaMaxImageBytes: intVar(env, 'KEXIE_MEDIA_MAX_IMAGE_BYTES', 10 * 1024 * 1024, 1024),
    mediaMaxAttachmentBytes: intVar(env, 'KEXIE_MEDIA_MAX_ATTACHMENT_BYTES', 30 * 1024 * 1024, 1024),
    publicBaseUrl: baseUrlVar(env, 'KEXIE_PUBLIC_BASE_URL'),
    publishPollSeconds: intVar(env, 'KEXIE_PUBLISH_POLL_SECONDS', 15, 1),
  };
}
