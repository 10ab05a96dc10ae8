import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min, MinLength, ValidateIf, registerDecorator, type ValidationOptions } from 'class-validator';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const FILE_STORAGE_DRIVERS = ['postgres', 'disk'] as const;
export type FileStorageDriver = (typeof FILE_STORAGE_DRIVERS)[number];

/** How a register extract (GDPR art. 15) names the officials in it: by their unit, or by name and unit. */
export const REGISTER_EXTRACT_OFFICIAL_MODES = ['unit', 'name'] as const;
export type RegisterExtractOfficialMode = (typeof REGISTER_EXTRACT_OFFICIAL_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Accepts a URL whose scheme is one of `protocols` and that names a host. */
function IsServiceUrl(protocols: string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isServiceUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be a URL of the form ${protocols[0]}://host:port/...`,
        ...options,
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return protocols.includes(url.protocol.replace(/:$/, '')) && url.hostname.length > 0;
          } catch {
            return false;
          }
        },
      },
    });
  };
}

/**
 * The origin a Leaflet tile URL template loads from, as a Content-Security-Policy source: a leading
 * `{s}.` subdomain becomes `*.`. Undefined when the template is not an http(s) URL with {z}, {x}, {y}.
 */
export function tileOrigin(template: string): string | undefined {
  if (!/\{z\}/.test(template) || !/\{x\}/.test(template) || !/\{y\}/.test(template)) return undefined;
  const wildcard = /^(https?:\/\/)\{s\}\./.test(template);
  try {
    const url = new URL(template.replace(/^(https?:\/\/)\{s\}\./, '$1a.'));
    if (!['http:', 'https:'].includes(url.protocol) || url.hostname === '' || /[{}]/.test(url.host) || url.username || url.password) return undefined;
    return wildcard ? `${url.protocol}//*.${url.host.slice(2)}` : url.origin;
  } catch {
    return undefined;
  }
}

function IsTileUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isTileUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown) => typeof value === 'string' && tileOrigin(value) !== undefined },
    });
  };
}

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value);

const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  return value;
};

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/** A name without braces becomes the Redis Cluster hash tag `{name}`; one that holds braces is checked as written. */
const toHashTag = ({ value }: { value: unknown }) => (typeof value === 'string' && !/[{}]/.test(value) && value.trim() !== '' ? `{${value.trim()}}` : value);

/** A 32-byte key in base64. */
function IsDataKey(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isDataKey',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32,
      },
    });
  };
}

/** A switch that must stay off in production (demo and test conveniences). */
function OffInProduction(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'offInProduction',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (value: unknown, args) => !(value === true && (args?.object as AppConfig).NODE_ENV === 'production') },
    });
  };
}

