import 'reflect-metadata';
import { createHttpApp, JsonLogger, loadConfig, prepareDatabase } from '@ledgerlink/server';
import { mountTrpc } from '@ledgerlink/trpc';
import { runAdmin } from './admin';
import { AppModule } from './app.module';

async function main() {
  if (process.argv[2] === 'admin') {
    process.exitCode = await runAdmin(process.argv.slice(3), process.env);
    return;
  }
  const config = loadConfig(process.env);
  const logger = new JsonLogger('api', config.LOG_LEVEL);
  const app = await createHttpApp(AppModule.forRoot(config, logger), logger);
  mountTrpc(app);
  const applied = await prepareDatabase(app);
  if (applied.length) logger.event('info', 'migrations applied', { migrations: applied });
  await app.listen(config.API_PORT, config.API_HOST);
  logger.event('info', 'api listening', { url: `http://${config.API_HOST}:${config.API_PORT}` });
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
