import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of this process (text format at /metrics). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'ledgerlink_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly jobs = new Counter({
    name: 'ledgerlink_jobs_total',
    help: 'Queue jobs processed by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'ledgerlink_' });
  }

  observeHttp(method: string, route: string, status: number, seconds: number) {
    this.httpDuration.labels(method, route, String(status)).observe(seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
