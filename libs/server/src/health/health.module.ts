import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { MetricsService } from './metrics.service';

@Module({ providers: [HealthService, MetricsService], exports: [HealthService, MetricsService] })
export class HealthModule {}

@Module({ imports: [HealthModule], controllers: [HealthController] })
export class HealthHttpModule {}
