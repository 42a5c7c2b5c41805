import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientId } from '../auth/api-key.guard';
import { ApiBodySchema, ApiResult } from '../common/http/openapi';
import { validate } from '../common/http/validate';
import { clientSyncSettingsBody, companySyncSettingsBody } from './sync-settings.schemas';
import { ScheduleService } from '../schedule/schedule.service';
import { SyncSettingsService } from './sync-settings.service';

const SETTING = {
  type: 'object',
  required: ['dataType', 'fetchOnFirstLink', 'syncSchedule', 'syncOrder'],
  properties: {
    dataType: { type: 'string' },
    fetchOnFirstLink: { type: 'boolean' },
    syncSchedule: { type: 'integer', description: 'Hours between scheduled syncs: 1 hourly, 24 daily, 168 weekly, 720 monthly; 0 never' },
    syncOrder: { type: 'integer' },
    syncFromUtc: { type: 'string', format: 'date-time' },
    syncFromWindow: { type: 'integer', description: 'Months of history' },
    monthsToSync: { type: 'integer' },
    isLocked: { type: 'boolean' },
  },
};

@ApiTags('Sync settings')
@Controller()
export class SyncSettingsController {
  constructor(
    private readonly settings: SyncSettingsService,
    private readonly schedule: ScheduleService,
  ) {}

  @Get('profile/syncSettings')
  @ApiOperation({ summary: "Get the client's default sync settings", operationId: 'get-profile-sync-settings' })
  @ApiResult(200, { type: 'object', properties: { clientId: { type: 'string' }, settings: { type: 'array', items: SETTING }, overridesDefaults: { type: 'boolean' } } })
  getClient(@ClientId() clientId: string) {
    return this.settings.clientSettings(clientId);
  }

  @Post('profile/syncSettings')
  @HttpCode(204)
  @ApiOperation({ summary: "Replace the client's default sync settings", operationId: 'update-profile-sync-settings' })
  @ApiBodySchema(clientSyncSettingsBody)
  @ApiResult(204)
  async setClient(@ClientId() clientId: string, @Body() body: unknown) {
    await this.settings.setClientSettings(clientId, validate(clientSyncSettingsBody, body));
    await this.schedule.rescheduleClient(clientId);
  }

  @Get('companies/:companyId/syncSettings')
  @ApiOperation({ summary: "Get a company's sync settings (overrides merged over the client defaults)", operationId: 'get-company-sync-settings' })
  @ApiResult(200, { type: 'object', properties: { companyId: { type: 'string' }, settings: { type: 'array', items: SETTING }, overridesDefaults: { type: 'boolean' }, schedule: { type: 'object' } } })
  getCompany(@ClientId() clientId: string, @Param('companyId') companyId: string) {
    return this.settings.companySettings(clientId, companyId);
  }

  @Post('companies/:companyId/syncSettings')
  @HttpCode(204)
  @ApiOperation({
    summary: "Set a company's sync settings",
    description: 'Ledgerlink extension: `schedule: {startDate, hourOfDay, timeZone}` pins scheduled syncs to a time of day.',
    operationId: 'set-company-sync-settings',
  })
  @ApiBodySchema(companySyncSettingsBody)
  @ApiResult(204)
  async setCompany(@ClientId() clientId: string, @Param('companyId') companyId: string, @Body() body: unknown) {
    await this.settings.companySettings(clientId, companyId);
    await this.settings.setCompanySettings(clientId, companyId, validate(companySyncSettingsBody, body));
    await this.schedule.rescheduleCompany(clientId, companyId.toLowerCase());
  }
}
