import { Module } from '@nestjs/common';
import { CompanyModule } from '../company/company.module';
import { ConnectorRuntimeModule } from '../connector-runtime/connector-runtime.module';
import { PullModule } from '../pull/pull.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { WebhookEventsModule } from '../webhook/webhook-events.module';
import { ConnectionController } from './connection.controller';
import { ConnectionService } from './connection.service';

@Module({ imports: [CompanyModule, ConnectorRuntimeModule, PullModule, ScheduleModule, WebhookEventsModule], providers: [ConnectionService], exports: [ConnectionService] })
export class ConnectionModule {}

@Module({ imports: [ConnectionModule], controllers: [ConnectionController] })
export class ConnectionHttpModule {}
