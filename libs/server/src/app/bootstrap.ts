import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { installHttpEdges } from '../common/http/http-edges';
import type { JsonLogger } from '../common/json-logger';
import { runMigrationsLocked } from '../database/migrate';
import { MetricsService } from '../health/metrics.service';

/** Creates the HTTP app with the contract's edges (errors, correlation ids, body parsing) and OpenAPI. */
export async function createHttpApp(rootModule: unknown, logger: JsonLogger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule as never, { bodyParser: false, logger, abortOnError: false });
  const metrics = app.get(MetricsService);
  installHttpEdges(app, { logger, onResponse: (m, r, s, sec) => metrics.observeHttp(m, r, s, sec) });
  app.enableCors({ origin: true, credentials: true });
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}

export function setupOpenApi(app: INestApplication) {
  const config = new DocumentBuilder()
    .setTitle('Ledgerlink API')
    .setDescription("Self-hosted unified accounting API, wire-compatible with Codat's public API. Authenticate with `Authorization: Basic base64(apiKey)`.")
    .setVersion('1.0')
    .addSecurity('auth_header', { type: 'apiKey', in: 'header', name: 'Authorization' })
    .addSecurityRequirements('auth_header')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
}

/** Applies migrations (under an advisory lock) and the configured bootstrap client. */
export async function prepareDatabase(app: INestApplicationContext): Promise<string[]> {
  const applied = await runMigrationsLocked(app.get<DataSource>(getDataSourceToken()));
  await app.get(AuthService).ensureBootstrap();
  return applied;
}
