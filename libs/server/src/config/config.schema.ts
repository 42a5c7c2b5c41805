import { z } from 'zod';

/**
 * The one configuration schema. `loadConfig(process.env)` is called once at boot by each app;
 * nothing else in the code base reads process.env.
 */
const port = z.coerce.number().int().min(0).max(65535);
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: port.default(3000),
  WORKER_PORT: port.default(3001),
  /** Public origin of the REST API (used in links). */
  PUBLIC_API_URL: z.url().default('http://localhost:3000'),
  /** Public origin of the portal: company `redirect` link URLs point here. */
  PORTAL_URL: z.url().default('http://localhost:4200'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (the launcher sets it for the embedded database)'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  /** Bull key prefix, so several installs (or test runs) can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_:-]+$/).default('ledgerlink'),
  /** AES-256-GCM key for connection credentials at rest. */
  CREDENTIALS_KEY: base64Key,
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  /**
   * Pull sync: connectors that report changes and deletions (the sandbox) are re-read incrementally
   * from the last sync, with a full read (which also finds deletions the source did not report)
   * at least this often. 0 = every read is a full read.
   */
  PULL_FULL_READ_EVERY_HOURS: z.coerce.number().min(0).max(24 * 90).default(24),
  /**
   * How long an API process remembers which client an API key belongs to (0 = ask the database on
   * every request). A key deleted through another process stops working within this time; one
   * deleted through this process stops at once.
   */
  API_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  /** Set to "false" to serve the portal session cookie without the Secure flag over plain http. */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  /** Optional first-run bootstrap (the launcher's dev client). Idempotent. */
  BOOTSTRAP_CLIENT_NAME: z.string().min(1).max(100).default('Development'),
  BOOTSTRAP_API_KEY: z.string().min(20).max(200).optional(),
  BOOTSTRAP_PORTAL_EMAIL: z.email().optional(),
  BOOTSTRAP_PORTAL_PASSWORD: z.string().min(8).max(200).optional(),
  /**
   * Webhook delivery (libs/server/src/webhook). Milliseconds to wait before each attempt, comma
   * separated: the first entry is the initial attempt. Default as Svix/Codat: immediately, 5 s,
   * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
   */
  WEBHOOK_RETRY_SCHEDULE_MS: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+){0,49}\s*$/, 'must be 1 to 50 comma-separated millisecond values')
    .transform((s) => s.split(',').map((x) => Number(x.trim())))
    .default([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]),
  /** Random spread applied to each retry delay: 0.2 = ±20%. */
  WEBHOOK_RETRY_JITTER: z.coerce.number().min(0).max(1).default(0.2),
  /** A consumer must answer 2xx within this time. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** A consumer failing continuously this long is disabled (default 5 days). */
  WEBHOOK_DISABLE_AFTER_MS: z.coerce.number().int().min(1).default(5 * 24 * 3600_000),
  /** After a secret rotation the previous secret keeps signing this long (default 24 h). */
  WEBHOOK_SECRET_GRACE_MS: z.coerce.number().int().min(0).max(7 * 24 * 3600_000).default(24 * 3600_000),
  /**
   * The longest an idle delivery worker waits before looking for due messages without being
   * notified (a missed NOTIFY, a pooler that drops LISTEN). Retries wake it when they fall due.
   */
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /** Concurrent deliveries per worker process. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  /** Days webhook events, their messages and attempts are kept (0: forever). */
  WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /** Webhook consumers (and rules) per client. */
  WEBHOOK_MAX_CONSUMERS: z.coerce.number().int().min(1).max(10_000).default(50),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
