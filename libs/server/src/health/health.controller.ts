import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/http/public.decorator';
import { HealthService } from './health.service';
import { MetricsService } from './metrics.service';

@ApiExcludeController()
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
  ) {}

  @Get('healthz')
  async healthz(@Res() res: Response) {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  }

  @Get('metrics')
  async metricsText(@Res() res: Response) {
    res.type('text/plain; version=0.0.4').send(await this.metrics.text());
  }
}
