import { Module } from '@nestjs/common';
import { CompanyModule } from '../company/company.module';
import { ConnectionModule } from '../connection/connection.module';
import { IntegrationModule } from '../integration/integration.module';
import { LinkService } from './link.service';

@Module({ imports: [CompanyModule, ConnectionModule, IntegrationModule], providers: [LinkService], exports: [LinkService] })
export class LinkModule {}
