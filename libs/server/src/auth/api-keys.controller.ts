import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { validate } from '../common/http/validate';
import { ApiBodySchema, ApiResult } from '../common/http/openapi';
import { uuidParam } from '../common/http/params';
import { AuthService } from './auth.service';
import { ClientId } from './api-key.guard';

const createApiKeySchema = z.object({ name: z.string().trim().min(1).max(200).nullish() }).strict().nullish();

const apiKeySchema = {
  type: 'object',
  required: ['id', 'createdDate'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    apiKey: { type: 'string', description: 'Only returned when the key is created.' },
    createdDate: { type: 'string', format: 'date-time' },
  },
};

@ApiTags('Settings')
@Controller('apiKeys')
export class ApiKeysController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @ApiOperation({ summary: 'List API keys', operationId: 'list-api-keys' })
  @ApiResult(200, { type: 'object', properties: { results: { type: 'array', items: apiKeySchema } } })
  async list(@ClientId() clientId: string) {
    return { results: await this.auth.listApiKeys(clientId) };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an API key (at most 10)', operationId: 'create-api-key' })
  @ApiBodySchema(createApiKeySchema)
  @ApiResult(201, apiKeySchema)
  async create(@ClientId() clientId: string, @Body() body: unknown) {
    const input = validate(createApiKeySchema, body);
    return this.auth.createApiKey(clientId, input?.name ?? undefined);
  }

  @Delete(':apiKeyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an API key (not the last one)', operationId: 'delete-api-key' })
  @ApiResult(204)
  async remove(@ClientId() clientId: string, @Param('apiKeyId') id: string) {
    await this.auth.deleteApiKey(clientId, uuidParam(id, `API key ${id} not found`));
  }
}
