import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/http/public.decorator';
import { ApiResult, PAGING_QUERY, pagedSchema } from '../common/http/openapi';
import { parsePaging } from '../common/paging';
import { IntegrationService } from './integration.service';

const INTEGRATION_SCHEMA = {
  type: 'object',
  required: ['key', 'logoUrl', 'name', 'enabled'],
  properties: {
    key: { type: 'string' },
    logoUrl: { type: 'string', format: 'uri' },
    name: { type: 'string' },
    enabled: { type: 'boolean' },
    sourceId: { type: 'string', format: 'uuid' },
    sourceType: { type: 'string' },
    integrationId: { type: 'string', format: 'uuid' },
    isOfflineConnector: { type: 'boolean' },
    isBeta: { type: 'boolean' },
    dataProvidedBy: { type: 'string' },
    datatypeFeatures: { type: 'array', items: { type: 'object' } },
  },
};

@ApiTags('Integrations')
@Controller('integrations')
export class IntegrationController {
  constructor(private readonly integrations: IntegrationService) {}

  @Get()
  @ApiOperation({ summary: 'List integrations', operationId: 'list-integrations' })
  @ApiQuery(PAGING_QUERY[0])
  @ApiQuery(PAGING_QUERY[1])
  @ApiQuery(PAGING_QUERY[2])
  @ApiQuery(PAGING_QUERY[3])
  @ApiResult(200, pagedSchema(INTEGRATION_SCHEMA), [400, 401])
  list(@Query() raw: Record<string, unknown>) {
    return this.integrations.list(parsePaging(raw));
  }

  @Get(':platformKey')
  @ApiOperation({ summary: 'Get an integration', operationId: 'get-integration' })
  @ApiResult(200, INTEGRATION_SCHEMA)
  get(@Param('platformKey') key: string) {
    return this.integrations.get(key);
  }

  @Get(':platformKey/branding')
  @ApiOperation({ summary: "Get an integration's branding", operationId: 'get-integrations-branding' })
  @ApiResult(200, { type: 'object' })
  branding(@Param('platformKey') key: string) {
    return this.integrations.branding(key);
  }

  @Public()
  @Get(':platformKey/logo.svg')
  @Header('Content-Type', 'image/svg+xml')
  @Header('Cache-Control', 'public, max-age=86400')
  @ApiOperation({ summary: "An integration's logo (no authentication)", operationId: 'get-integration-logo' })
  logo(@Param('platformKey') key: string) {
    return this.integrations.require(key).logoSvg;
  }
}
