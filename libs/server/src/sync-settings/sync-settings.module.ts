import { Module } from '@nestjs/common';
import { CompanyModule } from '../company/company.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { SyncSettingsController } from './sync-settings.controller';
import { SyncSettingsService } from './sync-settings.service';

@Module({ imports: [CompanyModule], providers: [SyncSettingsService], exports: [SyncSettingsService] })
export class SyncSettingsModule {}

/** REST side; setting a company's settings reschedules it, hence the schedule module. */
@Module({ imports: [SyncSettingsModule, ScheduleModule], controllers: [SyncSettingsController] })
export class SyncSettingsHttpModule {}
