import { Module } from '@nestjs/common';
import { CompanyController } from './company.controller';
import { WebhookEventsModule } from '../webhook/webhook-events.module';
import { CompanyService } from './company.service';

@Module({ imports: [WebhookEventsModule], providers: [CompanyService], exports: [CompanyService] })
export class CompanyModule {}

@Module({ imports: [CompanyModule], controllers: [CompanyController] })
export class CompanyHttpModule {}
