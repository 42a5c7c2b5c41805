import { Module } from '@nestjs/common';
import { AuthHttpModule } from '../auth/auth.module';
import { CompanyHttpModule } from '../company/company.module';
import { ConnectionHttpModule } from '../connection/connection.module';
import { HealthHttpModule } from '../health/health.module';
import { IntegrationHttpModule } from '../integration/integration.module';
import { LinkModule } from '../link/link.module';
import { PullHttpModule } from '../pull/pull.module';
import { SyncSettingsHttpModule } from '../sync-settings/sync-settings-http.module';
import { WebhookHttpModule } from '../webhook/webhook.module';

/** Every REST feature module. The api app adds tRPC on top; integration tests use this alone. */
@Module({ imports: [AuthHttpModule, HealthHttpModule, IntegrationHttpModule, CompanyHttpModule, ConnectionHttpModule, LinkModule, PullHttpModule, SyncSettingsHttpModule, WebhookHttpModule] })
export class ApiHttpModule {}
