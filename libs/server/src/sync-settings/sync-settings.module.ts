import { Module } from '@nestjs/common';
import { CompanyModule } from '../company/company.module';
import { SyncSettingsService } from './sync-settings.service';

@Module({ imports: [CompanyModule], providers: [SyncSettingsService], exports: [SyncSettingsService] })
export class SyncSettingsModule {}
