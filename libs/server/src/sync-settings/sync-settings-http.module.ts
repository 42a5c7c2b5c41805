import { Module } from '@nestjs/common';
import { ScheduleModule } from '../schedule/schedule.module';
import { SyncSettingsController } from './sync-settings.controller';
import { SyncSettingsModule } from './sync-settings.module';

/** REST side; setting a company's settings reschedules it, hence the schedule module. */
@Module({ imports: [SyncSettingsModule, ScheduleModule], controllers: [SyncSettingsController] })
export class SyncSettingsHttpModule {}
