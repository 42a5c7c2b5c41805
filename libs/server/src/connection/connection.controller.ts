import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ClientId } from '../auth/api-key.guard';
import { ApiBodySchema, ApiResult, PAGING_QUERY, pagedSchema } from '../common/http/openapi';
import { validate } from '../common/http/validate';
import { parsePaging } from '../common/paging';
import { CONNECTION_SCHEMA } from '../company/company.openapi';
import { createConnectionSchema, credentialsSchema, updateConnectionSchema } from './connection.schemas';
import { ConnectionService } from './connection.service';

@ApiTags('Connections')
@Controller('companies/:companyId/connections')
export class ConnectionController {
  constructor(private readonly connections: ConnectionService) {}

  @Get()
  @ApiOperation({ summary: 'List connections', operationId: 'list-connections' })
  @ApiQuery(PAGING_QUERY[0])
  @ApiQuery(PAGING_QUERY[1])
  @ApiQuery(PAGING_QUERY[2])
  @ApiQuery(PAGING_QUERY[3])
  @ApiResult(200, pagedSchema(CONNECTION_SCHEMA))
  list(@ClientId() clientId: string, @Param('companyId') companyId: string, @Query() raw: Record<string, unknown>) {
    return this.connections.list(clientId, companyId, parsePaging(raw));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a connection (starts as PendingAuth)', operationId: 'create-connection' })
  @ApiBodySchema(createConnectionSchema)
  @ApiResult(200, CONNECTION_SCHEMA)
  async create(@ClientId() clientId: string, @Param('companyId') companyId: string, @Body() body: unknown) {
    return this.connections.create(clientId, companyId, validate(createConnectionSchema, body).platformKey);
  }

  @Get(':connectionId')
  @ApiOperation({ summary: 'Get a connection', operationId: 'get-connection' })
  @ApiResult(200, CONNECTION_SCHEMA)
  get(@ClientId() clientId: string, @Param('companyId') companyId: string, @Param('connectionId') id: string) {
    return this.connections.get(clientId, companyId, id);
  }

  @Patch(':connectionId')
  @ApiOperation({ summary: 'Unlink a connection (keeps its data)', operationId: 'unlink-connection' })
  @ApiBodySchema(updateConnectionSchema)
  @ApiResult(200, CONNECTION_SCHEMA)
  async unlink(@ClientId() clientId: string, @Param('companyId') companyId: string, @Param('connectionId') id: string, @Body() body: unknown) {
    await this.connections.requireConnection(clientId, companyId, id);
    validate(updateConnectionSchema, body);
    return this.connections.unlink(clientId, companyId, id);
  }

  @Delete(':connectionId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a connection (irreversible)', operationId: 'delete-connection' })
  @ApiResult(200)
  async remove(@ClientId() clientId: string, @Param('companyId') companyId: string, @Param('connectionId') id: string) {
    await this.connections.remove(clientId, companyId, id);
  }

  @Put(':connectionId/authorization')
  @ApiOperation({ summary: 'Authorise a connection with platform credentials', operationId: 'update-connection-authorization' })
  @ApiBodySchema(credentialsSchema)
  @ApiResult(200, CONNECTION_SCHEMA)
  async authorize(@ClientId() clientId: string, @Param('companyId') companyId: string, @Param('connectionId') id: string, @Body() body: unknown) {
    await this.connections.requireConnection(clientId, companyId, id);
    return this.connections.authorize(clientId, companyId, id, validate(credentialsSchema, body ?? {}, 'credentials'));
  }
}
