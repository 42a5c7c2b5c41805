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
  /** Set to "false" to serve the portal session cookie without the Secure flag over plain http. */
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  /** Optional first-run bootstrap (the launcher's dev client). Idempotent. */
  BOOTSTRAP_CLIENT_NAME: z.string().min(1).max(100).default('Development'),
  BOOTSTRAP_API_KEY: z.string().min(20).max(200).optional(),
  BOOTSTRAP_PORTAL_EMAIL: z.email().optional(),
  BOOTSTRAP_PORTAL_PASSWORD: z.string().min(8).max(200).optional(),
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
