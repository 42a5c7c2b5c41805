import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../config.schema';

const VALID = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ledgerlink',
  CREDENTIALS_KEY: randomBytes(32).toString('base64'),
};

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig', () => {
  it('loads a minimal environment with defaults', () => {
    const config = loadConfig(VALID);
    expect(config).toMatchObject({
      DATABASE_URL: VALID.DATABASE_URL,
      CREDENTIALS_KEY: VALID.CREDENTIALS_KEY,
      NODE_ENV: 'development',
      API_PORT: 3000,
      REDIS_URL: 'redis://127.0.0.1:6379',
      SESSION_TTL_HOURS: 168,
      COOKIE_SECURE: 'auto',
    });
  });

  it('coerces numbers from strings', () => {
    expect(loadConfig({ ...VALID, API_PORT: '8080', DATABASE_POOL_SIZE: '3' })).toMatchObject({ API_PORT: 8080, DATABASE_POOL_SIZE: 3 });
  });

  it('names DATABASE_URL when it is missing', () => {
    const err = configError({ CREDENTIALS_KEY: VALID.CREDENTIALS_KEY });
    expect(err.message).toMatch(/DATABASE_URL/);
    expect(err.message).not.toMatch(/CREDENTIALS_KEY/);
  });

  it('names DATABASE_URL when it is not a postgres URL', () => {
    expect(configError({ ...VALID, DATABASE_URL: 'mysql://localhost/db' }).message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });

  it.each([
    ['missing', undefined],
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(48).toString('base64')],
    ['hex instead of base64', randomBytes(32).toString('hex')],
    ['not base64 at all', 'not a key'],
  ])('names CREDENTIALS_KEY when it is %s', (_label, key) => {
    const err = configError({ ...VALID, CREDENTIALS_KEY: key });
    expect(err.message).toMatch(/CREDENTIALS_KEY/);
    expect(err.message).not.toMatch(/DATABASE_URL/);
  });

  it('does not echo the bad secret value in the error', () => {
    const key = 'c2VjcmV0LWtleS10aGF0LWlzLXRvby1zaG9ydA==';
    expect(configError({ ...VALID, CREDENTIALS_KEY: key }).message).not.toContain(key);
  });

  it('reports every problem at once', () => {
    const err = configError({ API_PORT: '70000', LOG_LEVEL: 'loud' });
    for (const name of ['DATABASE_URL', 'CREDENTIALS_KEY', 'API_PORT', 'LOG_LEVEL']) expect(err.message).toContain(name);
  });
});
