import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { HealthService, JsonLogger, loadConfig, MetricsService, startOpsServer } from '@ledgerlink/server';
import { WorkerModule } from './worker.module';

async function main() {
  const config = loadConfig(process.env);
  const logger = new JsonLogger('worker', config.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), { logger });
  const ops = await startOpsServer(app.get(HealthService), app.get(MetricsService), config.WORKER_PORT, config.API_HOST);
  logger.event('info', 'worker ready', { healthz: `http://${config.API_HOST}:${config.WORKER_PORT}/healthz` });
  const stop = async () => {
    ops.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
