import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../core/tokens';

export interface HealthReport {
  status: 'ok' | 'error';
  checks: { database: CheckResult; redis: CheckResult };
}
interface CheckResult {
  status: 'ok' | 'error';
  ms: number;
  error?: string;
}

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);

/** Database and Redis checks for /healthz. */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
    this.redis.on('error', () => undefined); // reported through the check instead
  }

  async check(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      this.run(() => this.db.query('SELECT 1')),
      this.run(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
        return this.redis.ping();
      }),
    ]);
    return { status: database.status === 'ok' && redis.status === 'ok' ? 'ok' : 'error', checks: { database, redis } };
  }

  private async run(fn: () => Promise<unknown>): Promise<CheckResult> {
    const t = Date.now();
    try {
      await withTimeout(fn(), 3000);
      return { status: 'ok', ms: Date.now() - t };
    } catch (e) {
      return { status: 'error', ms: Date.now() - t, error: e instanceof Error ? e.message : String(e) };
    }
  }

  onModuleDestroy() {
    this.redis.disconnect();
  }
}