/**
 * Every setting Samverkan reads from the environment, with its default. This class is the one
 * place a variable is declared; README.md's configuration table mirrors it.
 * Property names are the environment variable names so that error messages name the variable.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @IsServiceUrl(['postgres', 'postgresql'])
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/samverkan';

  @IsServiceUrl(['redis', 'rediss'])
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Prefix of every key Samverkan writes to Redis (queues, rate limits, sentinel, audit head); lets
   * several deployments (or test files) share one Redis. It is a Redis Cluster hash tag: `samverkan`
   * is read as `{samverkan}`, so every key hashes to one slot and a cluster accepts BullMQ's
   * multi-key scripts (https://docs.bullmq.io/bull/patterns/redis-cluster).
   */
  @Transform(toHashTag)
  @IsString()
  @Matches(/^[^{}\s]*\{[^{}\s]+\}[^{}\s]*$/, { message: 'QUEUE_PREFIX must be a name without spaces, or hold one hash tag such as {samverkan}' })
  QUEUE_PREFIX = '{samverkan}';

  /**
   * Api processes per machine or pod (node:cluster). 0: one per available core in production, one
   * elsewhere (development, tests). On Kubernetes set 1 and scale with replicas.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(64)
  API_PROCESSES = 0;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Origins allowed to call the API from a browser; empty means same-origin only. */
  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  /** Largest accepted request body. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** The built web client (`npm run build:web`), served at `/`; relative to the working directory. Unset or missing: API only. */
  @IsString()
  WEB_DIST_DIR = 'dist/web';

  /** Largest accepted photo upload (image/jpeg, image/png, image/webp bodies). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  PHOTO_MAX_BYTES = 10 * 1024 * 1024;

  /** Largest accepted attachment (PDF, JPEG, PNG or WebP, issue #21); a larger one is refused with a 400. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

  /**
   * Where stored files (photos, attachments) keep their bytes: `postgres` (table photo_blobs, backed
   * up with the rest) or `disk` (the directory FILE_STORAGE_DIR; back it up with the database).
   */
  @IsIn(FILE_STORAGE_DRIVERS)
  FILE_STORAGE: FileStorageDriver = 'postgres';

  /** The directory of FILE_STORAGE=disk; relative to the working directory. */
  @IsString()
  @MinLength(1)
  FILE_STORAGE_DIR = 'data/files';

  /**
   * The directory of the organisations' logos for the documents Samverkan issues (issue #21): a
   * file named after the organisation number, `<org_number>.svg`, `.png` or `.jpg`
   * (e.g. `212000-1835.svg`). An organisation without one is headed by its name alone.
   */
  @IsString()
  @MinLength(1)
  DOCUMENT_LOGO_DIR = 'config/logos';

  /** Set when the API runs behind a reverse proxy, so client addresses come from X-Forwarded-For. */
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  /**
   * Signs access tokens (HS256). Required, at least 32 characters, when NODE_ENV=production;
   * elsewhere an unset secret falls back to a fixed development secret.
   */
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production' || config.JWT_SECRET !== '')
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters (and is required when NODE_ENV=production)' })
  JWT_SECRET = '';

  /** Lifetime of an access token; at most 15 minutes. */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(900)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Lifetime of a refresh token (each use replaces it with a new one). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /** Login attempts one client address may make per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 20;

  /** SMTP server for e-mail, e.g. smtp://user:pass@mail.example.se:587; unset turns e-mail off. */
  @ValidateIf((config: AppConfig) => config.SMTP_URL !== '')
  @IsServiceUrl(['smtp', 'smtps'])
  SMTP_URL = '';

  /** Sender of Samverkan's e-mail. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Samverkan <noreply@samverkan.local>';

  /** First retry delay of a failed e-mail; each further retry waits twice as long. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  EMAIL_RETRY_DELAY_MS = 30_000;

  /** Public address of the web client, for links in e-mail. */
  @IsServiceUrl(['http', 'https'])
  PUBLIC_URL = 'http://127.0.0.1:3000';

  /**
   * Encrypts personal data at rest (AES-256-GCM): 32 random bytes, base64 (`openssl rand -base64 32`).
   * Required when NODE_ENV=production; elsewhere an unset key falls back to a fixed development key.
   */
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production' || config.DATA_KEY !== '')
  @IsDataKey({ message: 'DATA_KEY must be 32 bytes in base64 (and is required when NODE_ENV=production)' })
  DATA_KEY = '';

  /** Stored with every encrypted value, so that the key can be rotated. */
  @Matches(/^[A-Za-z0-9_-]{1,16}$/, { message: 'DATA_KEY_ID must be 1–16 letters, digits, - or _' })
  DATA_KEY_ID = 'k1';

  /** Earlier keys, still needed to read values encrypted before a rotation: `id:base64key,id:base64key`. */
  @Transform(toList)
  @Matches(/^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/]{43}=$/, { each: true, message: 'DATA_PREVIOUS_KEYS must be a list of id:base64key (32-byte keys)' })
  DATA_PREVIOUS_KEYS: string[] = [];

  /**
   * Keys the HMAC that anchors the audit chain (libs/audit, audit-anchor.service.ts). Kept out of the
   * database on purpose: whoever controls the database cannot forge an anchor. Required, at least 32
   * characters, when NODE_ENV=production; elsewhere an unset key falls back to a development key.
   */
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production' || config.AUDIT_ANCHOR_KEY !== '')
  @MinLength(32, { message: 'AUDIT_ANCHOR_KEY must be at least 32 characters (and is required when NODE_ENV=production)' })
  AUDIT_ANCHOR_KEY = '';

  /** How often the worker anchors the audit chain. */
  @Transform(toInt)
  @IsInt()
  @Min(10_000)
  @Max(24 * 3600_000)
  AUDIT_ANCHOR_EVERY_MS = 5 * 60_000;

  /**
   * Events the worker verifies per statement of the audit chain's verification (issue #19): each
   * page is one statement of a few seconds at 50 000, far from the 30 s statement timeout, and the
   * run's checkpoint is written after each. Tests set a handful to cross pages.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500_000)
  AUDIT_VERIFY_PAGE_SIZE = 50_000;

  /** How often the worker verifies the audit chain's new events (an incremental run); a full run is weekly and on demand. */
  @Transform(toInt)
  @IsInt()
  @Min(60_000)
  @Max(7 * 24 * 3600_000)
  AUDIT_VERIFY_EVERY_MS = 3600_000;

  /** From this age the young person's own signature is required on a consent (guardians' alone until then). */
  @Transform(toInt)
  @IsInt()
  @Min(12)
  @Max(18)
  YOUTH_OWN_CONSENT_AGE = 15;

  /**
   * How a young person's register extract (GDPR art. 15, issue #21) names the officials who wrote,
   * decided or read: `unit` (default) names their unit and organisation only, `name` the person too.
   * Which the authority chooses is its own decision (OSL 26 kap, the officials' interest); no private
   * person other than the young person is ever named.
   */
  @IsIn(REGISTER_EXTRACT_OFFICIAL_MODES)
  REGISTER_EXTRACT_OFFICIALS: RegisterExtractOfficialMode = 'unit';

  /**
   * Demo and tests only: a password session counts as strong authentication (issue #18), so the
   * seeded demo accounts open youth cases and police intelligence with their passwords as before.
   * `npm run demo` and the tests set it; the step-up tests turn it off. Never with NODE_ENV=production.
   */
  @Transform(toBool)
  @IsBoolean()
  @OffInProduction({ message: 'DEMO_STRONG_PASSWORD_SESSIONS must not be set when NODE_ENV=production' })
  DEMO_STRONG_PASSWORD_SESSIONS = false;

  /**
   * Step-up (issue #18): revealing a personnummer or opening sealed intelligence asks the user to
   * authenticate strongly again when the session's last strong authentication is older than this.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  STEP_UP_MAX_AGE_MINUTES = 15;

  /**
   * Passkeys (WebAuthn): the origin the web client is served from. Empty: the origin of PUBLIC_URL.
   */
  @ValidateIf((config: AppConfig) => config.WEBAUTHN_ORIGIN !== '')
  @IsServiceUrl(['http', 'https'])
  WEBAUTHN_ORIGIN = '';

  /** Passkeys (WebAuthn): the relying party id, a registrable domain. Empty: the host name of the origin. */
  @IsString()
  @Matches(/^$|^[a-z0-9.-]{1,253}$/, { message: 'WEBAUTHN_RP_ID must be a host name (e.g. samverkan.hammaro.se)' })
  WEBAUTHN_RP_ID = '';

  /**
   * The map's tile server (issue #20), a Leaflet URL template such as
   * `https://tile.example.org/{z}/{x}/{y}.png` (`{s}` may lead the host name for subdomains). Empty:
   * the map shows its markers on a plain background and the browser asks no other origin for
   * anything. The origin is added to the Content-Security-Policy's img-src.
   */
  @ValidateIf((config: AppConfig) => config.MAP_TILE_URL !== '')
  @IsTileUrl({ message: 'MAP_TILE_URL must be an http(s) URL template with {z}, {x} and {y}, e.g. https://tile.example.org/{z}/{x}/{y}.png' })
  MAP_TILE_URL = '';

  /** Attribution the tile server's licence asks for, shown in the map's corner (e.g. `© OpenStreetMap contributors`). */
  @IsString()
  @Matches(/^[^<>]{0,300}$/, { message: 'MAP_TILE_ATTRIBUTION must be plain text (no < or >) of at most 300 characters' })
  MAP_TILE_ATTRIBUTION = '';

  /** Password of every demo user the seed creates. */
  @IsString()
  @MinLength(12)
  SEED_PASSWORD = 'Samverkan-demo-2026';

  /**
   * How often the worker checks that Redis still holds its data (a sentinel key and the job
   * schedulers); when Redis lost them (restart without persistence, failover, eviction, FLUSHALL)
   * the worker re-creates its schedulers and reconciles at once, without a restart.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  REDIS_WATCH_INTERVAL_MS = 10_000;

  /**
   * The worker touches this file every 10 s while its event loop runs (empty: off), so a
   * container's liveness probe can tell a wedged worker, which has no HTTP port (deploy/k8s).
   */
  @IsString()
  WORKER_HEARTBEAT_FILE = '';

  /** How long a shutting-down process waits for in-flight requests and jobs before it gives up. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 30_000;

  /**
   * The longest an api process keeps a signed-in user's principal without reading it from
   * PostgreSQL again (#19). Revocation does not wait for it: every change of what a principal holds
   * is announced through Redis and seen by the next request in every process (PrincipalCache); this
   * is the backstop. 0: no cache, the principal is read on every request.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300_000)
  PRINCIPAL_CACHE_TTL_MS = 10_000;

  /**
   * Benchmarks only: the audit recorder appends nothing, so `npm run bench` can measure what the
   * audit trail costs a mutating request (#19). Never with NODE_ENV=production: the trail is
   * required by law (HSLF-FS 2016:40; DOMAIN.md §3).
   */
  @Transform(toBool)
  @IsBoolean()
  @OffInProduction({ message: 'BENCH_AUDIT_OFF must not be set when NODE_ENV=production' })
  BENCH_AUDIT_OFF = false;
}

/** Variables whose values must never be echoed in messages (they may carry credentials). */
export const SECRET_CONFIG_KEYS: ReadonlySet<keyof AppConfig> = new Set([
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_SECRET',
  'SEED_PASSWORD',
  'SMTP_URL',
  'DATA_KEY',
  'DATA_PREVIOUS_KEYS',
  'AUDIT_ANCHOR_KEY',
]);

const DEVELOPMENT_JWT_SECRET = 'samverkan-development-secret-do-not-use-in-production';

const DEVELOPMENT_AUDIT_ANCHOR_KEY = 'samverkan-development-audit-anchor-key-not-for-production';

/** The key audit anchors are sealed with. */
export function auditAnchorKey(config: Pick<AppConfig, 'AUDIT_ANCHOR_KEY'>): string {
  return config.AUDIT_ANCHOR_KEY || DEVELOPMENT_AUDIT_ANCHOR_KEY;
}

/** The secret access tokens are signed with. */
export function jwtSecret(config: Pick<AppConfig, 'JWT_SECRET'>): string {
  return config.JWT_SECRET || DEVELOPMENT_JWT_SECRET;
}
